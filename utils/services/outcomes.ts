import Dexie from 'dexie';
import type { Clock } from '../core/types';
import { cacheEnd, extendCache, finalThrough } from '../core/outcome-cache';
import { dayKeyAt } from '../core/days';
import type { TandemDB } from '../db/db';
import { activeCommitments, groupRecords } from '../db/queries';

/**
 * Brings every commitment's cache of final days up to date (the day before yesterday). Usually a day or
 * two of work at the daily rollover; the first run after an upgrade judges the whole history once.
 */
export async function refreshOutcomes(db: TandemDB, clock: Clock): Promise<void> {
  const last = finalThrough(dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes));
  const commitments = await activeCommitments(db);
  const caches = new Map((await db.outcomes.bulkGet(commitments.map((c) => c.id))).flatMap((o) => (o ? [[o.commitmentId, o] as const] : [])));
  for (const c of commitments) {
    const cache = caches.get(c.id);
    const from = cache ? cacheEnd(cache) : dayKeyAt(c.createdAt, clock.timeZone, clock.dayStartMinutes);
    if (from > last) continue;
    const range = [[c.id, from], [c.id, Dexie.maxKey]] as const;
    const [sessions, checkIns] = await Promise.all([
      db.sessions.where('[commitmentId+day]').between(range[0], range[1], true, true).toArray(),
      db.checkIns.where('[commitmentId+day]').between(range[0], range[1], true, true).toArray(),
    ]);
    await db.outcomes.put(extendCache(c, cache, groupRecords(sessions, checkIns, (r) => r.day), clock));
  }
}
