/**
 * A commitment's schedule: when, on each logical day, its windows run.
 *
 * A schedule is a list of windows `{ days, fromMinutes?, untilMinutes }`. Times are wall-clock minutes after
 * local midnight, read inside the person's logical day, which runs from the day start (Settings.dayStartMinutes,
 * default 04:00) to the next one: a time before the day start means after midnight (01:00 = the next morning).
 * - `fromMinutes` absent means "from the start of my day" and follows the setting; `untilMinutes` equal to the
 *   day start means "until the end of my day". So `{ days, untilMinutes: dayStart }` is the whole day, and the
 *   schema-5 shape `{ days, untilMinutes }` keeps exactly its meaning (from the day start until then).
 * - A window that no longer fits the day because the day start moved after it was saved (its start now comes at
 *   or after its end) runs from the day start until its end, as a window without a start time would: the gate
 *   keeps holding rather than silently dropping. The form refuses such a window (commitment.ts).
 * - Several windows a day are judged together: the requirement is the day's, the gate holds during any window
 *   while it is not met, and the day is missed only once its last window has closed.
 * - Across DST changes a bound is the first instant the wall clock reads that time (days.ts wallTimeReached);
 *   the day's own start and end are the day's boundaries, so a window "from the start of my day" starts exactly
 *   with the day.
 */
import type { DayKey, Schedule, TimeWindow, Weekday } from './types';
import { addDays, dayEndInstant, dayStartInstant, wallTimeReached, weekdayOf } from './days';

const DAY_MINUTES = 1440;

/** The most windows a weekday may have (validation); more is a schedule nobody can keep in their head. */
export const WINDOWS_PER_DAY_MAX = 4;

/** Where a window lies in the logical day, in minutes after the day start: 0 ≤ from < until ≤ 1440. */
export function spanOf(w: TimeWindow, dayStartMinutes: number): { from: number; until: number } {
  const until = offsetInDay(w.untilMinutes, dayStartMinutes) || DAY_MINUTES;
  const from = w.fromMinutes === undefined ? 0 : offsetInDay(w.fromMinutes, dayStartMinutes);
  return { from: from < until ? from : 0, until };
}

/** Minutes after the day start at which the wall clock reads `minutes` (0–1439). */
export function offsetInDay(minutes: number, dayStartMinutes: number): number {
  return (((minutes - dayStartMinutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Whether any window applies on this weekday. */
export function appliesOn(schedule: Schedule, weekday: Weekday): boolean {
  for (const w of schedule) if (w.days.includes(weekday)) return true;
  return false;
}

/** Whether logical day `day` is one of the schedule's days. */
export function isActiveDay(day: DayKey, schedule: Schedule): boolean {
  return appliesOn(schedule, weekdayOf(day));
}

/** Every weekday the schedule names, in order (Sunday first). */
export function scheduleDays(schedule: Schedule): Weekday[] {
  return ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).filter((d) => appliesOn(schedule, d));
}

/** The windows of one weekday, earliest first, as spans of the logical day. */
export function spansOn(schedule: Schedule, weekday: Weekday, dayStartMinutes: number): { from: number; until: number; window: TimeWindow }[] {
  return schedule
    .filter((w) => w.days.includes(weekday))
    .map((w) => ({ ...spanOf(w, dayStartMinutes), window: w }))
    .sort((a, b) => a.from - b.from || a.until - b.until);
}

export interface WindowRun {
  start: number;
  end: number;
}

/**
 * The windows of logical day `day` as instants, earliest first (empty on a day the schedule does not name).
 * Overlapping windows (not saved by the form, but possible in old data) are merged.
 */
export function windowsOn(day: DayKey, schedule: Schedule, timeZone: string, dayStartMinutes: number): WindowRun[] {
  const dayStart = dayStartInstant(day, timeZone, dayStartMinutes);
  const dayEnd = dayEndInstant(day, timeZone, dayStartMinutes);
  const at = (offset: number) => {
    if (offset === 0) return dayStart;
    if (offset >= DAY_MINUTES) return dayEnd;
    const minutes = dayStartMinutes + offset;
    const t = minutes < DAY_MINUTES ? wallTimeReached(day, minutes, timeZone) : wallTimeReached(addDays(day, 1), minutes - DAY_MINUTES, timeZone);
    return Math.min(dayEnd, Math.max(dayStart, t));
  };
  const runs: WindowRun[] = [];
  for (const s of spansOn(schedule, weekdayOf(day), dayStartMinutes)) {
    const start = at(s.from);
    const end = Math.max(start, at(s.until));
    const last = runs[runs.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else runs.push({ start, end });
  }
  return runs;
}

/** When the day's last window closes (the requirement's deadline), or null on a day without windows. */
export function lastWindowEnd(day: DayKey, schedule: Schedule, timeZone: string, dayStartMinutes: number): number | null {
  return windowsOn(day, schedule, timeZone, dayStartMinutes).at(-1)?.end ?? null;
}
