import type { Clock } from '../core/types';
import { addDays, dayOf } from '../core/days';
import { canMakeUp, NO_RECORDS } from '../core/requirements';
import { rulesOn } from '../core/rules';
import { makeUpCandidate, missedOn, withRepair } from '../core/repairs';
import { repairedInCache } from '../core/outcome-cache';
import type { TandemDB } from '../db/db';
import { activeCommitments, recordsFrom, recordsOn } from '../db/queries';

/**
 * Make-ups (issue 11): when yesterday's or today's records do a requirement twice over, the missed active day
 * before is kept as repaired (a fact, like the moment a time-on-site requirement was met), and its cached outcome
 * with it. Yesterday too, since a habit's check-ins for yesterday may still be logged today.
 */
export async function recordMakeUps(db: TandemDB, clock: Clock): Promise<void> {
  const today = dayOf(clock.now, clock);
  const days = [addDays(today, -1), today];
  const commitments = (await activeCommitments(db)).filter((c) => days.some((d) => canMakeUp(rulesOn(c, d).requirement)));
  if (commitments.length === 0) return;
  for (const day of days) {
    const records = await recordsOn(db, day);
    for (const c of commitments) {
      const missed = makeUpCandidate(c, day, records.get(c.id) ?? NO_RECORDS, clock);
      if (missed === null) continue;
      const before = (await recordsFrom(db, c.id, missed)).get(missed) ?? NO_RECORDS;
      if (!missedOn(c, missed, before, clock)) continue;
      await db.transaction('rw', db.commitments, db.outcomes, async () => {
        const stored = await db.commitments.get(c.id);
        if (!stored) return;
        await db.commitments.put(withRepair(stored, { day: missed, by: 'make-up', at: clock.now }));
        const cache = await db.outcomes.get(c.id);
        if (cache) await db.outcomes.put(repairedInCache(cache, missed));
      });
    }
  }
}
