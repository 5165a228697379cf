/**
 * Validating a schedule the way the form shows it: the first problem found, in words the person can act on, and
 * nothing saved. The rules (see schedule.ts for what a window means):
 * - at least one window, and each window names at least one weekday;
 * - times are times of day (00:00–23:59); a start at the day start is stored as "from the start of my day";
 * - a window starts before it ends within the person's day (09:00–12:00; 22:00–01:00 when the day starts at
 *   04:00; not 12:00–09:00, and not 03:00–05:00 across a 04:00 day start);
 * - windows on the same weekday do not overlap (one may start when another ends), and a weekday has at most
 *   WINDOWS_PER_DAY_MAX of them.
 * On success the schedule comes back normalised: days sorted without repeats, windows in the order given.
 */
import type { Result, Schedule, TimeWindow, Weekday } from './types';
import { formatClockTime } from './days';
import { weekdayName } from './i18n';
import { offsetInDay, spansOn, WINDOWS_PER_DAY_MAX } from './schedule';
import { fail, ok } from './result';
import { tr } from './i18n';

const isTime = (m: unknown): m is number => typeof m === 'number' && Number.isInteger(m) && m >= 0 && m < 24 * 60;

function normaliseDays(days: readonly Weekday[]): Result<Weekday[]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b) as Weekday[];
  if (sorted.length === 0) return fail(tr('schedule_check_pick_at_least_one_day_of_the'));
  if (sorted.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) return fail(tr('schedule_check_days_of_the_week_are_sunday_to'));
  return ok(sorted);
}

/** Only the days: for a requirement that gates nothing (its window is the whole day). */
export function validateDaysOnly(schedule: Schedule): Result<Weekday[]> {
  if (!Array.isArray(schedule) || schedule.length === 0) return fail(tr('schedule_check_pick_at_least_one_day_of_the'));
  return normaliseDays(schedule.flatMap((w) => w.days));
}

export function validateSchedule(schedule: Schedule, dayStartMinutes: number): Result<Schedule> {
  if (!Array.isArray(schedule) || schedule.length === 0) return fail(tr('schedule_check_add_at_least_one_window_of_time'));
  const out: TimeWindow[] = [];
  for (const w of schedule) {
    const days = normaliseDays(w.days);
    if (!days.ok) return days;
    if (!isTime(w.untilMinutes)) return fail(tr('schedule_check_the_end_time_must_be_a_time_of'));
    if (w.fromMinutes !== undefined && !isTime(w.fromMinutes)) return fail(tr('schedule_check_the_start_time_must_be_a_time_of'));
    const from = w.fromMinutes === undefined || w.fromMinutes === dayStartMinutes ? undefined : w.fromMinutes;
    if (from !== undefined) {
      const until = offsetInDay(w.untilMinutes, dayStartMinutes) || 24 * 60;
      if (offsetInDay(from, dayStartMinutes) >= until) return fail(backwards(from, w.untilMinutes, dayStartMinutes));
    }
    out.push(from === undefined ? { days: days.value, untilMinutes: w.untilMinutes } : { days: days.value, fromMinutes: from, untilMinutes: w.untilMinutes });
  }
  for (const d of [1, 2, 3, 4, 5, 6, 0] as Weekday[]) {
    const spans = spansOn(out, d, dayStartMinutes);
    if (spans.length > WINDOWS_PER_DAY_MAX) {
      return fail(tr('schedule_check_has_windows_a_day_at_most_join', { value: weekdayName(d), spans: spans.length, WINDOWS_PER_DAY_MAX }));
    }
    for (let i = 1; i < spans.length; i++) {
      const a = spans[i - 1]!, b = spans[i]!;
      if (b.from < a.until) {
        return fail(tr('schedule_check_on_and_overlap_make_them_one', { value: weekdayName(d), value2: range(a.window, dayStartMinutes), value3: range(b.window, dayStartMinutes) }));
      }
    }
  }
  return ok(out);
}

function range(w: TimeWindow, dayStartMinutes: number): string {
  return `${formatClockTime(w.fromMinutes ?? dayStartMinutes)}–${formatClockTime(w.untilMinutes)}`;
}

function backwards(from: number, until: number, dayStartMinutes: number): string {
  const start = formatClockTime(dayStartMinutes);
  if (from === until) return tr('schedule_check_a_window_from_until_has_no_time', { value: formatClockTime(from), value2: formatClockTime(until) });
  return tr('schedule_check_a_window_cant_run_from_until', { value: formatClockTime(from), value2: formatClockTime(until), start }) + ' ' +
    tr('schedule_check_so_comes_first_choose_a_start', { value: formatClockTime(until) });
}
