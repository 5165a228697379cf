/**
 * The streak engine: pure arithmetic over days the caller has already judged.
 *
 * Judging a day (was the requirement met before that day's window closed, was the commitment paused,
 * did the schedule include that weekday) happens elsewhere, with the rules in force on that day; this
 * module only counts. So editing a commitment never rewrites the past: old days keep the outcome they
 * were given. DayKeys are calendar dates, free of time zones and DST; `today` comes from the Clock.
 *
 * Speed: 5 years × 20 commitments must take well under 10 ms. A days.ts call costs about 0.7 µs
 * (it parses and validates the key), so the hot loops compare DayKeys as strings ('YYYY-MM-DD' sorts
 * chronologically) and walk the calendar with a small cursor; days.ts is called a constant number of
 * times per function. DayKeys in the input are trusted, not validated.
 */
import type { Clock, DayKey, Weekday } from './types';
import { addDays, weekdayOf, dayOf } from './days';

/**
 * 'pending' = today, not decided yet (its window is still open): neither counts nor breaks.
 * 'repaired' = missed, then made up or granted by a partner (issue 11): the streak runs through it (it neither adds
 * nor breaks), and the share of days met counts it as a day not met.
 */
export type DayOutcome = 'done' | 'missed' | 'repaired' | 'not-active' | 'paused' | 'pending';
export interface DayEntry { day: DayKey; outcome: DayOutcome }
/** One week of a weekly target; `complete` = the week is over. */
export interface WeekEntry { weekStart: DayKey; target: number; count: number; complete: boolean }

export interface StreakSummary {
  /** Consecutive done days ending with the last judged day (today, or earlier if today is pending or inactive). */
  current: number;
  /** The longest such run ever. */
  best: number;
  /** done / (done + missed + repaired) over the 30 days ending today; null if none of them was judged. */
  rate30: number | null;
}

export interface WeeklySummary {
  current: number;
  best: number;
  /** Complete weeks met / complete weeks, among the 13 weeks ending with the current one; null if none. */
  rate: number | null;
}

/** 'future': after today; 'before': before the commitment's first day (neither is drawn nor counted). */
export interface HeatmapWeek { weekStart: DayKey; days: { day: DayKey; outcome: DayOutcome | 'future' | 'before' }[] }

/** The person's logical day now, for the `today` arguments below. */
export function todayOf(clock: Clock): DayKey {
  return dayOf(clock.now, clock);
}

/**
 * Daily streaks. `entries` may be in any order and have gaps: a missing day is not active.
 * Days after `today` are ignored; if a day appears twice, the later entry wins.
 */
export function dailyStreaks(entries: readonly DayEntry[], today: DayKey, prior?: { run: number; best: number }): StreakSummary {
  const rateFrom = addDays(today, -29);
  // `prior`: the run ending just before the first entry and the best run before it, when the entries are
  // only the recent part of a history whose older part was summarised (outcome-cache.ts).
  let run = prior?.run ?? 0, best = Math.max(prior?.best ?? 0, run), done = 0, missed = 0;
  for (const { day, outcome } of inOrder(entries, entryDay)) {
    if (day > today) break;
    // Only done and missed are judgements; not-active, paused and pending are transparent; a repaired day keeps
    // the run as it is but counts against the share met.
    if (outcome === 'done') best = Math.max(best, ++run);
    else if (outcome === 'missed') run = 0;
    else if (outcome !== 'repaired') continue;
    if (day < rateFrom) continue;
    if (outcome === 'done') done++;
    else missed++;
  }
  return { current: run, best, rate30: done + missed > 0 ? done / (done + missed) : null };
}

/**
 * Weekly streaks: consecutive weeks with count >= target. A week with target 0 (paused, or no target
 * yet) is not judged, like an inactive day. A week still running counts once met and never breaks.
 * Weeks starting after `currentWeekStart` are ignored; a week listed twice, the later entry wins.
 */
export function weeklyStreaks(weeks: readonly WeekEntry[], currentWeekStart: DayKey): WeeklySummary {
  const rateFrom = addDays(currentWeekStart, -7 * 12);
  let run = 0, best = 0, met = 0, judged = 0;
  for (const w of inOrder(weeks, (w) => w.weekStart)) {
    if (w.weekStart > currentWeekStart) break;
    if (w.target <= 0) continue;
    const isMet = w.count >= w.target;
    if (isMet) best = Math.max(best, ++run);
    else if (w.complete) run = 0;
    if (w.complete && w.weekStart >= rateFrom) {
      judged++;
      if (isMet) met++;
    }
  }
  return { current: run, best, rate: judged > 0 ? met / judged : null };
}

/** The first day of the week containing `day`; weeks start on Monday unless told otherwise. */
export function weekStartOf(day: DayKey, weekStartsOn: Weekday = 1): DayKey {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/**
 * Groups per-day counts (e.g. habit check-ins) into weeks, every week from the one containing `from`
 * (default: the earliest day given) to today's, zero-count weeks included so that they break streaks.
 * `targetFor` gives the target in force that week. Counts for the same day add up; days before `from`
 * or after `today` are ignored. The week containing today is not complete.
 */
export function weeksOf(
  days: readonly { day: DayKey; count: number }[],
  targetFor: (weekStart: DayKey) => number,
  weekStartsOn: Weekday,
  today: DayKey,
  from?: DayKey,
): WeekEntry[] {
  const sorted = days.filter((d) => d.day <= today && (from === undefined || d.day >= from));
  if (!isAscending(sorted, entryDay, false)) sorted.sort(compareBy(entryDay));
  const first = from ?? sorted[0]?.day;
  if (first === undefined || first > today) return [];
  const lastStart = weekStartOf(today, weekStartsOn);
  const cursor = new DayCursor(weekStartOf(first, weekStartsOn));
  const out: WeekEntry[] = [];
  let i = 0;
  for (;;) {
    const weekStart = cursor.key();
    const next = cursor.advance(7).key();
    let count = 0;
    for (; i < sorted.length && sorted[i]!.day < next; i++) count += sorted[i]!.count;
    out.push({ weekStart, target: targetFor(weekStart), count, complete: weekStart < lastStart });
    if (weekStart >= lastStart) return out;
  }
}

/**
 * A calendar heatmap: the last `weeks` weeks up to and including today's, oldest first, each a row of
 * 7 cells. Days without an entry are 'not-active'; days after today are 'future'; days before `first` (the
 * commitment's first day, when given) are 'before': a commitment made today has no 111 days off behind it.
 */
export function heatmap(entries: readonly DayEntry[], today: DayKey, weeks: number, weekStartsOn: Weekday, first?: DayKey): HeatmapWeek[] {
  if (weeks <= 0) return [];
  const cursor = new DayCursor(addDays(weekStartOf(today, weekStartsOn), -7 * (weeks - 1)));
  const sorted = inOrder(entries, entryDay);
  const rows: HeatmapWeek[] = [];
  let i = 0;
  for (let w = 0; w < weeks; w++) {
    const days: HeatmapWeek['days'] = [];
    for (let d = 0; d < 7; d++, cursor.advance(1)) {
      const day = cursor.key();
      // Both sequences ascend, so one pointer finds each day's entry: a merge, no lookups.
      while (i < sorted.length && sorted[i]!.day < day) i++;
      const outcome =
        day > today ? 'future' : sorted[i]?.day === day ? sorted[i]!.outcome : first !== undefined && day < first ? 'before' : 'not-active';
      days.push({ day, outcome });
    }
    rows.push({ weekStart: days[0]!.day, days });
  }
  return rows;
}

/**
 * Every day from `from` to `to` inclusive with its weekday, cheaply: for callers that judge a long
 * history day by day (a days.ts call per day would cost more than the whole streak computation).
 */
export function calendarDays(from: DayKey, to: DayKey): { day: DayKey; weekday: Weekday }[] {
  const out: { day: DayKey; weekday: Weekday }[] = [];
  if (from > to) return out;
  let weekday = weekdayOf(from);
  for (const c = new DayCursor(from); ; c.advance(1)) {
    const day = c.key();
    if (day > to) return out;
    out.push({ day, weekday });
    weekday = ((weekday + 1) % 7) as Weekday;
  }
}

/** `n` days from `from` on, `step` days apart (cheaply, as calendarDays). */
export function everyNthDay(from: DayKey, n: number, step: number): DayKey[] {
  const out: DayKey[] = [];
  for (const c = new DayCursor(from); out.length < n; c.advance(step)) out.push(c.key());
  return out;
}

// ---- internals ----

type Key<T> = (x: T) => DayKey;
const entryDay = (x: { day: DayKey }) => x.day;
const compareBy = <T>(key: Key<T>) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function isAscending<T>(xs: readonly T[], key: Key<T>, strictly: boolean): boolean {
  for (let i = 1; i < xs.length; i++) {
    const a = key(xs[i - 1]!), b = key(xs[i]!);
    if (a > b || (strictly && a === b)) return false;
  }
  return true;
}

/**
 * Ascending by key, one item per key (the later of duplicates in input order wins). The database
 * hands days over in order, so the usual case is one check and the caller's array as is.
 */
function inOrder<T>(xs: readonly T[], key: Key<T>): readonly T[] {
  if (isAscending(xs, key, true)) return xs;
  const sorted = [...xs].sort(compareBy(key)); // stable: duplicates keep their input order
  return sorted.filter((x, i) => i + 1 === sorted.length || key(sorted[i + 1]!) !== key(x));
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number) =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DD = Array.from({ length: 32 }, (_, d) => pad(d, 2));

/**
 * Walks the Gregorian calendar forward without Date or re-parsing; agrees with addDays (tested).
 * The 'YYYY-MM-' prefix is rebuilt only when the month changes: a key is then one concatenation.
 */
class DayCursor {
  private y: number;
  private m: number;
  private d: number;
  private prefix = '';
  constructor(day: DayKey) {
    this.y = Number(day.slice(0, 4));
    this.m = Number(day.slice(5, 7));
    this.d = Number(day.slice(8, 10));
    this.newMonth();
  }
  advance(n: number): this {
    this.d += n;
    if (this.d <= 28) return this; // the common case: no month can end before the 29th
    for (let len = monthLength(this.y, this.m); this.d > len; len = monthLength(this.y, this.m)) {
      this.d -= len;
      if (++this.m > 12) { this.m = 1; this.y++; }
      this.newMonth();
    }
    return this;
  }
  key(): DayKey {
    return this.prefix + DD[this.d]!;
  }
  private newMonth(): void {
    this.prefix = `${pad(this.y, 4)}-${pad(this.m, 2)}-`;
  }
}
