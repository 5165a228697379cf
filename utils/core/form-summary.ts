/**
 * What the commitment form says about itself while a person fills it in, computed from the fields as they are
 * now (never from a preset): the one-line summary, and when the day starts and whether the commitment would hold
 * its sites back right now. Pure: the time, the zone and the day start are given.
 */
import type { Requirement } from './requirements';
import type { Weekday } from './types';
import { kindOf, perWeekOf } from './requirements';
import { addDays, dayKeyAt, daysBetween, formatClockTime, isActiveDay, localMinutesAt, weekdayOf, windowBounds } from './days';
import { WEEKDAY_LONG } from './format';

/** The form's values as typed: the requirement not validated yet, the "until" time unparsed (null) if not a time. */
export interface FormValues {
  requirement: Requirement;
  days: readonly Weekday[];
  untilMinutes: number | null;
}

/** Monday first, as the form shows them. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "every day", "Monday to Friday", "Monday, Wednesday and Friday", "Monday to Wednesday and Saturday". */
export function describeDays(days: readonly Weekday[]): string {
  const chosen = WEEK.filter((d) => days.includes(d));
  if (chosen.length === 7) return 'every day';
  if (chosen.length === 0) return 'no days chosen yet';
  const runs: Weekday[][] = [];
  for (const d of chosen) {
    const run = runs[runs.length - 1];
    if (run && WEEK.indexOf(run[run.length - 1]!) === WEEK.indexOf(d) - 1) run.push(d);
    else runs.push([d]);
  }
  const parts = runs.flatMap((r) =>
    r.length >= 3 ? [`${WEEKDAY_LONG[r[0]!]} to ${WEEKDAY_LONG[r[r.length - 1]!]}`] : r.map((d) => WEEKDAY_LONG[d]),
  );
  return list(parts);
}

/** "until 12:00"; "all day" when "until" is the day start; "until 01:00 the next morning" before it. */
export function describeUntil(untilMinutes: number, dayStartMinutes: number): string {
  if (untilMinutes === dayStartMinutes) return 'all day';
  const time = formatClockTime(untilMinutes);
  return untilMinutes > dayStartMinutes ? `until ${time}` : `until ${time} the next morning`;
}

/**
 * The form's summary line: "60 min focus, Monday to Friday, until 12:00". A part not filled in correctly yet is
 * left out rather than shown wrong; a kind judged by its week has no days, one that gates nothing no "until".
 */
export function summarizeForm(values: FormValues, dayStartMinutes: number): string {
  const kind = kindOf(values.requirement);
  const valid = kind.validate(values.requirement);
  const parts: string[] = [];
  if (valid.ok) parts.push(kind.describe(valid.value));
  if (!valid.ok || perWeekOf(valid.value) === undefined) parts.push(describeDays(values.days));
  if (kind.gates && values.untilMinutes !== null) parts.push(describeUntil(values.untilMinutes, dayStartMinutes));
  const line = parts.join(', ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** When the person's day starts, in plain words, and what an "until" equal to it means. */
export function dayStartRule(dayStartMinutes: number): string {
  const start = formatClockTime(dayStartMinutes);
  return `Your day starts at ${start}: until then, late nights still count as the day before. ` +
    `“Until ${start}” means all day.`;
}

export interface NowContext {
  now: number;
  timeZone: string;
  dayStartMinutes: number;
}

/**
 * Whether a commitment with these days and "until", created now, holds its sites back at once, and if not, why
 * and from when: "It's 01:30, which still counts as yesterday (Monday): your day starts at 04:00. Monday's window
 * closed at 12:00, so it first holds the sites back on Tuesday from 04:00." Null while no day or time is chosen.
 * (A commitment made after today's window closed starts the next day it applies: utils/core/status.ts.)
 */
export function gateNowSentence(days: readonly Weekday[], untilMinutes: number | null, at: NowContext): string | null {
  if (untilMinutes === null || days.length === 0) return null;
  const { now, timeZone, dayStartMinutes } = at;
  const window = { days: [...days], untilMinutes };
  const today = dayKeyAt(now, timeZone, dayStartMinutes);
  const calendarToday = dayKeyAt(now, timeZone, 0);
  const clock = formatClockTime(localMinutesAt(now, timeZone));
  const start = formatClockTime(dayStartMinutes);
  const dayName = (d: string) => WEEKDAY_LONG[weekdayOf(d)];
  const lateNight = today < calendarToday;
  const intro = lateNight
    ? `It's ${clock}, which still counts as yesterday (${dayName(today)}): your day starts at ${start}.`
    : `It's ${clock}.`;

  if (isActiveDay(today, window)) {
    const { end } = windowBounds(today, window, timeZone, dayStartMinutes);
    if (now < end) {
      const until = untilMinutes === dayStartMinutes ? `for the rest of the day, until ${start}` : `until ${formatClockTime(untilMinutes)}`;
      return `${intro} Created now, it holds the sites back right away, ${until}.`;
    }
  }
  let next = addDays(today, 1);
  while (!isActiveDay(next, window)) next = addDays(next, 1);
  const why = isActiveDay(today, window)
    ? `${lateNight ? `${dayName(today)}'s` : "Today's"} window closed at ${formatClockTime(untilMinutes)}`
    : `${lateNight ? dayName(today) : 'Today'} isn't one of its days`;
  const ahead = daysBetween(today, next);
  const when = ahead === 1 && !lateNight ? `tomorrow (${dayName(next)})` : ahead === 7 ? `next ${dayName(next)}` : `on ${dayName(next)}`;
  return `${intro} ${why}, so it first holds the sites back ${when} from ${start}.`;
}
