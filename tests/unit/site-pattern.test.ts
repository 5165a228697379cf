import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PATTERN_LENGTH,
  exactHostRegex,
  formatSitePattern,
  hostOf,
  matchesUrl,
  normaliseSitePattern,
  parseSitePattern,
  patternToRegex,
  type SitePattern,
} from '../../utils/core/site-pattern';

function parse(input: string): SitePattern {
  const r = parseSitePattern(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.error}`);
  return r.value;
}

/** What DNR sees: the canonical URL, matched case-insensitively. */
function regexMatches(p: SitePattern, url: string): boolean {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return false;
  }
  return new RegExp(patternToRegex(p), 'i').test(href);
}

/** Both matchers, asserted to agree. */
function matches(pattern: string, url: string): boolean {
  const p = parse(pattern);
  const m = matchesUrl(p, url);
  expect(regexMatches(p, url), `regex disagrees for ${pattern} on ${url}`).toBe(m);
  return m;
}

describe('parseSitePattern', () => {
  it.each([
    ['mail.google.com', 'mail.google.com'],
    ['  Mail.Google.COM  ', 'mail.google.com'],
    ['https://mail.google.com/', 'mail.google.com'],
    ['HTTP://mail.google.com', 'mail.google.com'],
    ['http:mail.google.com', 'mail.google.com'],
    ['mail.google.com:8080', 'mail.google.com'],
    ['mail.google.com.', 'mail.google.com'],
    ['*.fastmail.com', '*.fastmail.com'],
    ['*.FastMail.com/', '*.fastmail.com'],
    ['www.icloud.com/mail', 'www.icloud.com/mail'],
    ['www.icloud.com/Mail/', 'www.icloud.com/Mail'],
    ['https://www.icloud.com:443/mail//', 'www.icloud.com/mail'],
    ['example.com/a/../b', 'example.com/b'],
    ['example.com/café', 'example.com/caf%C3%A9'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.BÜCHER.de', '*.xn--bcher-kva.de'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['localhost', 'localhost'],
    ['localhost:3000/app', 'localhost/app'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://192.168.1.10:8080/admin', '192.168.1.10/admin'],
    ['[::1]:8080', '[::1]'],
    ['[2001:DB8::1]/x', '[2001:db8::1]/x'],
    ['my_host.example.com', 'my_host.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSitePattern(input)).toEqual({ ok: true, value: expected });
  });

  it('splits host, subdomains and path', () => {
    expect(parse('*.fastmail.com')).toEqual({ host: 'fastmail.com', subdomains: true, pathPrefix: '' });
    expect(parse('www.icloud.com/mail')).toEqual({ host: 'www.icloud.com', subdomains: false, pathPrefix: '/mail' });
  });

  it.each([
    ['', /type a site/i],
    ['   ', /type a site/i],
    ['mail google.com', /space/],
    ['mail.google.com/a b', /space/],
    ['ftp://example.com', /http and https/],
    ['chrome://extensions', /http and https/],
    ['file:///etc/passwd', /http and https/],
    ['file:/etc/passwd', /http and https/],
    ['about:blank', /http and https/],
    ['javascript:alert(1)', /http and https/],
    ['mailto:me@example.com', /http and https/],
    ['*', /every site/],
    ['*.', /every site/],
    ['*.*', /every site/],
    ['https://*', /every site/],
    ['mail.*.com', /“\*”/],
    ['*mail.google.com', /“\*”/],
    ['mail.google.*', /“\*”/],
    ['*.*.google.com', /“\*”/],
    ['example.com/*', /“\*”/],
    ['a'.repeat(MAX_PATTERN_LENGTH - 3) + '.com', /longer than/],
    ['mail!.google.com', /character/],
    ['mail.goo<gle.com', /character/],
    ['exa%mple.com', /character/],
    ['localhostx', /dot/],
    ['intranet', /dot/],
    ['1234', /dot/],
    ['.google.com', /\*\.google\.com/],
    ['mail..google.com', /two dots/],
    ['A..', /two dots/], // found by the idempotence property: it once parsed to the dotless “a”
    ['example.com..', /two dots/],
    ['example.123', /valid/],
    ['user@example.com', /“@”/],
    ['https://user:pw@example.com/', /“@”/],
    ['example.com?q=1', /“\?” or “#”/],
    ['example.com/mail#inbox', /“\?” or “#”/],
    ['example.com:http', /port/],
    ['*.127.0.0.1', /IP address/],
    ['*.[::1]', /IP address/],
    ['https://', /no site name/],
    ['https:///mail', /dot/],
    ['localhost:abc', /port/],
    ['/mail', /no site name/],
    ['[::1', /valid/],
  ])('refuses %j with a clear message', (input, message) => {
    const r = parseSitePattern(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.length).toBeGreaterThan(10);
      expect(r.error).toMatch(message);
    }
  });

  it('quotes what was typed', () => {
    const r = parseSitePattern('mail google.com');
    expect(r).toEqual({ ok: false, error: '“mail google.com” has a space in it — a site looks like mail.google.com' });
  });

  it('accepts exactly MAX_PATTERN_LENGTH characters', () => {
    const long = 'a'.repeat(MAX_PATTERN_LENGTH - 4) + '.com';
    expect(long.length).toBe(MAX_PATTERN_LENGTH);
    // Labels over 63 characters are still accepted by the URL parser; the length limit is ours.
    expect(parseSitePattern(long).ok).toBe(true);
  });
});

describe('matchesUrl and patternToRegex', () => {
  it('matches the host on http and https, any port, any path', () => {
    expect(matches('mail.google.com', 'https://mail.google.com/')).toBe(true);
    expect(matches('mail.google.com', 'http://mail.google.com/mail/u/0/#inbox')).toBe(true);
    expect(matches('mail.google.com', 'https://MAIL.Google.com:8443/x?y=1')).toBe(true);
    expect(matches('mail.google.com:8080', 'https://mail.google.com/')).toBe(true);
    expect(matches('mail.google.com', 'https://mail.google.com./')).toBe(true);
    expect(matches('mail.google.com', 'https://user:pw@mail.google.com/')).toBe(true);
  });

  it('refuses other schemes and nonsense', () => {
    expect(matches('mail.google.com', 'ftp://mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'ws://mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'view-source:https://mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'mail.google.com')).toBe(false);
    expect(matches('mail.google.com', '')).toBe(false);
  });

  it('never matches lookalike hosts', () => {
    expect(matches('mail.google.com', 'https://mail.google.com.evil.example/')).toBe(false);
    expect(matches('mail.google.com', 'https://notmail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'https://google.com/')).toBe(false);
    expect(matches('mail.google.com', 'https://x.mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'https://mail.google.com@evil.example/')).toBe(false);
    expect(matches('mail.google.com', 'https://mail.google.com:pw@evil.example/')).toBe(false);
    expect(matches('mail.google.com', 'https://mail-google.com/')).toBe(false);
    expect(matches('*.fastmail.com', 'https://notfastmail.com/')).toBe(false);
    expect(matches('*.fastmail.com', 'https://fastmail.com.evil.example/')).toBe(false);
    expect(matches('*.fastmail.com', 'https://fastmail.co/')).toBe(false);
  });

  it('never matches the host mentioned only in path, query or fragment', () => {
    expect(matches('mail.google.com', 'https://evil.example/mail.google.com')).toBe(false);
    expect(matches('mail.google.com', 'https://evil.example/?next=https://mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'https://evil.example/#mail.google.com')).toBe(false);
    expect(matches('mail.google.com', 'https://evil.example/#@mail.google.com/')).toBe(false);
    expect(matches('mail.google.com', 'https://evil.example\\@mail.google.com/')).toBe(false);
  });

  it('*.x matches the apex and any depth of subdomain', () => {
    expect(matches('*.fastmail.com', 'https://fastmail.com/')).toBe(true);
    expect(matches('*.fastmail.com', 'https://www.fastmail.com/')).toBe(true);
    expect(matches('*.fastmail.com', 'https://a.b.c.fastmail.com:81/x')).toBe(true);
    expect(matches('*.fastmail.com', 'http://u@app.fastmail.com./')).toBe(true);
  });

  it('path prefixes match at a segment boundary', () => {
    const p = 'www.icloud.com/mail';
    expect(matches(p, 'https://www.icloud.com/mail')).toBe(true);
    expect(matches(p, 'https://www.icloud.com/mail/')).toBe(true);
    expect(matches(p, 'https://www.icloud.com/mail/inbox')).toBe(true);
    expect(matches(p, 'https://www.icloud.com/mail?x')).toBe(true);
    expect(matches(p, 'https://www.icloud.com/mail#y')).toBe(true);
    expect(matches(p, 'https://www.icloud.com:444/mail')).toBe(true);
    expect(matches(p, 'https://www.icloud.com/mailbox')).toBe(false);
    expect(matches(p, 'https://www.icloud.com/')).toBe(false);
    expect(matches(p, 'https://www.icloud.com/notes?mail')).toBe(false);
    expect(matches(p, 'https://www.icloud.com/notes#/mail')).toBe(false);
    expect(matches(p, 'https://www.icloud.com/x/../mail')).toBe(true); // the browser resolves ..
  });

  it('compares paths case-insensitively, as DNR does', () => {
    expect(matches('www.icloud.com/mail', 'https://www.icloud.com/MAIL/inbox')).toBe(true);
    expect(matches('www.icloud.com/Mail', 'https://www.icloud.com/mail')).toBe(true);
    expect(matches('example.com/café', 'https://example.com/CAF%c3%a9/x')).toBe(true);
  });

  it('handles unicode hosts via punycode', () => {
    expect(matches('bücher.de', 'https://xn--bcher-kva.de/')).toBe(true);
    expect(matches('xn--bcher-kva.de', 'https://BÜCHER.de/')).toBe(true);
    expect(matches('*.bücher.de', 'https://shop.bücher.de/')).toBe(true);
    expect(matches('bücher.de', 'https://bucher.de/')).toBe(false);
  });

  it('handles IP addresses and localhost', () => {
    expect(matches('127.0.0.1', 'http://127.0.0.1:5173/')).toBe(true);
    expect(matches('127.0.0.1', 'http://127.1/')).toBe(true);
    expect(matches('127.0.0.1', 'http://127.0.0.10/')).toBe(false);
    expect(matches('[::1]', 'http://[::1]:8080/')).toBe(true);
    expect(matches('[::1]', 'http://[::2]/')).toBe(false);
    expect(matches('localhost/app', 'http://localhost:3000/app/x')).toBe(true);
  });

  it('builds small, anchored regexes with no lookarounds or backreferences', () => {
    for (const input of ['mail.google.com', '*.fastmail.com', 'www.icloud.com/mail', '[::1]/a(b)+c']) {
      const re = patternToRegex(parse(input));
      expect(re.startsWith('^')).toBe(true);
      expect(re.endsWith('(?:[/?#].*)?$')).toBe(true);
      expect(re).not.toMatch(/\(\?[=!<]|\\[1-9]/);
      expect(re.length).toBeLessThan(300);
    }
    expect(patternToRegex(parse('*.fastmail.com'))).toBe('^https?://(?:[^/?#@]*@)?(?:[^/?#@:]*\\.)?fastmail\\.com\\.?(?::\\d+)?(?:[/?#].*)?$');
  });

  it('regex matches the whole URL, so \\0 yields it all', () => {
    const url = 'https://u:p@www.icloud.com:8443/mail/x?y=1#z';
    const m = new RegExp(patternToRegex(parse('www.icloud.com/mail')), 'i').exec(new URL(url).href);
    expect(m?.[0]).toBe(new URL(url).href);
  });
});

describe('hostOf and exactHostRegex', () => {
  it('hostOf returns the lowercase host of http(s) URLs only', () => {
    expect(hostOf('https://Mail.Google.com:8443/x')).toBe('mail.google.com');
    expect(hostOf('http://user@bücher.de./')).toBe('xn--bcher-kva.de');
    expect(hostOf('http://[::1]:80/')).toBe('[::1]');
    expect(hostOf('ftp://example.com/')).toBeNull();
    expect(hostOf('chrome://newtab')).toBeNull();
    expect(hostOf('not a url')).toBeNull();
  });

  it('exactHostRegex matches that host only, any port/path/userinfo', () => {
    const re = new RegExp(exactHostRegex('news.example.com'), 'i');
    expect(re.test('https://news.example.com/')).toBe(true);
    expect(re.test('http://u:p@news.example.com:8080/a?b#c')).toBe(true);
    expect(re.test('https://news.example.com./')).toBe(true);
    expect(re.test('https://x.news.example.com/')).toBe(false);
    expect(re.test('https://news.example.com.evil/')).toBe(false);
    expect(re.test('https://newsxexample.com/')).toBe(false);
    expect(re.test('https://evil.example/news.example.com')).toBe(false);
    expect(re.test('ftp://news.example.com/')).toBe(false);
  });

  it('exactHostRegex agrees with hostOf', () => {
    fc.assert(
      fc.property(arbUrl(fc.constantFrom(...HOSTS.map((h) => ({ host: h, subdomains: false, pathPrefix: '' })))), fc.constantFrom(...HOSTS), (url, host) => {
        let href: string;
        try {
          href = new URL(url).href;
        } catch {
          return;
        }
        expect(new RegExp(exactHostRegex(host), 'i').test(href)).toBe(hostOf(url) === host);
      }),
    );
  });
});

// ---- property-based agreement between matchesUrl and the DNR regex ----

const LABELS = ['mail', 'google', 'a', 'x-y', 'fast', 'mail2', 'co', 'my_app', 'bücher', 'пример', 'ex'];
const TLDS = ['com', 'org', 'de', 'co.uk', 'example', 'рф'];
const HOSTS = ['mail.google.com', 'google.com', 'fastmail.com', 'a.b.example', 'xn--bcher-kva.de', 'localhost', '127.0.0.1', '[::1]'];

const arbDomain = fc
  .tuple(fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }), fc.constantFrom(...TLDS))
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`);

const arbSegment = fc.constantFrom('mail', 'Mail', 'MAIL', 'a', 'box', 'mailbox', 'café', '%C3%A9', 'x.y', 'a+b', '(x)', '$', '~u');
const arbPath = fc.array(arbSegment, { maxLength: 3 }).map((segs) => segs.map((s) => `/${s}`).join(''));

const arbPatternText = fc
  .tuple(
    fc.boolean(),
    fc.oneof({ weight: 5, arbitrary: arbDomain }, { weight: 1, arbitrary: fc.constantFrom('localhost', '127.0.0.1', '[::1]') }),
    arbPath,
    fc.constantFrom('', 'https://', 'HTTP://'),
    fc.constantFrom('', ':8080'),
    fc.constantFrom('', '/'),
  )
  .map(([sub, host, path, scheme, port, slash]) => {
    const wildcard = sub && !/^[\d[]/.test(host) && host !== 'localhost';
    return `${scheme}${wildcard ? '*.' : ''}${host}${port}${path}${slash}`;
  });

const arbPattern = arbPatternText.map(parse);

/** Hosts related to the pattern's host: itself, subdomains, parents and lookalikes. */
function relatedHost(p: SitePattern): fc.Arbitrary<string> {
  const h = p.host;
  const parent = h.includes('.') && !h.startsWith('[') ? h.slice(h.indexOf('.') + 1) : 'example.com';
  return fc.oneof(
    fc.constant(h),
    fc.constant(h.toUpperCase()),
    fc.constant(`${h}.`),
    fc.constantFrom(...LABELS).map((l) => `${l}.${h}`),
    fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...LABELS)).map(([a, b]) => `${a}.${b}.${h}`),
    fc.constantFrom(...LABELS).map((l) => `${l}${h}`),
    fc.constantFrom(...LABELS).map((l) => `${l}-${h}`),
    fc.constantFrom('evil.example', 'com', 'evil').map((s) => `${h}.${s}`),
    fc.constant(parent),
    arbDomain,
  );
}

function arbUrl(arbP: fc.Arbitrary<SitePattern>): fc.Arbitrary<string> {
  return arbP.chain((p) =>
    fc
      .tuple(
        fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'ws://', 'http:'),
        fc.constantFrom('', 'user@', 'user:pw@', `${p.host}@`, `${p.host}:x@`),
        relatedHost(p),
        fc.constantFrom('', ':80', ':443', ':8080', ':'),
        fc.oneof(
          arbPath,
          fc.constant(p.pathPrefix),
          arbPath.map((rest) => `${p.pathPrefix}${rest}`),
          fc.constantFrom('box', 'x/', '/', '.', '/../x').map((rest) => `${p.pathPrefix}${rest}`),
          fc.constant(`/${p.host}`),
          fc.constant(`/redirect/https://${p.host}${p.pathPrefix}`),
        ),
        fc.constantFrom('', '?', '?q=1', `?next=https://${p.host}${p.pathPrefix}`, '?@x'),
        fc.constantFrom('', '#', '#frag', `#${p.host}${p.pathPrefix}`, '#/mail'),
      )
      .map((parts) => parts.join('')),
  );
}

describe('properties', () => {
  it('matchesUrl agrees with the DNR regex on the canonical URL', () => {
    let matched = 0;
    let total = 0;
    fc.assert(
      fc.property(
        arbPattern.chain((p) => fc.tuple(fc.constant(p), arbUrl(fc.constant(p)))),
        ([p, url]) => {
          const m = matchesUrl(p, url);
          total++;
          if (m) matched++;
          expect(regexMatches(p, url)).toBe(m);
        },
      ),
      { numRuns: 3000 },
    );
    // The generator must exercise both outcomes substantially.
    expect(matched).toBeGreaterThan(total * 0.1);
    expect(total - matched).toBeGreaterThan(total * 0.1);
  });

  it('parse(format(p)) equals p', () => {
    fc.assert(
      fc.property(arbPattern, (p) => {
        expect(parseSitePattern(formatSitePattern(p))).toEqual({ ok: true, value: p });
      }),
      { numRuns: 1000 },
    );
  });

  it('normalising is idempotent, for any input that parses', () => {
    fc.assert(
      fc.property(fc.oneof(arbPatternText, fc.string({ maxLength: 30 }), fc.webUrl()), (text) => {
        const once = normaliseSitePattern(text);
        if (once.ok) expect(normaliseSitePattern(once.value)).toEqual(once);
        else expect(once.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pattern always matches URLs built from itself', () => {
    fc.assert(
      fc.property(arbPattern, fc.constantFrom('http://', 'https://'), fc.constantFrom('', '/x', '?q', '#f'), (p, scheme, rest) => {
        expect(matchesUrl(p, `${scheme}${p.host}${p.pathPrefix}${rest}`)).toBe(true);
      }),
    );
  });
});
