/**
 * Export and import on the real schema (fake-indexeddb): export → import into a fresh database gives the same
 * records in every table a person made; a refused file (the whole bad corpus) and a failure in the middle of
 * applying change nothing; a retried import changes nothing more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TandemDB } from '@/utils/db/db';
import { BackupsDB } from '@/utils/db/backups-db';
import { backupText, exportBackup } from '@/utils/services/backup/export';
import { replaceWithBackup } from '@/utils/services/backup/import';
import { parseBackup } from '@/utils/core/backup/validate';
import { makeHistory } from '@/scripts/history-fixture';
import { refreshOutcomes } from '@/utils/services/outcomes';
import { clockOf } from '@/utils/clock-of';
import { DEFAULT_SETTINGS } from '@/utils/core/types';
import { dropDb, openFreshDb } from './fresh-db';
import { at, everything, handlersFor, makeRecords } from './backup-support';

const NOW = at('2026-03-08', 12 * 60);
const SETTINGS = { dayStartMinutes: 300, weekStartsOn: 0 as const };
const PERSON_TABLES = ['commitments', 'sessions', 'checkIns', 'attempts', 'siteDays', 'reviews'] as const;

let a: TandemDB;
let b: TandemDB;
let store: BackupsDB;
beforeEach(async () => {
  [a, b] = await Promise.all([openFreshDb('export'), openFreshDb('import')]);
  store = new BackupsDB(`backups-${Math.random()}`);
});
afterEach(async () => {
  await Promise.all([dropDb(a), dropDb(b), store.delete()]);
});

describe('export → import into a fresh database', () => {
  it('gives identical records in every table a person made, and their settings', async () => {
    await makeRecords(a);
    await a.pairs.add({ id: 'pair-1', partnerUid: 'uid-secret', partnerName: 'Ben', createdAt: at('2026-03-01', 600) });
    const id = (await a.commitments.toArray())[0]!.id;
    await a.commitments.update(id, { sharedWith: ['pair-1'] });
    const text = backupText(await exportBackup(a, SETTINGS, NOW));
    // Partners by name only: no account id, no pair id.
    expect(text).toContain('"Ben"');
    expect(text).not.toMatch(/uid-secret|pair-1/);

    const { handlers, state, refreshed } = handlersFor(b, store, NOW);
    const answer = await handlers['data.import']({ text }, { id: 'import-1' });
    expect(answer).toEqual({ ok: true, value: { commitments: 2, sessions: 3, checkIns: 3, attempts: 3, siteDays: 2, reviews: 1 } });
    await refreshed(); // the outcome caches and the gate follow the answer
    const [before, after] = [await everything(a), await everything(b)];
    for (const t of PERSON_TABLES) {
      const want = t === 'commitments' ? (before[t] as { sharedWith?: string[] }[]).map(({ sharedWith: _s, ...c }) => c) : before[t];
      expect(after[t], t).toEqual(want);
    }
    expect((after.commitments as { earlierRules?: unknown[] }[]).some((c) => c.earlierRules?.length)).toBe(true);
    expect((after.commitments as { pauses?: unknown[] }[]).some((c) => c.pauses?.length)).toBe(true);
    // A pause's reason and an easing waiting for its day come back as they were (the wait is not shortened).
    expect(after.commitments).toContainEqual(expect.objectContaining({ pauses: [{ from: '2026-03-06', until: '2026-03-07', reason: 'a cold' }] }));
    expect(after.commitments).toContainEqual(expect.objectContaining({ pending: expect.objectContaining({ day: '2026-03-08', requirement: { kind: 'focus', minutes: 75 } }) }));
    // Every other table, said: a table added to the schema fails here until someone decides whether it is exported.
    const others = Object.keys(after).filter((t) => t !== 'settings' && !(PERSON_TABLES as readonly string[]).includes(t)).sort();
    expect(others).toEqual(['outbox', 'outcomes', 'overrides', 'pairs', 'partnerMessages', 'partnerReviews', 'partnerSummaries', 'requests', 'tracker']);
    for (const t of ['outbox', 'overrides', 'pairs', 'partnerMessages', 'partnerReviews', 'partnerSummaries', 'tracker']) expect(after[t], t).toEqual([]);
    // The outcome caches come with the import, judged with the file's day start exactly as the worker judges the
    // same records (so no page re-reads years of records while they are built again).
    await refreshOutcomes(a, clockOf({ ...DEFAULT_SETTINGS, ...SETTINGS }, NOW));
    expect(after.outcomes).toEqual(await a.outcomes.toArray());
    expect((after.outcomes as { codes: string }[]).some((o) => o.codes.length > 0)).toBe(true);
    expect((after.reviews as { notes: string }[]).map((r) => r.notes)).toEqual(['Email first, twice.']);
    expect(after.requests).toEqual([expect.objectContaining({ id: 'import-1', type: 'data.import' })]);
    expect(state.settings).toEqual(SETTINGS);
    expect(state.refreshes).toBe(1);
  });

  it('five years of twenty commitments come back identical', async () => {
    const history = makeHistory({ now: NOW, timeZone: 'Europe/Berlin' });
    await a.commitments.bulkAdd(history.commitments);
    await a.sessions.bulkAdd(history.sessions);
    await a.checkIns.bulkAdd(history.checkIns);
    const text = backupText(await exportBackup(a, SETTINGS, NOW));
    const parsed = parseBackup(text, NOW);
    expect(parsed.ok && parsed.value.commitments.length).toBe(20);
    if (parsed.ok) await replaceWithBackup(b, parsed.value);
    for (const t of PERSON_TABLES) expect(await b.table(t).toArray(), t).toEqual(await a.table(t).toArray());
  }, 30_000); // ~3 s alone on fake-indexeddb; more beside other test files

  it('a retry of the same import changes nothing more; the sharing of a commitment still here is kept', async () => {
    await makeRecords(b);
    await b.pairs.add({ id: 'pair-1', partnerUid: 'u', partnerName: 'Ben', createdAt: NOW - 1000 });
    const shared = (await b.commitments.toArray())[0]!;
    await b.commitments.update(shared.id, { sharedWith: ['pair-1'] });
    const text = backupText(await exportBackup(b, SETTINGS, NOW));
    const { handlers, refreshed } = handlersFor(b, store, NOW);
    const first = await handlers['data.import']({ text }, { id: 'same' });
    await refreshed(1);
    const once = await everything(b);
    expect(await handlers['data.import']({ text }, { id: 'same' })).toEqual(first);
    await refreshed(2);
    expect(await everything(b)).toEqual(once);
    expect((await b.commitments.get(shared.id))?.sharedWith).toEqual(['pair-1']);
    expect(await b.pairs.count()).toBe(1);
  });
});

describe('nothing changes', () => {
  const DIR = join(import.meta.dirname, '../fixtures/import');
  const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, string>;

  it.each(readdirSync(join(DIR, 'bad')))('when %s is refused', async (file) => {
    await makeRecords(b);
    const { handlers, state } = handlersFor(b, store, at('2026-11-30', 12 * 60), SETTINGS);
    const before = await everything(b, state.settings);
    const answer = await handlers['data.import']({ text: readFileSync(join(DIR, 'bad', file), 'utf8') }, { id: file });
    expect(answer).toEqual({ ok: false, error: expect.stringContaining(expected[file]!) });
    expect(await everything(b, state.settings)).toEqual(before);
    expect(state.refreshes).toBe(0);
  });

  it('when applying fails in the middle: the old records stay, and the settings too', async () => {
    await makeRecords(b);
    await makeRecords(a);
    const text = backupText(await exportBackup(a, { dayStartMinutes: 0 }, NOW));
    const { handlers, state } = handlersFor(b, store, NOW, SETTINGS);
    const before = await everything(b, state.settings);
    // The disk fills up after commitments, sessions and check-ins were written.
    b.attempts.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(handlers['data.import']({ text }, { id: 'x' })).rejects.toThrow();
    expect(await everything(b, state.settings)).toEqual(before);
  });
});
