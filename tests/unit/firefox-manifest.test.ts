/**
 * Firefox's manifest settings (scripts/firefox-manifest.ts): the add-on id, the minimum versions that match
 * `data_collection_permissions`, and what a build says it transmits — nothing without a Firebase config, the
 * partner summary's personal data with one. Also the reason `npm run lint:firefox` may pass over web-ext's
 * innerHTML warning in Preact: no product source hands Preact HTML to insert, checked here.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIREFOX_ID, FIREFOX_ANDROID_MIN_VERSION, FIREFOX_MIN_VERSION, firefoxId, firefoxSettings, isSyncBuild,
} from '@/scripts/firefox-manifest';
import { syncConfigFrom } from '@/utils/firestore/config';
import { codeOnly, findIn, read, show, sourceFiles } from '../support/source';

const LOCAL = {};
const SYNC = { WXT_FIREBASE_PROJECT_ID: 'demo-tandem', WXT_FIREBASE_API_KEY: 'demo-key' };

describe('what a Firefox build says it transmits', () => {
  it('a local-only build: nothing', () => {
    expect(firefoxSettings(LOCAL).gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('a sync build: personal data (the name and an anonymous account id), and never "none"', () => {
    const required = firefoxSettings(SYNC).gecko.data_collection_permissions.required;
    expect(required).toEqual(['personallyIdentifyingInfo']);
    expect(required).not.toContain('none');
    // Nothing of a person's browsing is sent (PRIVACY.md; the summary allowlist).
    expect(required).not.toContain('browsingActivity');
  });

  it('decides "sync build" exactly as the extension does (utils/firestore/config.ts)', () => {
    const envs = [
      {},
      { WXT_FIREBASE_PROJECT_ID: 'p' },
      { WXT_FIREBASE_API_KEY: 'k' },
      { WXT_FIREBASE_PROJECT_ID: '  ', WXT_FIREBASE_API_KEY: 'k' },
      { WXT_FIREBASE_PROJECT_ID: 'p', WXT_FIREBASE_API_KEY: '' },
      { WXT_FIREBASE_PROJECT_ID: 'p', WXT_FIREBASE_API_KEY: 'k' },
      { ...SYNC, WXT_FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' },
    ];
    for (const env of envs) expect([env, isSyncBuild(env)]).toEqual([env, syncConfigFrom(env) !== null]);
    expect(envs.filter(isSyncBuild)).toHaveLength(2);
  });

  it('asks for Firefox 140 (desktop) and 142 (Android), where data_collection_permissions began', () => {
    const s = firefoxSettings(LOCAL);
    expect(s.gecko.strict_min_version).toBe('140.0');
    expect(s.gecko_android.strict_min_version).toBe('142.0');
    expect([FIREFOX_MIN_VERSION, FIREFOX_ANDROID_MIN_VERSION]).toEqual(['140.0', '142.0']);
  });
});

describe('the add-on id', () => {
  it('is the default unless TANDEM_FIREFOX_ID gives one', () => {
    expect(firefoxId({})).toBe(DEFAULT_FIREFOX_ID);
    expect(firefoxId({ TANDEM_FIREFOX_ID: ' ' })).toBe(DEFAULT_FIREFOX_ID);
    expect(firefoxId({ TANDEM_FIREFOX_ID: 'tandem@example.org' })).toBe('tandem@example.org');
    expect(firefoxId({ TANDEM_FIREFOX_ID: '{0f6d3a52-2b1e-4c8e-9d7a-1a2b3c4d5e6f}' })).toBe('{0f6d3a52-2b1e-4c8e-9d7a-1a2b3c4d5e6f}');
    expect(firefoxSettings({ TANDEM_FIREFOX_ID: 'me@my.org' }).gecko.id).toBe('me@my.org');
  });

  it('refuses what is not an id, and placeholder domains', () => {
    for (const id of ['tandem', 'tandem@', '@tandem.org', 'tan dem@x.org', 'tandem@localhost', '{not-a-guid}']) {
      expect(() => firefoxId({ TANDEM_FIREFOX_ID: id }), id).toThrow(/not a Firefox add-on id/);
    }
    for (const id of ['tandem@tandem.invalid', 'me@site.example', 'me@x.test', 'me@dev.localhost']) {
      expect(() => firefoxId({ TANDEM_FIREFOX_ID: id }), id).toThrow(/placeholder/);
    }
    expect(() => firefoxId({})).not.toThrow();
  });
});

/** Ways to put a string into the page as HTML. */
const HTML_SINKS = /\bdangerouslySetInnerHTML\b|\.(?:innerHTML|outerHTML)\s*[+]?=(?!=)|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(/g;

describe('no HTML from strings (why web-ext lint may pass over Preact\'s innerHTML)', () => {
  it('finds each sink, and not reads or comments', () => {
    const found = (src: string) => findIn('x.tsx', codeOnly(src), HTML_SINKS).length;
    expect(found('<div dangerouslySetInnerHTML={{ __html: s }} />')).toBe(1);
    expect(found('el.innerHTML = s;')).toBe(1);
    expect(found('el.innerHTML += s;')).toBe(1);
    expect(found('el.outerHTML=s')).toBe(1);
    expect(found("el.insertAdjacentHTML('beforeend', s)")).toBe(1);
    expect(found('document.write(s)')).toBe(1);
    expect(found('if (el.innerHTML === s) ok();')).toBe(0);
    expect(found('// el.innerHTML = s')).toBe(0);
  });

  it('no product source (utils, components, entrypoints) uses one', () => {
    const findings = sourceFiles().flatMap((f) => findIn(f, codeOnly(read(f)), HTML_SINKS));
    expect(show(findings)).toEqual([]);
  });
});

describe('unlimitedStorage', () => {
  it('is asked for in Chromium (exempts the data from eviction), not in Firefox (never evicts an extension, and would list it at install)', async () => {
    const { default: config } = await import('@/wxt.config');
    const manifest = config.manifest as (env: { browser: string }) => { permissions: string[] };
    expect(manifest({ browser: 'chrome' }).permissions).toContain('unlimitedStorage');
    expect(manifest({ browser: 'firefox' }).permissions).not.toContain('unlimitedStorage');
  });
});
