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
  const sub = liveQuery(() => loadCheckIn(db)).subscribe((v) => seen.push(v.history.get('c1')?.size ?? 0));
  await expect.poll(() => seen.at(-1)).toBe(0);
  await db.sessions.add({ id: 's1', commitmentId: 'c1', day: '2026-11-27', startedAt: 2, endsAt: 3, outcome: 'running' });
  await expect.poll(() => seen.at(-1)).toBe(1);
  await db.checkIns.add({ id: 'k1', commitmentId: 'c1', day: '2026-11-28', at: 4 });
  await expect.poll(() => seen.at(-1)).toBe(2);
  sub.unsubscribe();
});
