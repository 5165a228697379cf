import { afterEach, beforeEach, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { loadCheckIn } from '@/utils/db/queries';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import type { Commitment } from '@/utils/core/types';

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('live');
});
afterEach(() => dropDb(db));

// Pages show the check-in through liveQuery: a session started elsewhere must show up without a reload.
// The cross-context case (the worker writes, the popup watches) is covered in the browser by
// tests/e2e/focus.spec.ts, which caught a read that awaited a plain async function before its queries.
it('the check-in query follows new sessions and check-ins live', async () => {
  const c: Commitment = { id: 'c1', ...deepWorkBeforeEmail(), createdAt: 1, updatedAt: 1 };
  await db.commitments.add(c);
  const seen: number[] = [];
  const sub = liveQuery(() => loadCheckIn(db, Date.now())).subscribe((v) => seen.push(v.history.get('c1')?.size ?? 0));
  await expect.poll(() => seen.at(-1)).toBe(0);
  await db.sessions.add({ id: 's1', commitmentId: 'c1', day: '2026-11-27', startedAt: 2, endsAt: 3, outcome: 'running' });
  await expect.poll(() => seen.at(-1)).toBe(1);
  await db.checkIns.add({ id: 'k1', commitmentId: 'c1', day: '2026-11-28', at: 4 });
  await expect.poll(() => seen.at(-1)).toBe(2);
  sub.unsubscribe();
});

// loadCheckIn reads the last week's records with everything else, and older ones only when a cache ends earlier:
// either way it returns exactly the records from the day before the earliest cache end, and today's site visits.
it('the check-in query returns the records no cache covers, whether the caches end this week or long ago', async () => {
  const now = Date.now();
  const day = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const c: Commitment = { id: 'c1', ...deepWorkBeforeEmail(), createdAt: 1, updatedAt: 1 };
  await db.commitments.add(c);
  for (const ago of [40, 20, 5, 3, 2, 1, 0]) {
    await db.checkIns.add({ id: `k${ago}`, commitmentId: 'c1', day: day(ago), at: Date.now() - ago * 86_400_000 });
    await db.sessions.add({ id: `s${ago}`, commitmentId: 'c1', day: day(ago), startedAt: 2, endsAt: 3, outcome: 'completed', endedAt: 3 });
  }
  await db.siteDays.bulkAdd([{ site: 'docs.google.com', day: day(0), seconds: 60, visits: 1 }, { site: 'docs.google.com', day: day(30), seconds: 60, visits: 1 }]);
  const read = async (at: number) => {
    const data = await loadCheckIn(db, at);
    return { days: [...(data.history.get('c1')?.keys() ?? [])].sort(), today: data.siteDays.filter((d) => d.day === day(0)).length };
  };
  const daysRead = async () => {
    const given = await read(now);
    expect(given.today).toBe(1);
    return given.days;
  };
  // A cache through three days ago (its end is the first day it does not cover): records from a day before it.
  const cacheTo = (end: string) => db.outcomes.put({ commitmentId: 'c1', from: '2026-01-01', codes: 'n'.repeat(Math.round((Date.parse(end) - Date.parse('2026-01-01')) / 86_400_000)) });
  await cacheTo(day(2));
  expect(await daysRead()).toEqual([day(3), day(2), day(1), day(0)]);
  // A cache that ends 20 days ago: the older records are read too.
  await cacheTo(day(20));
  expect(await daysRead()).toEqual([day(20), day(5), day(3), day(2), day(1), day(0)]);
  // No cache at all: every record since the commitment was made.
  await db.outcomes.clear();
  expect(await daysRead()).toEqual([day(40), day(20), day(5), day(3), day(2), day(1), day(0)]);
});
