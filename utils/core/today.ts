import type { CheckIn, Clock, Commitment, DayKey, Weekday } from './types';
import { addDays, dayOf, dayStartInstant } from './days';
import { canMakeUp, type DayRecords, type VisitRecords, perWeekOf, withVisits } from './requirements';
import { type CommitmentToday, statusOn } from './status';
import {
  dailyStreaks, heatmap, weeklyStreaks, weekStartOf, weeksOf,
  type DayEntry, type HeatmapWeek, type StreakSummary,
} from './streak-engine';
import { outcomeOf, pastDays } from './history';
import { isPaused } from './rules';
import { dailyReason, mayAsk, weeklyReason, type RecalibrationReason } from './recalibration';
import { pledgeDue } from './pledge';
import { cacheEnd, cachedCounts, cachedEntriesFrom, cachedWeekCounts, isWeeklyHabit, priorRun, type OutcomeCache } from './outcome-cache';

export interface CommitmentView {
  commitment: Commitment;
  today: CommitmentToday;
  /** Current and best run, and the share met: of active days, or of weeks for a weekly habit. */
  streak: StreakSummary & { unit: 'day' | 'week' };
  /**
   * The last HEATMAP_WEEKS weeks, computed when first read (then kept): a page that shows no calendar, like the
   * popup's first paint, does not pay for it.
   */
  readonly heatmap: HeatmapWeek[];
  /** Today's check-ins (to undo or describe), and whether yesterday can still be logged (none yet, and it existed). */
  checkIns: CheckIn[];
  canLogYesterday: boolean;
  /** The missed active day before today that doing the requirement twice over today would repair (issue 11). */
  makeUp?: DayKey;
  /** Kept too rarely lately: a recalibration is offered (at most weekly, recalibration.ts). */
  recalibrate?: RecalibrationReason;
  /** A pledge whose week reached its missed days and is not marked kept yet (pledge.ts). */
  pledgeDue?: { weekStart: DayKey; missed: number };
}

export const HEATMAP_WEEKS = 16;


/** The first day of the calendar that ends today. */
function calendarFrom(today: DayKey, weekStartsOn: Weekday): DayKey {
  return addDays(weekStartOf(today, weekStartsOn), -7 * (HEATMAP_WEEKS - 1));
}

/**
 * Past days per commitment: the cached final days of the last 30 (what the streak's 30-day rate reads), then the
 * few recent days judged from their records; older days only matter to the streaks, through `prior`, and to the
 * calendar, which reads them from the cache when it is drawn. They change only with the records or the date, so
 * pages compute them once, not every second.
 */
export function pastByCommitment(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
  caches: ReadonlyMap<string, OutcomeCache> = new Map(),
): Map<string, PastDays> {
  const today = dayOf(clock.now, clock);
  const from = addDays(today, -(RATE_DAYS - 1));
  return new Map(
    commitments.filter((c) => !isWeeklyHabit(c)).map((c) => {
      const cache = caches.get(c.id);
      // A cache starts on the commitment's first day: no need to work that out again.
      const recent = pastDays(c, history.get(c.id), today, clock, cache && cacheEnd(cache), cache?.from);
      return [c.id, { entries: [...cachedEntriesFrom(cache, from), ...recent], prior: priorRun(cache, from), from }];
    }),
  );
}

/** The days the streak's rate looks back over (dailyStreaks' rate30). */
const RATE_DAYS = 30;

/** A commitment's recent past days, and what its older days leave to the streak. */
export interface PastDays {
  entries: DayEntry[];
  prior: { run: number; best: number };
  /** The first day `entries` holds when a cache holds the older ones (the calendar reads those from the cache). */
  from?: DayKey;
}

/** What the check-in shows for each commitment: today's status (to the second), streaks and its calendar. */
export function viewToday(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
  { caches = new Map(), past = pastByCommitment(commitments, history, clock, caches), visits }: {
    /** The worker's cache of final days (pages read it; without it every day is judged from its records). */
    caches?: ReadonlyMap<string, OutcomeCache>;
    /** pastByCommitment's result, computed once per day by pages rather than every second. */
    past?: ReadonlyMap<string, PastDays>;
    /** Today's time on tracked sites. */
    visits?: VisitRecords;
  } = {},
): CommitmentView[] {
  const day = dayOf(clock.now, clock);
  const weekStartsOn = clock.weekStartsOn ?? 1;
  // Yesterday existed for a commitment made before today began (one time-zone computation for all of them).
  const todayBegan = dayStartInstant(day, clock.timeZone, clock.dayStartMinutes);
  return commitments.map((commitment) => {
    const days = history.get(commitment.id);
    const records = {
      checkIns: [...(days?.get(day)?.checkIns ?? [])].sort((a, b) => a.at - b.at),
      canLogYesterday: (days?.get(addDays(day, -1))?.checkIns.length ?? 0) === 0 && commitment.createdAt < todayBegan,
    };
    const calendar = (entries: DayEntry[]) => () => heatmap(entries, day, HEATMAP_WEEKS, weekStartsOn, dayOf(commitment.createdAt, clock));
    if (isWeeklyHabit(commitment)) {
      const { days: done, ...weekly } = weeklyView(commitment, days, caches.get(commitment.id), day, weekStartsOn, clock);
      return withCalendar({ ...weekly, ...records }, () => calendar(done())());
    }
    const today = statusOn(commitment, day, withVisits(days?.get(day), visits), clock);
    const { entries: before = [], prior, from } = past.get(commitment.id) ?? {};
    const entries = [...before, { day, outcome: outcomeOf(today) }];
    // The calendar's older weeks, from the cache, only when it is drawn.
    const older = () => (from ? cachedEntriesFrom(caches.get(commitment.id), calendarFrom(day, weekStartsOn)).filter((e) => e.day < from) : []);
    const makeUp = today.status === 'not-today' || today.status === 'paused' ? undefined : missedBefore(commitment, before);
    const recalibrate = mayAsk(commitment, clock.now) ? dailyReason(before) : null;
    const due = pledgeDue(commitment.pledge, entries, day, weekStartsOn);
    return withCalendar(
      {
        commitment,
        today,
        ...(makeUp ? { makeUp } : {}),
        ...(recalibrate ? { recalibrate } : {}),
        ...(due ? { pledgeDue: due } : {}),
        streak: { ...dailyStreaks(entries, day, prior), unit: 'day' as const },
        ...records,
      },
      () => calendar([...older(), ...entries])(),
    );
  });
}

/** The view with its calendar drawn on first read (an enumerable getter, so the view compares and prints as data). */
function withCalendar(view: Omit<CommitmentView, 'heatmap'>, draw: () => HeatmapWeek[]): CommitmentView {
  let drawn: HeatmapWeek[] | undefined;
  return Object.defineProperty(view, 'heatmap', { get: () => (drawn ??= draw()), enumerable: true }) as CommitmentView;
}

/** The last judged day before today, when it was missed and can be made up. */
function missedBefore(c: Commitment, before: readonly DayEntry[]): DayKey | undefined {
  if (!canMakeUp(c.requirement)) return undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const { day, outcome } = before[i]!;
    if (outcome === 'not-active' || outcome === 'paused') continue;
    return outcome === 'missed' ? day : undefined;
  }
  return undefined;
}

/** A weekly habit: judged by its week's count, never "missed" on a single day. */
function weeklyView(
  c: Commitment,
  days: ReadonlyMap<DayKey, DayRecords> | undefined,
  cache: OutcomeCache | undefined,
  day: DayKey,
  weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6,
  clock: Clock,
): Omit<CommitmentView, 'checkIns' | 'canLogYesterday' | 'heatmap'> & { days: () => DayEntry[] } {
  const target = perWeekOf(c.requirement) ?? 1;
  const recentFrom = cache ? cacheEnd(cache) : '';
  const recent = [...(days ?? [])].map(([d, r]) => ({ day: d, count: r.checkIns.length })).filter((x) => x.count > 0 && x.day >= recentFrom && x.day <= day);
  recent.sort((a, b) => (a.day < b.day ? -1 : 1));
  // The cached weeks as one count each (a week's days fall in the same week): the streak needs no more.
  const counts = [...cachedWeekCounts(cache, weekStartsOn), ...recent];
  const weekStart = weekStartOf(day, weekStartsOn);
  const thisWeek = counts.filter((x) => x.day >= weekStart).reduce((n, x) => n + x.count, 0);
  const first = cache?.from ?? dayOf(c.createdAt, clock);
  // A week paused from its first to its last day is not judged.
  const targetFor = c.pauses?.length ? (w: DayKey) => (isPaused(c, w) && isPaused(c, addDays(w, 6)) ? 0 : target) : () => target;
  const weeks = weeksOf(counts, targetFor, weekStartsOn, day, first);
  const weekly = weeklyStreaks(weeks, weekStart);
  const recalibrate = mayAsk(c, clock.now) ? weeklyReason(weeks) : null;
  const done = thisWeek >= target;
  const todayRecords = days?.get(day);
  return {
    commitment: c,
    today: {
      day,
      status: isPaused(c, day) ? 'paused' : done ? 'done' : todayRecords?.checkIns.length ? 'in-progress' : 'pending',
      progress: { done, value: thisWeek, target, unit: 'times' },
      windowEnd: null,
    },
    streak: { current: weekly.current, best: weekly.best, rate30: weekly.rate, unit: 'week' },
    ...(recalibrate ? { recalibrate } : {}),
    // The calendar's days: those with a check-in (day by day, read when it is drawn).
    days: () => [...cachedCounts(cache, calendarFrom(day, weekStartsOn)), ...recent].map((x) => ({ day: x.day, outcome: 'done' as const })),
  };
}
