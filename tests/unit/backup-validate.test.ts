/**
 * The import's checks (utils/core/backup/): every file of the bad corpus (tests/fixtures/import/bad, made by
 * make-corpus.mjs) refused with its own words, a 50 MB file refused before it is read, and the good file accepted
 * as it is. The database side (nothing changed by a refused file) is tests/db/backup-import.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackup, validateBackup } from '@/utils/core/backup/validate';
import { checkFileSize, readBackupText } from '@/utils/core/backup/read';
import { countsOf, describeCounts, MAX_FILE_BYTES } from '@/utils/core/backup/format';

const DIR = join(import.meta.dirname, '../fixtures/import');
export const NOW = Date.UTC(2026, 10, 30, 12);
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, string>;
const badFiles = readdirSync(join(DIR, 'bad')).sort();
const goodText = readFileSync(join(DIR, 'good.json'), 'utf8');

describe('the bad corpus', () => {
  it('has at least 20 files, each with the words its refusal must say', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(20);
    expect(badFiles).toEqual(Object.keys(expected).sort());
  });

  it.each(badFiles)('%s is refused with its message', (file) => {
    const result = parseBackup(readFileSync(join(DIR, 'bad', file), 'utf8'), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(expected[file]);
      // Plain words for a person: no parser or engine text.
      expect(result.error).not.toMatch(/JSON|SyntaxError|undefined|null|Unexpected token|\[object/);
    }
  });

  it('a 50 MB file is refused by its size before it is read', () => {
    const fifty = 50 * 1024 * 1024;
    const size = checkFileSize(fifty);
    expect(size).toEqual({ ok: false, error: expect.stringContaining('50 MB, far larger than a Tandem export') });
    const text = `{"format":"tandem-export","padding":"${'x'.repeat(fifty)}"}`;
    expect(readBackupText(text)).toEqual(size);
    expect(checkFileSize(MAX_FILE_BYTES).ok).toBe(true);
  });

  it('prototype keys are refused wherever they are, and never reach an object', () => {
    const r = readBackupText('{"a": [{"b": {"__proto__": {"polluted": 1}}}]}');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('“__proto__”') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a good file', () => {
  it('is accepted, with every record as it was written', () => {
    const result = parseBackup(goodText, NOW);
    expect(result).toEqual({ ok: true, value: JSON.parse(goodText) });
    if (result.ok) {
      expect(describeCounts(countsOf(result.value))).toBe('2 commitments, 3 check-ins, 1 focus session, 1 block-page visit, 1 day of time on work sites, 1 weekly review');
    }
  });

  it('of format 1 (before weekly reviews) is still read, with no reviews', () => {
    const raw = JSON.parse(goodText);
    raw.version = 1;
    delete raw.reviews;
    const result = validateBackup(raw, NOW);
    expect(result.ok && result.value.reviews).toEqual([]);
    expect(result.ok && result.value.commitments).toEqual(JSON.parse(goodText).commitments);
  });

  it('keeps only the fields Tandem knows', () => {
    const raw = JSON.parse(goodText);
    raw.extra = 'x';
    raw.checkIns[0].tracking = 'https://example.com/secret';
    const result = validateBackup(raw, NOW);
    expect(result.ok && result.value).toEqual(JSON.parse(goodText));
  });

  it('is read the same with a byte-order mark in front (as some editors save it)', () => {
    expect(parseBackup(`\uFEFF${goodText}`, NOW).ok).toBe(true);
  });

  it('with a date later than a day after now is refused (the clock is the caller\'s)', () => {
    expect(parseBackup(goodText, Date.UTC(2026, 10, 20)).ok).toBe(false);
  });
});

describe('never throws', () => {
  it('on any cut of a good file', () => {
    fc.assert(
      fc.property(fc.nat(goodText.length), (n) => {
        const r = parseBackup(goodText.slice(0, n), NOW);
        return n >= goodText.trimEnd().length || !r.ok;
      }),
      { numRuns: 300 },
    );
  });

  it('on any value in place of any field', () => {
    const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
      typeof v === 'object' && v !== null ? Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, Array.isArray(v) ? Number(k) : k])]) : [];
    const all = paths(JSON.parse(goodText));
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.jsonValue(), (path, value) => {
        const raw = JSON.parse(goodText);
        let o = raw;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path[path.length - 1]!] = value;
        const r = validateBackup(raw, NOW);
        return typeof r.ok === 'boolean' && (r.ok || (typeof r.error === 'string' && r.error.length > 0));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a pledge change waiting (issue 11)', () => {
  const withPending = (pledge: unknown) => {
    const raw = JSON.parse(goodText);
    raw.commitments[0].pledge = { misses: 2, stake: 'give €10' };
    raw.commitments[0].pending = { day: '2026-12-02', madeAt: NOW - 3_600_000, requirement: raw.commitments[0].requirement, schedule: raw.commitments[0].schedule, sites: raw.commitments[0].sites, pledge };
    return validateBackup(raw, NOW);
  };

  it('comes back waiting: a removal, or other terms', () => {
    for (const pledge of [null, { misses: 3, stake: 'give €5' }]) {
      const r = withPending(pledge);
      expect(r.ok && r.value.commitments[0]!.pending?.pledge).toEqual(pledge);
    }
  });

  it('is refused when it is not a pledge', () => {
    for (const pledge of [{ misses: 9, stake: 'x' }, { misses: 2 }, 'none', 0]) {
      expect(withPending(pledge)).toEqual({ ok: false, error: expect.stringContaining('a pledge change waiting that Tandem can’t accept') });
    }
  });
});
