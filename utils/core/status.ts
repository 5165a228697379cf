import type { Clock, Commitment, DayKey, DayStatus } from './types';
import { dayKeyAt, isActiveDay, windowBounds } from './days';
import { type DayRecords, type Progress, progressOf } from './requirements';

export interface CommitmentToday {
  day: DayKey;
  status: DayStatus;
  progress: Progress;
  /** When today's window closes (the gate opens by itself then), or null on a day it does not apply. */
  windowEnd: number | null;
}

/**
 * How a commitment stands on `day` at `clock.now`:
 * done once the requirement is met (whenever that happens that day); missed once the window has
 * closed without it; otherwise in progress (focus under way) or pending. Days the window does not
 * cover are "not today".
 */
export function statusOn(c: Commitment, day: DayKey, records: DayRecords, clock: Clock): CommitmentToday {
  const progress = progressOf(c.requirement, records, clock.now);
  if (!isActiveDay(day, c.window)) return { day, status: 'not-today', progress, windowEnd: null };
  const { end } = windowBounds(day, c.window, clock.timeZone, clock.dayStartMinutes);
  const status: DayStatus = progress.done
    ? 'done'
    : clock.now >= end
      ? 'missed'
      : progress.running || progress.value > 0
        ? 'in-progress'
        : 'pending';
  return { day, status, progress, windowEnd: end };
}

export function statusToday(c: Commitment, records: DayRecords, clock: Clock): CommitmentToday {
  return statusOn(c, dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes), records, clock);
}

/** The gate is closed while the window is open today and the requirement is not met yet. */
export function gateClosed(c: Commitment, today: CommitmentToday, now: number): boolean {
  if (c.archivedAt !== undefined) return false;
  return (today.status === 'pending' || today.status === 'in-progress') && today.windowEnd !== null && now < today.windowEnd;
}
