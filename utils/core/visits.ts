import type { Clock, SiteDay } from './types';
import type { TrackerState } from './tracking';
import type { VisitRecords } from './requirements';
import { dayKeyAt, dayStartInstant } from './days';

/** Idle after two minutes without input; the heartbeat alarm confirms presence every minute. */
export const IDLE_THRESHOLD_MS = 2 * 60_000;

/** Today's time on tracked sites, for requirement progress: the day's totals and the visit in progress. */
export function todayVisits(siteDays: SiteDay[], tracker: TrackerState | undefined, clock: Clock, idleThresholdMs: number): VisitRecords {
  const day = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
  return {
    siteDays: siteDays.filter((d) => d.day === day),
    open: tracker?.open ?? null,
    dayStart: dayStartInstant(day, clock.timeZone, clock.dayStartMinutes),
    idleThresholdMs,
  };
}
