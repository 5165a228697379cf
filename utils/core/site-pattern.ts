/**
 * Site patterns: what a person types to name a site a commitment gates.
 *
 *   mail.google.com        that host only
 *   *.fastmail.com         fastmail.com itself and every subdomain
 *   www.icloud.com/mail    that host, only under the path /mail
 * Pure: no browser APIs beyond the WHATWG `URL` class (available in workers, pages and Node).
 *
 * The same pattern is matched in two places that must always agree:
 *   - `matchesUrl`, in the extension's own code;
 *   - `patternToRegex`, compiled into a Chrome declarativeNetRequest `regexFilter` (RE2).
 * Decisions shared by both:
 *   - Any port matches (a port typed in a pattern is dropped): a site is the same site on any port,
 *     and a gate that `:8443` slips past is no gate.
 *   - A host written with a trailing dot (`mail.google.com.`) is the same host.
 *   - Paths compare case-INsensitively. DNR regex filters match case-insensitively by default
 *     (`isUrlFilterCaseSensitive: false`); a case-sensitive path group would need `(?-i:…)`, which RE2
 *     has but the JS regexes we test agreement with (Node 20) do not. And for a gate, also catching
 *     `/MAIL` errs on the safe side.
 *   - A path prefix matches only at a segment boundary: `/mail` matches `/mail/inbox`, not `/mailbox`.
 */
import type { Result } from './types';
import { fail } from './result';
import { tr } from './i18n';

export interface SitePattern {
  /** Lowercase ASCII (punycode) host, an IPv4 address, or a bracketed IPv6 address like `[::1]`. */
  host: string;
  /** Also match every subdomain of `host` (written `*.host`). */
  subdomains: boolean;
  /** '' or a percent-encoded path like '/mail', without a trailing slash. Keeps the case typed. */
  pathPrefix: string;
}

/** Longest pattern accepted, in characters. Real sites are far shorter; this keeps regexes (and the UI) small. */
export const MAX_PATTERN_LENGTH = 200;

const EXAMPLE = (): string => tr('site_pattern_a_site_looks_like_mail_google');


/** The input as shown back in an error message, cut short if long. */
function quote(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

export function parseSitePattern(input: string): Result<SitePattern> {
  const text = input.trim();
  if (!text) return fail(tr('site_pattern_type_a_site', { value: EXAMPLE() }));
  const shown = quote(text);
  if (text.length > MAX_PATTERN_LENGTH) {
    return fail(tr('site_pattern_is_longer_than_characters', { shown, MAX_PATTERN_LENGTH, value: EXAMPLE() }));
  }
  if (/\s/.test(text)) return fail(tr('site_pattern_has_a_space_in_it', { shown, value: EXAMPLE() }));

  // Scheme: only http(s), and it is dropped. `host:8080` must not be mistaken for a scheme.
  let rest = text;
  const notWeb = tr('site_pattern_isnt_a_web_site_tandem_can_only', { shown, value: EXAMPLE() });
  const web = /^https?:\/*/i.exec(rest); // browsers read `http:/x` and `http:x` as http://x too
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(rest);
  if (web) {
    rest = rest.slice(web[0].length);
  } else if (scheme && rest.startsWith('://', scheme[1]!.length)) {
    return fail(notWeb); // ftp://, chrome:// …
  } else if (scheme) {
    // `name:` is a scheme (file:, about:blank, mailto:) unless the name looks like a host and a port follows.
    const name = scheme[1]!.toLowerCase();
    const after = rest.slice(scheme[0].length);
    const hostLike = name.includes('.') || name === 'localhost';
    if (!hostLike && !/^\d+(?:\/|$)/.test(after)) return fail(notWeb);
    if (hostLike && !/^\d*(?:\/|$)/.test(after)) {
      return fail(tr('site_pattern_the_port_in_should_be_a_number', { shown }));
    }
  }

  if (/[?#]/.test(rest)) {
    return fail(tr('site_pattern_has_a_or_in_it_leave_out', { shown }));
  }

  const slash = rest.indexOf('/');
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);

  if (authority.includes('@')) {
    return fail(tr('site_pattern_has_an_in_it_leave_out_any_name', { shown, value: EXAMPLE() }));
  }

  const subdomains = authority.startsWith('*.');
  if (subdomains) authority = authority.slice(2);
  if (authority === '*' || (subdomains && authority === '')) {
    return fail(tr('site_pattern_would_match_every_site_name_one', { shown }));
  }
  if (authority.includes('*') || path.includes('*')) {
    return fail(tr('site_pattern_has_a_in_the_wrong_place_it_can', { shown }));
  }
  if (!authority) return fail(tr('site_pattern_has_no_site_name_in_it', { shown, value: EXAMPLE() }));

  // Split off the port (IPv6 hosts are bracketed and contain colons).
  let hostText = authority;
  let port: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    const after = close < 0 ? '' : authority.slice(close + 1);
    if (close < 0 || (after && !after.startsWith(':'))) {
      return fail(tr('site_pattern_isnt_a_valid_address', { shown, value: EXAMPLE() }));
    }
    hostText = authority.slice(0, close + 1);
    if (after) port = after.slice(1);
  } else {
    const colon = authority.indexOf(':');
    if (colon >= 0) {
      hostText = authority.slice(0, colon);
      port = authority.slice(colon + 1);
    }
  }
  if (port !== undefined && !/^\d{0,5}$/.test(port)) {
    return fail(tr('site_pattern_the_port_in_should_be_a_number', { shown }));
  }

  // Before the trailing dot is dropped, so that `a..` cannot become the dotless `a`.
  if (/\.\./.test(hostText)) return fail(tr('site_pattern_has_two_dots_in_a_row', { shown, value: EXAMPLE() }));
  if (hostText.endsWith('.')) hostText = hostText.slice(0, -1);
  const ipv6 = hostText.startsWith('[');
  if (!ipv6) {
    if (hostText.startsWith('.')) {
      return fail(tr('site_pattern_starts_with_a_dot_to_include', { shown, value: hostText.replace(/^\.+/, '') }));
    }
    if (!/^[\p{L}\p{N}\p{M}._-]+$/u.test(hostText)) {
      return fail(tr('site_pattern_has_a_character_that_cant_be_in', { shown }));
    }
    // Checked before normalising: the URL parser would turn a bare number into an IPv4 address.
    if (!/[.\u3002\uff0e\uff61]/.test(hostText) && hostText.toLowerCase() !== 'localhost') {
      return fail(tr('site_pattern_needs_a_dot_only_localhost_goes', { shown, value: EXAMPLE() }));
    }
  }

  // The URL parser lowercases, applies IDNA (punycode) and canonicalises IP addresses, as browsers do.
  let host: string;
  try {
    host = new URL(`http://${hostText}/`).hostname;
  } catch {
    return fail(tr('site_pattern_isnt_a_valid_site_name', { shown, value: EXAMPLE() }));
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  const validHost = ipv6 ? /^\[[0-9a-f:.]+\]$/.test(host) : /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/.test(host);
  if (!validHost) return fail(tr('site_pattern_isnt_a_valid_site_name', { shown, value: EXAMPLE() }));
  if (subdomains && (ipv6 || /^\d+\.\d+\.\d+\.\d+$/.test(host))) {
    return fail(tr('site_pattern_works_with_site_names_not_ip', { host }));
  }

  // Canonicalise the path as browsers do (percent-encoding, `.`/`..` segments), then drop trailing slashes.
  let pathPrefix = '';
  if (path) {
    try {
      pathPrefix = new URL(`http://h${path}`).pathname.replace(/\/+$/, '');
    } catch {
      return fail(tr('site_pattern_has_a_path_that_isnt_valid_as_in', { shown }));
    }
  }
  return { ok: true, value: { host, subdomains, pathPrefix } };
}

/** Canonical text for a pattern: '*.fastmail.com', 'www.icloud.com/mail'. */
export function formatSitePattern(p: SitePattern): string {
  return `${p.subdomains ? '*.' : ''}${p.host}${p.pathPrefix}`;
}

/** Parse then format: the form in which patterns are stored. */
export function normaliseSitePattern(input: string): Result<string> {
  const parsed = parseSitePattern(input);
  return parsed.ok ? { ok: true, value: formatSitePattern(parsed.value) } : parsed;
}

/** Site patterns in canonical form, without blanks or repeats; the first invalid one is refused. */
export function normaliseSitePatterns(raw: string[]): Result<string[]> {
  const sites = new Set<string>();
  for (const text of raw.filter((t) => t.trim())) { // blank lines in the list are not an error
    const site = normaliseSitePattern(text);
    if (!site.ok) return site;
    sites.add(site.value);
  }
  return { ok: true, value: [...sites] };
}

function parseHttpUrl(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/** `mail.google.com.` is the same host as `mail.google.com`. */
function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** Lowercase host of an http(s) URL (trailing dot dropped; IPv6 keeps its brackets), else null. */
export function hostOf(url: string): string | null {
  const u = parseHttpUrl(url);
  return u ? withoutTrailingDot(u.hostname) || null : null;
}

export function matchesUrl(p: SitePattern, url: string): boolean {
  const u = parseHttpUrl(url);
  if (!u) return false;
  // `hostname` is the real host: userinfo, path, query and fragment cannot masquerade as it.
  const host = withoutTrailingDot(u.hostname);
  if (host !== p.host && !(p.subdomains && host.endsWith(`.${p.host}`))) return false;
  if (!p.pathPrefix) return true;
  const path = u.pathname.toLowerCase();
  const prefix = p.pathPrefix.toLowerCase();
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Escape for RE2 and JS alike: only punctuation escapes, which both accept. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

// Shared parts of the regex, matched against a canonical URL (`URL#href`; Chrome's canonical form):
//   scheme, optional `user:pw@` (userinfo cannot contain / ? # @ once canonical),
//   …host…, optional trailing dot, optional port, then the rest of the URL from its first / ? or #.
const REGEX_HEAD = '^https?://(?:[^/?#@]*@)?';
const REGEX_PORT = '\\.?(?::\\d+)?';
const REGEX_TAIL = '(?:[/?#].*)?$';

/**
 * An RE2 regex (for DNR `regexFilter`) matching the WHOLE URL, so `\0` substitution yields it all.
 * No lookarounds or backreferences; a few dozen characters, well under DNR's 2KB compiled limit.
 * Matches case-insensitively as DNR does; the host is already lowercase ASCII in canonical URLs.
 */
export function patternToRegex(p: SitePattern): string {
  // A subdomain is any run of host characters ending in a dot; it cannot reach past the host
  // because canonical hosts never contain / ? # @ or (outside IPv6) a colon.
  const sub = p.subdomains ? '(?:[^/?#@:]*\\.)?' : '';
  return `${REGEX_HEAD}${sub}${escapeRegex(p.host)}${REGEX_PORT}${escapeRegex(p.pathPrefix)}${REGEX_TAIL}`;
}

/** Regex matching any http(s) URL whose host is exactly `host` (any port, path, userinfo). */
export function exactHostRegex(host: string): string {
  return patternToRegex({ host: withoutTrailingDot(host.toLowerCase()), subdomains: false, pathPrefix: '' });
}

/** Whether `url` is covered by a stored (already validated) site pattern; an unparsable one covers nothing. */
export function siteMatches(site: string, url: string): boolean {
  const p = parseSitePattern(site);
  return p.ok && matchesUrl(p.value, url);
}
