/**
 * What the commitment form says about itself while a person fills it in, computed from the fields as they are
 * now (never from a preset): the one-line summary, and when the day starts and whether the commitment would hold
 * its sites back right now. Pure: the time, the zone and the day start are given.
 */
import type { Requirement } from './requirements';
import type { Schedule, TimeWindow, Weekday } from './types';
import { kindOf, perWeekOf } from './requirements';
import { addDays, dayEndInstant, dayKeyAt, daysBetween, formatClockTime, localMinutesAt, weekdayOf } from './days';
import { offsetInDay, windowsOn } from './schedule';
import { weekdayName } from './i18n';
import { tr } from './i18n';

/** One window as typed: a time not parsed yet is null; `fromMinutes` absent = from the start of my day. */
export interface FormWindow {
  days: readonly Weekday[];
  fromMinutes?: number | null;
  untilMinutes: number | null;
}

/** The form's values as typed: the requirement not validated yet, the windows' times unparsed (null) if not times. */
export interface FormValues {
  requirement: Requirement;
  schedule: readonly FormWindow[];
}

/** Whether a window's times are times, and it starts before it ends within the day. */
function timesValid(w: FormWindow, dayStartMinutes: number): w is FormWindow & { untilMinutes: number } {
  if (w.untilMinutes === null || w.fromMinutes === null) return false;
  const until = offsetInDay(w.untilMinutes, dayStartMinutes) || 1440;
  return w.fromMinutes === undefined || offsetInDay(w.fromMinutes, dayStartMinutes) < until;
}

/** The windows whose times are times and start before they end within the day: those the words can describe. */
export function usableWindows(windows: readonly FormWindow[], dayStartMinutes: number): Schedule {
  const out: TimeWindow[] = [];
  for (const w of windows) {
    if (w.untilMinutes === null || w.days.length === 0 || !timesValid(w, dayStartMinutes)) continue;
    out.push({ days: [...w.days], untilMinutes: w.untilMinutes, ...(w.fromMinutes == null ? {} : { fromMinutes: w.fromMinutes }) });
  }
  return out;
}

/** Monday first, as the form shows them. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : tr('form_summary_and', { value: parts.slice(0, -1).join(', '), value2: parts[parts.length - 1] ?? '' });
}

/** "every day", "Monday to Friday", "Monday, Wednesday and Friday", "Monday to Wednesday and Saturday". */
export function describeDays(days: readonly Weekday[]): string {
  const chosen = WEEK.filter((d) => days.includes(d));
  if (chosen.length === 7) return tr('form_summary_every_day');
  if (chosen.length === 0) return tr('form_summary_no_days_chosen_yet');
  const runs: Weekday[][] = [];
  for (const d of chosen) {
    const run = runs[runs.length - 1];
    if (run && WEEK.indexOf(run[run.length - 1]!) === WEEK.indexOf(d) - 1) run.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((r) =>
    r.length >= 3 ? [tr('form_summary_to', { value: weekdayName(r[0]!), value2: weekdayName(r[r.length - 1]!) })] : r.map((d) => weekdayName(d)),
  );
  return list(parts);
}

/** "until 12:00"; "all day" when "until" is the day start; "until 01:00 the next morning" before it. */
export function describeUntil(untilMinutes: number, dayStartMinutes: number): string {
  if (untilMinutes === dayStartMinutes) return tr('form_summary_all_day');
  const time = formatClockTime(untilMinutes);
  return untilMinutes > dayStartMinutes ? tr('form_summary_until', { time }) : tr('form_summary_until_the_next_morning', { time });
}

/** One window's times: "until 12:00" from the day start; "from 09:00 until 12:00"; "from 20:00 until the day ends". */
export function describeWindow(w: { fromMinutes?: number | null; untilMinutes: number }, dayStartMinutes: number): string {
  if (w.fromMinutes === undefined || w.fromMinutes === null || w.fromMinutes === dayStartMinutes) return describeUntil(w.untilMinutes, dayStartMinutes);
  const from = tr('form_summary_from', { value: formatClockTime(w.fromMinutes) });
  if (w.untilMinutes === dayStartMinutes) return tr('form_summary_until_your_day_ends', { from });
  return `${from} ${describeUntil(w.untilMinutes, dayStartMinutes)}`;
}

/**
 * The windows' days and times: "Monday to Friday, until 12:00"; "Monday to Friday, from 09:00 until 12:00 and from
 * 14:00 until 17:00; Saturday, from 10:00 until 11:00". Windows on the same days are said together, groups in the
 * order of their first day (Monday first); a window whose times are not valid yet is left out, its days kept.
 */
export function describeSchedule(
  windows: readonly FormWindow[],
  dayStartMinutes: number,
  { daysWords = describeDays, between = ', ' }: { daysWords?: (days: readonly Weekday[]) => string; between?: string } = {},
): string {
  const groups = new Map<string, { days: readonly Weekday[]; times: string[] }>();
  const key = (days: readonly Weekday[]) => WEEK.filter((d) => days.includes(d)).join();
  for (const w of windows) {
    const k = key(w.days);
    const g = groups.get(k) ?? { days: w.days, times: [] };
    groups.set(k, g);
    if (timesValid(w, dayStartMinutes)) g.times.push(describeWindow(w, dayStartMinutes));
  }
  const first = (days: readonly Weekday[]) => Math.min(...days.map((d) => WEEK.indexOf(d)), 7);
  return [...groups.values()]
    .sort((a, b) => first(a.days) - first(b.days))
    .map((g) => [daysWords(g.days), ...(g.times.length ? [list(g.times)] : [])].join(between))
    .join('; ');
}

/**
 * The form's summary line: "60 min focus, Monday to Friday, until 12:00". A part not filled in correctly yet is
 * left out rather than shown wrong; a kind judged by its week has no days, one that gates nothing no times.
 */
export function summarizeForm(values: FormValues, dayStartMinutes: number): string {
  const kind = kindOf(values.requirement);
  const valid = kind.validate(values.requirement);
  const parts: string[] = [];
  if (valid.ok) parts.push(kind.describe(valid.value));
  if (kind.gates) parts.push(describeSchedule(values.schedule, dayStartMinutes));
  else if (!valid.ok || perWeekOf(valid.value) === undefined) parts.push(describeDays(values.schedule.flatMap((w) => w.days)));
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** When the person's day starts, in plain words, and what an "until" equal to it means. */
export function dayStartRule(dayStartMinutes: number): string {
  const start = formatClockTime(dayStartMinutes);
  return tr('form_summary_your_day_starts_at_until_then', { start }) + ' ' +
    tr('form_summary_until_means_all_day', { start });
}

export interface NowContext {
  now: number;
  timeZone: string;
  dayStartMinutes: number;
}

/**
 * Whether a commitment with these windows, created now, holds its sites back at once, and if not, why and from
 * when: "It's 01:30, which still counts as yesterday (Monday): your day starts at 04:00. Monday's window closed at
 * 12:00, so it first holds the sites back on Tuesday from 04:00." Null while no window has days and valid times.
 * (A commitment made after today's last window closed starts the next day it applies: utils/core/status.ts.)
 */
export function gateNowSentence(windows: readonly FormWindow[], at: NowContext): string | null {
  const { now, timeZone, dayStartMinutes } = at;
  const schedule = usableWindows(windows, dayStartMinutes);
  if (schedule.length === 0) return null;
  const today = dayKeyAt(now, timeZone, dayStartMinutes);
  const calendarToday = dayKeyAt(now, timeZone, 0);
  const time = (t: number) => formatClockTime(localMinutesAt(t, timeZone));
  const start = formatClockTime(dayStartMinutes);
  const dayName = (d: string) => weekdayName(weekdayOf(d));
  const lateNight = today < calendarToday;
  const intro = lateNight
    ? tr('form_summary_its_which_still_counts_as', { value: time(now), value2: dayName(today), start })
    : `It's ${time(now)}.`;

  const runs = windowsOn(today, schedule, timeZone, dayStartMinutes);
  const current = runs.find((r) => r.start <= now && now < r.end);
  if (current) {
    const until = current.end === dayEndInstant(today, timeZone, dayStartMinutes)
      ? tr('form_summary_for_the_rest_of_the_day_until', { start })
      : tr('form_summary_until_2', { value: time(current.end) });
    return tr('form_summary_created_now_it_holds_the_sites', { intro, until });
  }
  const later = runs.find((r) => r.start > now);
  if (later) return tr('form_summary_created_now_it_first_holds_the', { intro, value: lateNight ? 'at' : tr('form_summary_today_at'), value2: time(later.start) });
  let next = addDays(today, 1);
  let nextRuns = windowsOn(next, schedule, timeZone, dayStartMinutes);
  while (nextRuns.length === 0) nextRuns = windowsOn((next = addDays(next, 1)), schedule, timeZone, dayStartMinutes);
  const why = runs.length
    ? tr('form_summary_closed_at', { value: lateNight ? `${dayName(today)}'s` : "Today's", value2: runs.length > 1 ? tr('form_summary_last_window') : 'window', value3: time(runs[runs.length - 1]!.end) })
    : tr('form_summary_isnt_one_of_its_days', { value: lateNight ? dayName(today) : tr('form_summary_today') });
  const ahead = daysBetween(today, next);
  const when = ahead === 1 && !lateNight ? tr('form_summary_tomorrow', { value: dayName(next) }) : ahead === 7 ? tr('form_summary_next', { value: dayName(next) }) : tr('form_summary_on', { value: dayName(next) });
  return tr('form_summary_so_it_first_holds_the_sites_back', { intro, why, when, value: time(nextRuns[0]!.start) });
}
