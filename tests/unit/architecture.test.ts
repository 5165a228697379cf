/**
 * The shape, checked on the product's source (utils/, components/, entrypoints/; issue 9):
 * - a requirement kind is one place: no file outside utils/core/requirements/ and components/requirements/
 *   compares a requirement's kind to a kind's name or switches on it, and every kind is registered in both lists;
 * - one clock: no `Date.now()` (or `new Date()`) outside the clock adapter and the entrypoints, and components get
 *   the time from components/hooks.ts only;
 * - the core imports nothing but the core: no browser, Firebase, Dexie or Preact API.
 * The kind and clock rules failed on main at 443b054 (run before the change): 43 branches on a kind's name in
 * 14 files (CommitmentForm.tsx alone 17), and 18 reads of `Date.now()` in 8 files. The matchers are tested on
 * snippets below, so a rule cannot pass by matching nothing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIREMENT_KINDS } from '@/utils/core/requirements';
import { REQUIREMENT_UIS } from '@/components/requirements';
import { codeOnly, findIn, importTarget, importsOf, read, ROOT, show, sourceFiles, type Finding } from '../support/source';

const KIND_NAMES = REQUIREMENT_KINDS.map((k) => k.kind);
const KIND_PLACES = ['utils/core/requirements/', 'components/requirements/'];

/** Comparisons with a kind's name, and `case` labels: the ways code branches on a kind. */
function kindBranches(file: string, code: string, names: string[] = KIND_NAMES): Finding[] {
  const name = `(['"\`])(?:${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')})\\1`;
  return [
    new RegExp(`[!=]==?\\s*${name}`, 'g'), // kind === 'habit'
    new RegExp(`${name}\\s*[!=]==?`, 'g'), // 'habit' === kind
    new RegExp(`\\bcase\\s+${name}\\s*:`, 'g'), // case 'focus':
    new RegExp(`\\[[^\\]\\n]*${name}[^\\]\\n]*\\]\\s*\\.\\s*includes\\s*\\(`, 'g'), // ['checkin', 'habit'].includes(kind)
  ].flatMap((p) => findIn(file, code, p));
}

/**
 * Branches on a kind's name that are not about a requirement: each says what it is about. An entry that no
 * longer matches anything fails the test, so this list cannot outlive its reason.
 */
const NOT_REQUIREMENTS: { file: string; text: string; why: string }[] = [
  { file: 'utils/core/tracking.ts', text: "case 'focus':", why: 'a visit event: a tab or window got the focus' },
];

/** The one clock adapter, and the entrypoints (which wire the adapters). */
const CLOCK_ALLOWED = (file: string) => file === 'utils/browser/clock.ts' || file.startsWith('entrypoints/');


const DATE_NOW = /\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)/g;

const code = new Map(sourceFiles().map((f) => [f, codeOnly(read(f))]));

describe('a requirement kind is one place', () => {
  it('finds the ways code branches on a kind, and not other kinds or comments', () => {
    const found = (src: string) => kindBranches('x.ts', codeOnly(src)).length;
    expect(found("if (c.requirement.kind === 'habit') return;")).toBe(1);
    expect(found("const isHabit = kind === \"habit\";")).toBe(1);
    expect(found("if (r.kind !== 'site-time') continue;")).toBe(1);
    expect(found("switch (r.kind) {\n  case 'focus':\n    return 1;\n}")).toBe(1);
    expect(found("if (kind !== 'checkin' && kind !== 'habit') fail();")).toBe(2);
    expect(found("if (['checkin', 'habit'].includes(r.kind)) ok();")).toBe(1);
    expect(found("'site-time' === r.kind")).toBe(1);
    expect(found("if (item.kind === 'summary') send();")).toBe(0);
    expect(found("// a habit: kind === 'habit'\n/* case 'focus': */")).toBe(0);
    expect(found("const preset = { kind: 'focus', minutes: 60 };")).toBe(0);
    expect(found("const s = `${r.kind === 'focus' ? 'a' : 'b'}`;")).toBe(1);
  });

  it('no file outside a kind\'s place branches on a kind\'s name', () => {
    const found = [...code]
      .filter(([file]) => !KIND_PLACES.some((place) => file.startsWith(place)))
      .flatMap(([file, c]) => kindBranches(file, c));
    const unrelated = (f: Finding) => NOT_REQUIREMENTS.some((n) => n.file === f.file && n.text === f.text);
    expect(show(found.filter((f) => !unrelated(f)))).toEqual([]);
    for (const n of NOT_REQUIREMENTS) expect(found.some(unrelated), `${n.file}: ${n.text} (${n.why})`).toBe(true);
  });

  it('every kind is one file in each place, registered once in each list', () => {
    const names = [...KIND_NAMES].sort();
    expect(REQUIREMENT_UIS.map((u) => u.kind).sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    const kindFiles = (dir: string, ext: string) =>
      readdirSync(join(ROOT, dir)).filter((f) => f !== `index${ext}` && f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
    expect(kindFiles('utils/core/requirements', '.ts')).toEqual(names);
    expect(kindFiles('components/requirements', '.tsx')).toEqual(names);
    expect(existsSync(join(ROOT, 'components/requirements/index.ts'))).toBe(true);
  });
});

describe('one clock', () => {
  it('finds the system clock read, and not in comments', () => {
    const found = (src: string) => findIn('x.ts', codeOnly(src), DATE_NOW).length;
    expect(found('const t = Date.now();')).toBe(1);
    expect(found('const d = new Date();')).toBe(1);
    expect(found('const d = new Date(now);')).toBe(0);
    expect(found('// Date.now() is read by the clock adapter')).toBe(0);
  });

  it('no `Date.now()` outside the clock adapter and the entrypoints', () => {
    const found = [...code].filter(([file]) => !CLOCK_ALLOWED(file)).flatMap(([file, c]) => findIn(file, c, DATE_NOW));
    expect(show(found)).toEqual([]);
  });

  it('components get the time from components/hooks.ts (useNow, liveSource), not from the clock adapter', () => {
    const direct = [...code]
      .filter(([file]) => file.startsWith('components/') && file !== 'components/hooks.ts')
      .filter(([file, c]) => importsOf(c).some((s) => importTarget(file, s) === 'utils/browser/clock'))
      .map(([file]) => file);
    expect(direct).toEqual([]);
  });
});

describe('the core', () => {
  it('imports only the core: no browser, Firebase, Dexie or Preact API', () => {
    expect(importsOf(codeOnly("import { a } from './a';\nimport type {\n  B,\n} from '../b';\nexport { c } from 'dexie';\nimport 'wxt/browser';"))).toEqual(
      ['./a', '../b', 'dexie', 'wxt/browser'],
    );
    const outside = [...code]
      .filter(([file]) => file.startsWith('utils/core/'))
      .flatMap(([file, c]) => importsOf(c).map((s) => ({ file, s, target: importTarget(file, s) })))
      .filter(({ target }) => !target.startsWith('utils/core/'))
      .map(({ file, s }) => `${file}  imports ${s}`);
    expect(outside).toEqual([]);
  });

  it('uses no browser global', () => {
    const found = [...code]
      .filter(([file]) => file.startsWith('utils/core/'))
      .flatMap(([file, c]) => findIn(file, c, /\b(?:browser|chrome|indexedDB|localStorage|document)\s*\./g));
    expect(show(found)).toEqual([]);
  });
});

describe('small files', () => {
  // Issue 9: a file past ~250 lines does too many things to read at a glance (tests/ and scripts/ are not checked).
  it('no source file is over 250 lines', () => {
    const long = sourceFiles()
      .map((file) => ({ file, lines: read(file).split('\n').length - 1 }))
      .filter(({ lines }) => lines > 250)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
