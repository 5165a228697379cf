import type { Clock } from '../core/types';
import { EMPTY_TRACKER, foldSegments, track, worthStoring, type TrackerState, type VisitEvent } from '../core/tracking';
import type { TandemDB } from '../db/db';
import { dayOf } from '../core/days';
import { IDLE_THRESHOLD_MS } from '../core/visits';

/**
 * Folds one browser event into the stored tracker and the per-day totals, in one transaction; an event that
 * changes nothing but the tracker's clock is not written (worthStoring).
 * Returns the new state, and whether time was added (so the caller knows to look at the gate again).
 */
export async function recordVisitEvent(db: TandemDB, event: VisitEvent, clock: Clock): Promise<{ state: TrackerState; changed: boolean }> {
  return db.transaction('rw', db.tracker, db.siteDays, async () => {
    const { id: _id, ...stored } = (await db.tracker.get('current')) ?? { id: 'current', ...EMPTY_TRACKER };
    const { state, closed } = track(stored, event, { idleThresholdMs: IDLE_THRESHOLD_MS });
    if (closed.length) {
      const days = new Set(closed.flatMap((s) => [dayOf(s.start, clock), dayOf(s.end, clock)]));
      const existing = await db.siteDays.where('day').anyOf([...days]).toArray();
      await db.siteDays.bulkPut(foldSegments(existing, closed, clock.timeZone, clock.dayStartMinutes));
    }
    if (worthStoring(stored, state, closed)) await db.tracker.put({ id: 'current', ...state });
    const changed = closed.length > 0 || JSON.stringify(state.open) !== JSON.stringify(stored.open);
    return { state, changed };
  });
}
