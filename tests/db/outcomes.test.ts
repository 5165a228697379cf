import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { groupRecords } from '@/utils/db/queries';
import { dropDb, openFreshDb } from './fresh-db';
import { DAYS_PER_STEP, refreshOutcomes } from '@/utils/services/outcomes';
import { cacheEnd, extendCache, finalThrough, type OutcomeCache } from '@/utils/core/outcome-cache';
import { addDays, dayKeyAt, localInstant } from '@/utils/core/days';
import type { Clock } from '@/utils/core/types';
import { makeHistory } from '../../scripts/history-fixture';

const TZ = 'Europe/Berlin';
const now = localInstant('2026-03-31', 13 * 60, TZ); // the history crosses DST changes both ways
const clock: Clock = { now, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 };
const history = makeHistory({ now, timeZone: TZ, years: 2, seed: 7 });

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('outcomes');
  await db.commitments.bulkPut(history.commitments);
  await db.sessions.bulkPut(history.sessions);
  await db.checkIns.bulkPut(history.checkIns);
});
afterEach(() => dropDb(db));

/** The cache judged in one go from all of a commitment's records. */
const inOneGo = (id: string, from?: OutcomeCache) => {
  const c = history.commitments.find((x) => x.id === id)!;
  const records = groupRecords(history.sessions.filter((s) => s.commitmentId === id), history.checkIns.filter((k) => k.commitmentId === id), (r) => r.day);
  return extendCache(c, from, records, clock);
};

// The first build after an upgrade judges years of days: in steps of DAYS_PER_STEP with a turn for the worker's
// other events in between, and all caches written together in one transaction (each write makes an open page read
// again). The steps must add up to the same cache.
it('builds the caches of years in steps, to the same result as in one go, written together once', async () => {
  let writes = 0;
  const transactions = new Set<unknown>();
  db.outcomes.hook('creating', (_key, _obj, tx) => void (writes++, transactions.add(tx)));
  db.outcomes.hook('updating', (_mods, _key, _obj, tx) => void (writes++, transactions.add(tx)));
  let turns = 0;
  await refreshOutcomes(db, clock, { between: async () => void turns++ });
  const last = finalThrough(dayKeyAt(now, TZ, 240));
  let days = 0;
  for (const c of history.commitments) {
    const stored = await db.outcomes.get(c.id);
    expect(stored, c.title).toEqual(inOneGo(c.id));
    expect(cacheEnd(stored!)).toBe(addDays(last, 1));
    days += stored!.codes.length;
  }
  expect(writes).toBe(history.commitments.length);
  expect(transactions.size).toBe(1);
  // Each commitment's history is judged in ceil(days / DAYS_PER_STEP) steps, with a turn between two steps.
  const steps = history.commitments.map((c) => Math.ceil(inOneGo(c.id).codes.length / DAYS_PER_STEP));
  expect(turns).toBe(steps.reduce((a, n) => a + n - 1, 0));
  expect(days / DAYS_PER_STEP).toBeGreaterThan(history.commitments.length * 2); // the fixture does need steps
});

it('carries on from a stored cache that ends long ago (a build cut short, or an old one)', async () => {
  const c = history.commitments[0]!;
  const full = inOneGo(c.id);
  const half = { ...full, codes: full.codes.slice(0, 300) };
  await db.outcomes.put(half);
  await refreshOutcomes(db, clock);
  expect(await db.outcomes.get(c.id)).toEqual(inOneGo(c.id, half));
  expect((await db.outcomes.get(c.id))?.codes).toBe(full.codes);
});

it('never overwrites a cache repaired while the build ran: the next refresh extends the repaired one', async () => {
  const [a, b] = history.commitments as [(typeof history.commitments)[0], (typeof history.commitments)[0]];
  const full = inOneGo(a.id);
  const half = { ...full, codes: full.codes.slice(0, 300) };
  await db.outcomes.put(half);
  const missed = half.codes.indexOf('m');
  expect(missed).toBeGreaterThanOrEqual(0); // the fixture has a missed day to repair
  const repaired = { ...half, codes: `${half.codes.slice(0, missed)}r${half.codes.slice(missed + 1)}` };
  let once = false;
  await refreshOutcomes(db, clock, {
    between: async () => {
      if (!once) await db.outcomes.put(repaired); // a partner's grant arrives mid-build
      once = true;
    },
  });
  expect((await db.outcomes.get(a.id))?.codes).toBe(repaired.codes); // kept, not the build's 'm'
  expect(await db.outcomes.get(b.id)).toEqual(inOneGo(b.id)); // the others written as built
  await refreshOutcomes(db, clock);
  expect((await db.outcomes.get(a.id))?.codes[missed]).toBe('r');
  expect((await db.outcomes.get(a.id))?.codes.length).toBe(full.codes.length);
});
