import type { Clock, Commitment, DayKey } from './types';
import { addDays, dayOf } from './days';
import { type DayRecords, NO_RECORDS } from './requirements';
import { type CommitmentToday, statusOn } from './status';
import { isPaused, rulesOn } from './rules';
import { appliesOn } from './schedule';
import { calendarDays, type DayEntry, type DayOutcome } from './streak-engine';

const OUTCOME: Record<CommitmentToday['status'], DayOutcome> = {
  done: 'done',
  missed: 'missed',
  'not-today': 'not-active',
  paused: 'paused',
  pending: 'pending',
  'in-progress': 'pending',
};

export function outcomeOf(today: CommitmentToday): DayOutcome {
  return OUTCOME[today.status];
}

/**
 * Each day of a commitment from its creation up to (not including) `until`, judged from its records.
 * Only days with records (and the first day) need the time-zone arithmetic of a full judgement: an
 * active day with nothing recorded is missed (its last window has closed: the day is over). Each day is
 * judged by the rules in force that day (rulesOn: an edit keeps the old ones for the days before it).
 */
export function pastDays(
  c: Commitment,
  recordsByDay: ReadonlyMap<DayKey, DayRecords> | undefined,
  until: DayKey,
  clock: Clock,
  from?: DayKey,
  /** The commitment's first day, when the caller knows it (one time-zone computation less). */
  first: DayKey = dayOf(c.createdAt, clock),
): DayEntry[] {
  const entries: DayEntry[] = [];
  const repaired = c.repairs?.length ? new Set(c.repairs.map((r) => r.day)) : undefined;
  for (const { day, weekday } of calendarDays(from && from > first ? from : first, addDays(until, -1))) {
    const records = recordsByDay?.get(day);
    let outcome: DayOutcome;
    if (!appliesOn(rulesOn(c, day).schedule, weekday)) outcome = 'not-active';
    else if (isPaused(c, day)) outcome = 'paused';
    else if (!records && day !== first) outcome = 'missed';
    else outcome = outcomeOf(statusOn(c, day, records ?? NO_RECORDS, clock));
    if (outcome === 'missed' && repaired?.has(day)) outcome = 'repaired';
    entries.push({ day, outcome });
  }
  return entries;
}
