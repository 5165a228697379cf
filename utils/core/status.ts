import type { Clock, Commitment, DayKey, DayStatus } from './types';
import { dayEndInstant, dayOf, dayStartInstant, localMinutesAt } from './days';
import { type DayRecords, type Progress, kindOf, progressOf } from './requirements';
import { isPaused, rulesOn } from './rules';
import { isActiveDay, type WindowRun, windowsOn } from './schedule';

export interface CommitmentToday {
  day: DayKey;
  status: DayStatus;
  progress: Progress;
  /**
   * When the window open at `clock.now` closes (the gate opens by itself then; the card's countdown), or null
   * outside the day's windows and on a day the commitment does not apply.
   */
  windowEnd: number | null;
  /** When the day's last window closes: the requirement is due by then. Null (or absent) on a day it does not apply. */
  deadline?: number | null;
  /** The day's next window, when now is before it: when it starts (and the clock then), whether it is the day's first. */
  nextWindow?: { start: number; fromMinutes: number; first: boolean } | null;
}

/**
 * How a commitment stands on `day` at `clock.now`:
 * done once the requirement is met before the day's last window closes; missed once that window has closed
 * without it; otherwise in progress (under way) or pending — also before and between the day's windows, when the
 * gate is open. Days the schedule does not name, and a day whose last window had closed before the commitment
 * was made, are "not today". A requirement that gates nothing (a habit) has the whole day as its one window.
 */
export function statusOn(c: Commitment, day: DayKey, records: DayRecords, clock: Clock): CommitmentToday {
  const { requirement, schedule } = rulesOn(c, day);
  const progress = progressOf(requirement, records, clock.now);
  const notToday: CommitmentToday = { day, status: 'not-today', progress, windowEnd: null, deadline: null, nextWindow: null };
  if (!isActiveDay(day, schedule)) return notToday;
  if (isPaused(c, day)) return { ...notToday, status: 'paused' };
  const { timeZone, dayStartMinutes, now } = clock;
  const { gates } = kindOf(requirement);
  const runs: WindowRun[] = gates
    ? windowsOn(day, schedule, timeZone, dayStartMinutes)
    : [{ start: dayStartInstant(day, timeZone, dayStartMinutes), end: dayEndInstant(day, timeZone, dayStartMinutes) }];
  const end = runs[runs.length - 1]!.end;
  if (c.createdAt >= end) return notToday;
  // Done in time for a gate commitment; a habit's check-ins are the day's whenever they were logged (yesterday
  // may be logged until the day start passes twice, services/checkin.ts).
  const met = gates ? progress.doneAt !== undefined && progress.doneAt <= end : progress.done;
  const status: DayStatus = met
    ? 'done'
    : now >= end
      ? 'missed'
      : progress.running || progress.value > 0
        ? 'in-progress'
        : 'pending';
  const current = runs.find((r) => r.start <= now && now < r.end);
  const nextIndex = runs.findIndex((r) => r.start > now);
  const next = nextIndex < 0 ? undefined : runs[nextIndex]!;
  return {
    day,
    status,
    progress,
    windowEnd: current ? current.end : null,
    deadline: end,
    nextWindow: next ? { start: next.start, fromMinutes: localMinutesAt(next.start, timeZone), first: nextIndex === 0 } : null,
  };
}

export function statusToday(c: Commitment, records: DayRecords, clock: Clock): CommitmentToday {
  return statusOn(c, dayOf(clock.now, clock), records, clock);
}

/** The gate is closed while one of today's windows is open and the requirement is not met yet. */
export function gateClosed(c: Commitment, today: CommitmentToday, now: number): boolean {
  if (c.archivedAt !== undefined) return false;
  return (today.status === 'pending' || today.status === 'in-progress') && today.windowEnd !== null && now < today.windowEnd;
}

/** Whether the gate will close by itself at today's next window (the requirement still open then). */
export function closesLater(c: Commitment, today: CommitmentToday): number | null {
  if (c.archivedAt !== undefined || !today.nextWindow) return null;
  return today.status === 'pending' || today.status === 'in-progress' ? today.nextWindow.start : null;
}
