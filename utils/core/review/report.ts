import type { Attempt, Clock, Commitment, DayKey, FocusSession } from '../types';
import { addDays, dayOf, dayStartInstant } from '../days';
import { perWeekOf, withVisits, type DayRecords } from '../requirements';
import { focusedMs } from '../requirements/focus';
import { outcomeOf } from '../history';
import { statusToday } from '../status';
import { isPaused, rulesOn } from '../rules';
import { appliesOn } from '../schedule';
import { calendarDays, dailyStreaks, weeklyStreaks, weekStartOf, weeksOf, type DayEntry } from '../streak-engine';
import { cacheEnd, cachedCounts, isWeeklyHabit, type OutcomeCache } from '../outcome-cache';
import type { PastDays } from '../today';
import type { CommitmentWeek, WeekReport } from './types';

/** What a week's report is computed from: what the pages read for today's views, and the week's own records. */
export interface ReportInput {
  commitments: Commitment[];
  /** pastByCommitment's result (the last 16 weeks of judged days, and what older days leave to the streak). */
  past: ReadonlyMap<string, PastDays>;
  /** Recent records by commitment and day (loadCheckIn's `history`): today's status, a habit's recent counts. */
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>;
  caches: ReadonlyMap<string, OutcomeCache>;
  /** The week's focus sessions and block-page arrivals (any commitment; other days are ignored). */
  sessions: FocusSession[];
  attempts: Attempt[];
}

const HOUR_MS = 3_600_000;

/** The week (7 of the person's days from `weekStart`) in hours: 167 or 169 when the clocks change within it. */
export function weekHours(weekStart: DayKey, clock: Pick<Clock, 'timeZone' | 'dayStartMinutes'>): number {
  const start = dayStartInstant(weekStart, clock.timeZone, clock.dayStartMinutes);
  return Math.round((dayStartInstant(addDays(weekStart, 7), clock.timeZone, clock.dayStartMinutes) - start) / HOUR_MS);
}

/** The first day of the week `day` is in, by the person's week-start setting. */
export function weekOf(day: DayKey, clock: Pick<Clock, 'weekStartsOn'>): DayKey {
  return weekStartOf(day, clock.weekStartsOn ?? 1);
}

/** A daily commitment's judged days, today's included (its status now). */
export function entriesWithToday(c: Commitment, input: Pick<ReportInput, 'past' | 'history'>, clock: Clock): { entries: DayEntry[]; prior: PastDays['prior'] } {
  const today = dayOf(clock.now, clock);
  const { entries = [], prior = { run: 0, best: 0 } } = input.past.get(c.id) ?? {};
  const status = statusToday(c, withVisits(input.history.get(c.id)?.get(today), undefined), clock);
  return { entries: [...entries, { day: today, outcome: outcomeOf(status) }], prior };
}

/** A weekly habit's check-in counts by day: the cached final days, then the recent records. */
export function habitCounts(c: Commitment, input: Pick<ReportInput, 'history' | 'caches'>): { day: DayKey; count: number }[] {
  const cache = input.caches.get(c.id);
  const from = cache ? cacheEnd(cache) : '';
  const recent = [...(input.history.get(c.id) ?? [])]
    .map(([day, r]) => ({ day, count: r.checkIns.length }))
    .filter((x) => x.count > 0 && x.day >= from)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  return [...cachedCounts(cache), ...recent];
}

/** Done of target in one week: days done of days it applied (future days of the week count as to do), or check-ins. */
export function doneInWeek(
  c: Commitment,
  weekStart: DayKey,
  data: { entries?: DayEntry[]; counts?: { day: DayKey; count: number }[] },
  clock: Clock,
): { done: number; target: number; missedDays: DayKey[] } {
  const last = addDays(weekStart, 6);
  const perWeek = perWeekOf(c.requirement);
  if (perWeek !== undefined) {
    const count = (data.counts ?? []).filter((x) => x.day >= weekStart && x.day <= last).reduce((n, x) => n + x.count, 0);
    const paused = isPaused(c, weekStart) && isPaused(c, last);
    return { done: count, target: paused ? 0 : perWeek, missedDays: [] };
  }
  const today = dayOf(clock.now, clock);
  const first = dayOf(c.createdAt, clock);
  const byDay = new Map((data.entries ?? []).filter((e) => e.day >= weekStart && e.day <= last).map((e) => [e.day, e.outcome]));
  let done = 0, target = 0;
  const missedDays: DayKey[] = [];
  for (const { day, weekday } of calendarDays(weekStart, last)) {
    if (day < first) continue;
    if (day <= today) {
      const outcome = byDay.get(day) ?? 'not-active';
      if (outcome === 'done') done++;
      if (outcome === 'missed') missedDays.push(day);
      if (outcome === 'done' || outcome === 'missed' || outcome === 'pending') target++;
    } else if (appliesOn(rulesOn(c, day).schedule, weekday) && !isPaused(c, day)) target++;
  }
  return { done, target, missedDays };
}

/** The week's report: each live commitment's done vs target, focus minutes, block-page arrivals and streak change. */
export function weekReport(input: ReportInput, weekStart: DayKey, clock: Clock): WeekReport {
  const last = addDays(weekStart, 6);
  const today = dayOf(clock.now, clock);
  const upTo = last < today ? last : today;
  const inWeek = (r: { day: DayKey }) => r.day >= weekStart && r.day <= last;
  const sessions = input.sessions.filter(inWeek);
  const attempts = input.attempts.filter(inWeek);
  const weekStartsOn = clock.weekStartsOn ?? 1;
  const rows = input.commitments.map((c): CommitmentWeek => {
    const mine = attempts.filter((a) => a.commitmentId === c.id);
    const common = {
      commitmentId: c.id,
      title: c.title,
      focusMinutes: Math.floor(sessions.filter((s) => s.commitmentId === c.id).reduce((ms, s) => ms + focusedMs(s, clock.now), 0) / 60_000),
      turnedBack: mine.filter((a) => a.outcome !== 'went-anyway').length,
      wentAnyway: mine.filter((a) => a.outcome === 'went-anyway').length,
    };
    if (isWeeklyHabit(c)) {
      const counts = habitCounts(c, input);
      const first = dayOf(c.createdAt, clock);
      const target = perWeekOf(c.requirement) ?? 1;
      const targetFor = (w: DayKey) => (isPaused(c, w) && isPaused(c, addDays(w, 6)) ? 0 : target);
      // One pass over the weeks up to the report's last day; the streak before is the same weeks cut a week earlier.
      const weeks = upTo < first ? [] : weeksOf(counts, targetFor, weekStartsOn, upTo, first);
      const before = addDays(weekStart, -7);
      const streakAt = (w: DayKey) => (w < weekStartOf(first, weekStartsOn) ? 0 : weeklyStreaks(weeks, w).current);
      const week = doneInWeek(c, weekStart, { counts }, clock);
      return { ...common, ...week, unit: 'times', streakBefore: streakAt(before), streakAfter: streakAt(weekStart), streakUnit: 'week' };
    }
    const { entries, prior } = entriesWithToday(c, input, clock);
    const week = doneInWeek(c, weekStart, { entries }, clock);
    return {
      ...common,
      ...week,
      unit: 'days',
      streakBefore: dailyStreaks(entries, addDays(weekStart, -1), prior).current,
      streakAfter: dailyStreaks(entries, upTo, prior).current,
      streakUnit: 'day',
    };
  });
  return { weekStart, hours: weekHours(weekStart, clock), commitments: rows, completion: completionOf(rows) };
}

/** Share of targets met, each commitment's done capped at its target; null when nothing was due. */
export function completionOf(rows: { done: number; target: number }[]): number | null {
  const target = rows.reduce((n, r) => n + r.target, 0);
  return target === 0 ? null : rows.reduce((n, r) => n + Math.min(r.done, r.target), 0) / target;
}

/** The completion rate of each of the given weeks (for the chart): from the same judged days as the report. */
export function completionByWeek(input: Pick<ReportInput, 'commitments' | 'past' | 'history' | 'caches'>, weeks: DayKey[], clock: Clock): (number | null)[] {
  const data = input.commitments.map((c) => ({
    c,
    d: isWeeklyHabit(c) ? { counts: habitCounts(c, input) } : { entries: entriesWithToday(c, input, clock).entries },
  }));
  return weeks.map((w) => completionOf(data.map(({ c, d }) => doneInWeek(c, w, d, clock))));
}
