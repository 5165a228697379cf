import type { Clock, Commitment, DayKey } from './types';
import { dayKeyAt } from './days';
import { type DayRecords, NO_RECORDS } from './requirements';
import { type CommitmentToday, statusToday } from './status';
import { currentStreak } from './streaks';

export interface CommitmentView {
  commitment: Commitment;
  today: CommitmentToday;
  streak: number;
}

/** What the check-in shows for each commitment, from its history and the clock. */
export function viewToday(
  commitments: Commitment[],
  history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>,
  clock: Clock,
): CommitmentView[] {
  const day = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
  return commitments.map((commitment) => {
    const days = history.get(commitment.id) ?? new Map<DayKey, DayRecords>();
    return {
      commitment,
      today: statusToday(commitment, days.get(day) ?? NO_RECORDS, clock),
      streak: currentStreak(commitment, days, clock),
    };
  });
}
