import type { Clock, Commitment, DayKey } from './types';
import { addDays, dayKeyAt, isActiveDay } from './days';
import { type DayRecords, NO_RECORDS } from './requirements';
import { statusOn } from './status';

/**
 * Current streak: consecutive active days done, counting back from today. Days outside the window
 * neither count nor break it; today counts once done and breaks it only once missed.
 * Days before the commitment was created are not judged.
 */
export function currentStreak(c: Commitment, recordsByDay: ReadonlyMap<DayKey, DayRecords>, clock: Clock): number {
  const { timeZone, dayStartMinutes } = clock;
  const today = dayKeyAt(clock.now, timeZone, dayStartMinutes);
  const first = dayKeyAt(c.createdAt, timeZone, dayStartMinutes);
  let streak = 0;
  for (let day = today; day >= first; day = addDays(day, -1)) {
    if (!isActiveDay(day, c.window)) continue;
    const { status } = statusOn(c, day, recordsByDay.get(day) ?? NO_RECORDS, clock);
    if (status === 'done') streak++;
    else if (day === today && status !== 'missed') continue;
    else break;
  }
  return streak;
}
