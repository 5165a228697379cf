import type { Clock, Commitment, DayKey } from './types';
import { dayKeyAt } from './days';
import { type DayRecords, type VisitRecords, withVisits } from './requirements';
import { type CommitmentToday, statusToday } from './status';
import { dailyStreaks, heatmap, type DayEntry, type HeatmapWeek, type StreakSummary } from './streak-engine';
import { outcomeOf, pastDays } from './history';

export interface CommitmentView {
  commitment: Commitment;
  today: CommitmentToday;
  streak: StreakSummary;
  /** The last HEATMAP_WEEKS weeks, Monday first. */
  heatmap: HeatmapWeek[];
}

export const HEATMAP_WEEKS = 16;

/** Past days per commitment: they change only with the records or the date, so pages compute them once. */
export function pastByCommitment(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
): Map<string, DayEntry[]> {
  const today = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
  return new Map(commitments.map((c) => [c.id, pastDays(c, history.get(c.id), today, clock)]));
}

/** What the check-in shows for each commitment: today's status (to the second), streaks and its calendar. */
export function viewToday(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
  past: ReadonlyMap<string, DayEntry[]> = pastByCommitment(commitments, history, clock),
  visits?: VisitRecords,
): CommitmentView[] {
  const day = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
  return commitments.map((commitment) => {
    const today = statusToday(commitment, withVisits(history.get(commitment.id)?.get(day), visits), clock);
    const entries = [...(past.get(commitment.id) ?? []), { day, outcome: outcomeOf(today) }];
    return { commitment, today, streak: dailyStreaks(entries, day), heatmap: heatmap(entries, day, HEATMAP_WEEKS, 1) };
  });
}
