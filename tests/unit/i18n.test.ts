/**
 * Languages (issue 13, item 5): every word a person reads comes from public/_locales (utils/core/i18n.ts).
 * - No hard-coded words in the product's source: the scanner (tests/support/hardcoded-strings.ts) is tested on
 *   snippets first, so it cannot pass by finding nothing; before this change it found ~700 in 117 files.
 * - Every key the code asks for is in the en catalog; en and de have the same keys and the same placeholders.
 * - The catalogs stay sorted by key (branches adding strings merge cleanly) and every key is used.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hardCodedWords, keysUsed } from '../support/hardcoded-strings';
import { read, ROOT, sourceFiles } from '../support/source';
import { formatDay, installMessages, tr, trCount, weekdayName } from '@/utils/core/i18n';

type Catalog = Record<string, { message: string; description?: string }>;
const catalogText = (locale: string) => readFileSync(join(ROOT, `public/_locales/${locale}/messages.json`), 'utf8');
const en = JSON.parse(catalogText('en')) as Catalog;
const de = JSON.parse(catalogText('de')) as Catalog;

/**
 * Literals that are not words for people, each with why. An entry that no longer matches anything fails the test,
 * so this list cannot outlive its reason.
 */
const NOT_WORDS: { file: string; text: string; why: string }[] = [
  { file: 'utils/browser/badge.ts', text: 'Tandem', why: "the product's name, the toolbar title when there is nothing to say" },
  { file: 'entrypoints/block/load.ts', text: 'Tandem', why: "the product's name, the title of the block page inside another site's frame" },
  { file: 'utils/core/easing.ts', text: 'site ${}', why: 'the name of a part of a commitment in the easing classification, never shown' },
  { file: 'utils/core/easing.ts', text: 'day ${}', why: 'the name of a part of a commitment in the easing classification, never shown' },
  { file: 'utils/core/ics.ts', text: 'FREQ=YEARLY;BYMONTH=${};BYDAY=${}${}', why: 'an iCalendar rule (RFC 5545)' },
  { file: 'utils/core/ics.ts', text: 'PRODID:-//Tandem//Weekly check-in//EN', why: "the iCalendar file's product id (RFC 5545), not shown by calendars" },
  { file: 'utils/services/backup/export.ts', text: 'tandem-${}.json', why: "the export's file name, the same in every language so it is recognisable" },
];

/** The source that is checked: everything built into the extension but the schema (table index specs). */
const checked = sourceFiles().filter((f) => !f.startsWith('utils/db/') && f !== 'utils/core/i18n.ts');

describe('the hard-coded words scanner', () => {
  const words = (src: string, file = 'x.tsx') => hardCodedWords(file, src).map((l) => l.text);
  it('finds words in JSX text, person-facing attributes, strings and templates', () => {
    expect(words('const A = () => <p>Saved</p>;')).toEqual(['Saved']);
    expect(words('const A = () => <button title="Calendar and details" aria-label="Open">x</button>;')).toEqual(['title="Calendar and details"', 'aria-label="Open"']);
    expect(words("const A = () => <input placeholder='e.g. mail.google.com' />;")).toEqual(['placeholder="e.g. mail.google.com"']);
    expect(words("setError('Could not save');", 'x.ts')).toEqual(['Could not save']);
    expect(words("return fail('Cancel');", 'x.ts')).toEqual(['Cancel']);
    expect(words('const s = `Restored: ${what}.`;', 'x.ts')).toEqual(['Restored: ${}.']);
    expect(words('const s = `${n} sites`;', 'x.ts')).toEqual(['${} sites']);
    expect(words("const A = ({ n }) => <p>{n === 1 ? 'site' : 'sites'}</p>;")).toEqual(['site', 'sites']);
    expect(words("const A = ({ ok }) => <p title={ok ? 'fine' : 'x'}>{ok && 'done'}</p>;")).toEqual(['fine', 'done']);
    expect(words("const L = { get done() { return 'Done'; } };", 'x.ts')).toEqual(['Done']);
  });
  it('leaves names, keys, classes, comparisons, types, developer messages and catalog keys alone', () => {
    expect(words("import { a } from 'some module';\ntype K = 'in progress';")).toEqual([]);
    expect(words("const A = ({ s }) => <p class='row item' data-testid='the row' id={`details-${s}`}>{tr('popup_today')}</p>;")).toEqual([]);
    expect(words("if (s === 'in progress') send('focus.start');\nswitch (k) { case 'not today': break; }", 'x.ts')).toEqual([]);
    expect(words("console.warn('Tandem: gate refresh failed');\nthrow new Error('No such kind here');", 'x.ts')).toEqual([]);
    expect(words("const o = { 'not a word': 1 };\nconst v = o['two words'];", 'x.ts')).toEqual([]);
    expect(words("const t = tr('popup_x', { name: 'a' });\nconst n = trCount('popup_sites', 3);", 'x.ts')).toEqual([]);
    expect(words('const A = () => <p>{count} · {total}</p>;')).toEqual([]);
    expect(words("document.querySelector('#app main h1');", 'x.ts')).toEqual([]);
  });
});

describe('no hard-coded words', () => {
  const found = checked.flatMap((file) => hardCodedWords(file, read(file)).map((l) => ({ file, ...l })));
  const allowed = (f: { file: string; text: string }) => NOT_WORDS.some((n) => n.file === f.file && n.text === f.text);
  it('every word a person reads comes from the catalog', () => {
    expect(found.filter((f) => !allowed(f)).map((f) => `${f.file}:${f.line}  ${JSON.stringify(f.text)}`)).toEqual([]);
  });
  it('every exception still matches a literal, with its reason', () => {
    for (const n of NOT_WORDS) expect(found.some((f) => f.file === n.file && f.text === n.text), `${n.file}: ${n.text} (${n.why})`).toBe(true);
  });
});

describe('the catalogs', () => {
  const used = checked.map((file) => ({ file, ...keysUsed(file, read(file)) }));
  const placeholders = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

  it('the code names every key literally', () => {
    // utils/browser/i18n.ts shows the title key its page passed (installBrowserMessages('page_title_…'), counted there).
    const found = used.filter((u) => u.file !== 'utils/browser/i18n.ts').flatMap((u) => u.dynamic.map((d) => `${u.file}:${d.line}  ${d.text}`));
    expect(found).toEqual([]);
  });

  it('every key the code asks for is in en (a counted one as _one and _other)', () => {
    const missing = used.flatMap((u) => u.keys.flatMap(({ key, count }) => (count ? [`${key}_one`, `${key}_other`] : [key]).filter((k) => !en[k]).map((k) => `${u.file}: ${k}`)));
    expect(missing).toEqual([]);
  });

  it('every key in en is used: by the code, or the manifest (__MSG_…__ in wxt.config.ts)', () => {
    const keys = new Set(used.flatMap((u) => u.keys.flatMap(({ key, count }) => (count ? [`${key}_one`, `${key}_other`] : [key]))));
    for (const m of read('wxt.config.ts').matchAll(/__MSG_(\w+)__/g)) keys.add(m[1]!);
    expect(Object.keys(en).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('de has exactly the keys of en, each with the same placeholders and a message', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const differ = Object.keys(en).filter((k) => de[k] && placeholders(de[k].message).join() !== placeholders(en[k]!.message).join());
    expect(differ.map((k) => `${k}: en ${en[k]!.message} / de ${de[k]!.message}`)).toEqual([]);
    expect(Object.entries({ ...en, ...de }).filter(([, v]) => !v.message.trim())).toEqual([]);
  });

  it("each catalog says its own language (catalog_locale: dates and numbers follow the words' language)", () => {
    expect([en.catalog_locale?.message, de.catalog_locale?.message]).toEqual(['en', 'de']);
  });

  it('de is German: at most a few messages are the same as in en (names, symbols)', () => {
    const same = Object.keys(en).filter((k) => k !== 'catalog_locale' && de[k]?.message === en[k]!.message && /[a-z]{3,}/.test(en[k]!.message));
    expect(same.length, same.join(', ')).toBeLessThan(15);
  });

  it('each catalog is sorted by key, in the format Chrome reads ($ only as $$)', () => {
    for (const [locale, catalog] of [['en', en], ['de', de]] as const) {
      expect(Object.keys(catalog), locale).toEqual(Object.keys(catalog).sort());
      for (const [k, v] of Object.entries(catalog)) {
        expect(k, locale).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(v.message.replace(/\$\$/g, ''), `${locale} ${k}`).not.toContain('$');
      }
    }
  });

  it('the manifest takes its name, description and commands from the catalog', () => {
    const config = read('wxt.config.ts');
    expect(config).toContain("name: '__MSG_ext_name__'");
    expect(config).toContain("description: '__MSG_ext_description__'");
    expect(config).toContain("default_locale: 'en'");
  });
});

describe('tr and trCount', () => {
  it('fill named placeholders, pick plural forms by the language, and throw on a missing key in tests', () => {
    expect(tr('format_day_streak', { n: 5 })).toBe('5-day streak');
    expect(trCount('options_sites', 1)).toBe('1 site');
    expect(trCount('options_sites', 1200)).toBe('1,200 sites');
    expect(() => tr('no_such_key')).toThrow(/no_such_key/);
    expect(formatDay('2026-03-05')).toMatch(/Thu/);
    expect(weekdayName(4)).toBe('Thursday');
    installMessages((k) => de[k]?.message, 'de');
    try {
      // Formats are made once per language: the switch to German is followed at once.
      expect(formatDay('2026-03-05')).toMatch(/Do/);
      expect(weekdayName(4)).toBe('Donnerstag');
      expect(trCount('options_sites', 1200)).toBe(`1.200 ${de.options_sites_other!.message.replace('{n} ', '')}`);
      expect(tr('format_day_streak', { n: 5 })).toBe(de.format_day_streak!.message.replace('{n}', '5'));
    } finally {
      installMessages((k) => en[k]?.message, 'en', (key) => {
        throw new Error(`No message "${key}"`);
      });
    }
  });
});
