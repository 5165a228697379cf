/**
 * The words Tandem shows, in the browser's language (issue 13, item 5).
 *
 * How it works (chosen for a synchronous first render and a pure core):
 * - The catalogs are Chrome's own format: public/_locales/{en,de}/messages.json, one key per string, keys grouped by
 *   area (`popup_`, `block_frame_`, `site_pattern_`, … named after the page or file that shows them) and kept sorted,
 *   so branches adding strings merge cleanly. `default_locale` is en; the browser falls back to en for a missing key.
 * - Placeholders are named, in braces: "Waiting for {partnerName}'s first update." They are filled here, not by the
 *   browser's `$1` mechanism, so en and de can be checked to use the same names (tests/unit/i18n.test.ts).
 * - Plurals: `trCount('key', n)` picks `key_one` / `key_other` by `Intl.PluralRules` in the UI language.
 * - This module is pure: each context (popup, options, onboarding, review, block page, the worker) installs the
 *   browser's `i18n.getMessage` once, before it renders (utils/browser/i18n.ts); the unit tests install a lookup that
 *   reads the en catalog and throws on a missing key (tests/support/i18n-setup.ts). `tr` is synchronous: no catalog
 *   is loaded before a first render.
 * - Dates and numbers go through `Intl` in the browser's UI language: `uiLocale()`, `formatNumber`, `formatDate`.
 */
export type Lookup = (key: string) => string | undefined;
export type Substitutions = Record<string, string | number>;

interface Installed {
  lookup: Lookup;
  locale: string;
  /** What a missing key shows: the tests throw; the shipped extension shows the key rather than nothing. */
  missing: (key: string) => string;
}

let installed: Installed | null = null;

export function installMessages(lookup: Lookup, locale: string, missing: (key: string) => string = (key) => key): void {
  installed = { lookup, locale, missing };
}

/** The browser's UI language (a BCP 47 tag like "de" or "en-US"), for `Intl`. */
export function uiLocale(): string {
  return installed?.locale ?? 'en';
}

/** The message for `key`, its `{name}` placeholders filled from `subs`. */
export function tr(key: string, subs?: Substitutions): string {
  if (!installed) throw new Error(`Tandem: words asked for before the catalog was installed (${key})`);
  const message = installed.lookup(key);
  if (message === undefined || message === '') return installed.missing(key);
  if (!subs) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in subs ? String(subs[name]) : whole));
}

/** A message that depends on a count: `key_one` / `key_other` (by the UI language's plural rules), with `{n}`. */
export function trCount(key: string, n: number, subs: Substitutions = {}): string {
  const form = new Intl.PluralRules(uiLocale()).select(n);
  const k = `${key}_${form === 'one' ? 'one' : 'other'}`;
  return tr(k, { n: formatNumber(n), ...subs });
}

/** The UI language's plain number format, made once per language (making one costs ~100× a format). */
let plain: { locale: string; format: Intl.NumberFormat } | undefined;

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(uiLocale(), options).format(n);
  if (plain?.locale !== uiLocale()) plain = { locale: uiLocale(), format: new Intl.NumberFormat(uiLocale()) };
  return plain.format.format(n);
}

/** Date formats by language and options, each made once: making one costs ~100× a format (a popup formats dozens). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${uiLocale()} ${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(uiLocale(), options)));
  return f;
}

/** A moment as words in the UI language, e.g. formatDate(ms, { weekday: 'short', hour: 'numeric', minute: '2-digit' }). */
export function formatDate(ms: number, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(options).format(ms);
}

/** A weekday's name (0 = Sunday) in the UI language. 2023-01-01 was a Sunday. */
export function weekdayName(weekday: number, width: 'short' | 'long' = 'long'): string {
  return dateFormat({ weekday: width, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + weekday, 12));
}

/** A calendar day ("2026-03-05") as words in the UI language, e.g. "Thu 5 Mar". */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  return dateFormat({ ...options, timeZone: 'UTC' }).format(Date.parse(`${day}T12:00:00Z`));
}
