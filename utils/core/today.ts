import type { CheckIn, Clock, Commitment, DayKey } from './types';
import { addDays, dayOf } from './days';
import { canMakeUp, type DayRecords, type VisitRecords, perWeekOf, withVisits } from './requirements';
import { type CommitmentToday, statusToday } from './status';
import {
  dailyStreaks, heatmap, weeklyStreaks, weekStartOf, weeksOf,
  type DayEntry, type HeatmapWeek, type StreakSummary,
} from './streak-engine';
import { outcomeOf, pastDays } from './history';
import { isPaused } from './rules';
import { dailyReason, mayAsk, weeklyReason, type RecalibrationReason } from './recalibration';
import { pledgeDue } from './pledge';
import { cacheEnd, cachedCounts, cachedEntriesFrom, isWeeklyHabit, priorRun, type OutcomeCache } from './outcome-cache';

export interface CommitmentView {
  commitment: Commitment;
  today: CommitmentToday;
  /** Current and best run, and the share met: of active days, or of weeks for a weekly habit. */
  streak: StreakSummary & { unit: 'day' | 'week' };
  /** The last HEATMAP_WEEKS weeks. */
  heatmap: HeatmapWeek[];
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


/**
 * Past days per commitment: the cached final days, then the few recent days judged from their records.
 * They change only with the records or the date, so pages compute them once, not every second.
 */
export function pastByCommitment(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
  caches: ReadonlyMap<string, OutcomeCache> = new Map(),
): Map<string, PastDays> {
  const today = dayOf(clock.now, clock);
  // What the calendar and the 30-day rate show; older days only matter to the streaks, through `prior`.
  const from = addDays(weekStartOf(today, clock.weekStartsOn ?? 1), -7 * (HEATMAP_WEEKS - 1));
  return new Map(
    commitments.filter((c) => !isWeeklyHabit(c)).map((c) => {
      const cache = caches.get(c.id);
      const recent = pastDays(c, history.get(c.id), today, clock, cache && cacheEnd(cache));
      return [c.id, { entries: [...cachedEntriesFrom(cache, from), ...recent], prior: priorRun(cache, from) }];
    }),
  );
}

/** A commitment's recent past days, and what its older days leave to the streak. */
export interface PastDays {
  entries: DayEntry[];
  prior: { run: number; best: number };
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
  return commitments.map((commitment) => {
    const days = history.get(commitment.id);
    const records = {
      checkIns: [...(days?.get(day)?.checkIns ?? [])].sort((a, b) => a.at - b.at),
      canLogYesterday:
        (days?.get(addDays(day, -1))?.checkIns.length ?? 0) === 0 &&
        addDays(day, -1) >= dayOf(commitment.createdAt, clock),
    };
    if (isWeeklyHabit(commitment)) return { ...weeklyView(commitment, days, caches.get(commitment.id), day, weekStartsOn, clock), ...records };
    const today = statusToday(commitment, withVisits(days?.get(day), visits), clock);
    const { entries: before = [], prior } = past.get(commitment.id) ?? {};
    const entries = [...before, { day, outcome: outcomeOf(today) }];
    const makeUp = today.status === 'not-today' || today.status === 'paused' ? undefined : missedBefore(commitment, before);
    const recalibrate = mayAsk(commitment, clock.now) ? dailyReason(before) : null;
    const due = pledgeDue(commitment.pledge, entries, day, weekStartsOn);
    return {
      commitment,
      today,
      ...(makeUp ? { makeUp } : {}),
      ...(recalibrate ? { recalibrate } : {}),
      ...(due ? { pledgeDue: due } : {}),
      streak: { ...dailyStreaks(entries, day, prior), unit: 'day' as const },
      heatmap: heatmap(entries, day, HEATMAP_WEEKS, weekStartsOn),
      ...records,
    };
  });
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
): Omit<CommitmentView, 'checkIns' | 'canLogYesterday'> {
  const target = perWeekOf(c.requirement) ?? 1;
  const recentFrom = cache ? cacheEnd(cache) : '';
  const recent = [...(days ?? [])].map(([d, r]) => ({ day: d, count: r.checkIns.length })).filter((x) => x.count > 0 && x.day >= recentFrom && x.day <= day);
  const counts = [...cachedCounts(cache), ...recent.sort((a, b) => (a.day < b.day ? -1 : 1))];
  const weekStart = weekStartOf(day, weekStartsOn);
  const thisWeek = counts.filter((x) => x.day >= weekStart).reduce((n, x) => n + x.count, 0);
  const first = dayOf(c.createdAt, clock);
  // A week paused from its first to its last day is not judged.
  const targetFor = (w: DayKey) => (isPaused(c, w) && isPaused(c, addDays(w, 6)) ? 0 : target);
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
    heatmap: heatmap(counts.map((x) => ({ day: x.day, outcome: 'done' as const })), day, HEATMAP_WEEKS, weekStartsOn),
  };
}
