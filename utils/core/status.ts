import type { Clock, Commitment, DayKey, DayStatus } from './types';
import { dayEndInstant, isActiveDay, windowBounds, dayOf } from './days';
import { type DayRecords, type Progress, kindOf, progressOf } from './requirements';
import { isPaused, rulesOn } from './rules';

export interface CommitmentToday {
  day: DayKey;
  status: DayStatus;
  progress: Progress;
  /** When today's window closes (the gate opens by itself then), or null on a day it does not apply. */
  windowEnd: number | null;
}

/**
 * How a commitment stands on `day` at `clock.now`:
 * done once the requirement is met before the window closes; missed once the window has closed
 * without it; otherwise in progress (focus under way) or pending. Days the window does not cover,
 * and a day whose window had closed before the commitment was made, are "not today".
 */
export function statusOn(c: Commitment, day: DayKey, records: DayRecords, clock: Clock): CommitmentToday {
  const { requirement, window } = rulesOn(c, day);
  const progress = progressOf(requirement, records, clock.now);
  const notToday: CommitmentToday = { day, status: 'not-today', progress, windowEnd: null };
  if (!isActiveDay(day, window)) return notToday;
  if (isPaused(c, day)) return { ...notToday, status: 'paused' };
  // A gate commitment has its window; one that gates nothing (a habit) the whole day.
  const { gates } = kindOf(requirement);
  const end = gates
    ? windowBounds(day, window, clock.timeZone, clock.dayStartMinutes).end
    : dayEndInstant(day, clock.timeZone, clock.dayStartMinutes);
  if (c.createdAt >= end) return notToday;
  // Done in time for a gate commitment; a habit's check-ins are the day's whenever they were logged (yesterday
  // may be logged until the day start passes twice, services/checkin.ts).
  const met = gates ? progress.doneAt !== undefined && progress.doneAt <= end : progress.done;
  const status: DayStatus = met
    ? 'done'
    : clock.now >= end
      ? 'missed'
      : progress.running || progress.value > 0
        ? 'in-progress'
        : 'pending';
  return { day, status, progress, windowEnd: end };
}

export function statusToday(c: Commitment, records: DayRecords, clock: Clock): CommitmentToday {
  return statusOn(c, dayOf(clock.now, clock), records, clock);
}

/** The gate is closed while the window is open today and the requirement is not met yet. */
export function gateClosed(c: Commitment, today: CommitmentToday, now: number): boolean {
  if (c.archivedAt !== undefined) return false;
  return (today.status === 'pending' || today.status === 'in-progress') && today.windowEnd !== null && now < today.windowEnd;
}
