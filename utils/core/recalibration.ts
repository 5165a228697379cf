/**
 * Recalibration (issue 11, item 3): when a commitment keeps being missed — 3 of its last 7 active days, or a weekly
 * target two weeks running — the person is asked, at most once a week, to recommit, make it fit (a smaller target,
 * which follows the easing rule) or pause it, with a note.
 */
import type { Commitment, Requirement } from './types';
import type { DayEntry, WeekEntry } from './streak-engine';
import { kindOf } from './requirements';

export const RECALIBRATE_EVERY_MS = 7 * 86_400_000;
export type RecalibrationChoice = 'recommit' | 'fit' | 'pause';
export const RECALIBRATION_NOTE_MAX = 200;

/** Why a recalibration is offered, in the person's terms. */
export type RecalibrationReason = { missed: number; of: number } | { weeksShort: number };

/** Daily: 3 or more missed among the last 7 judged active days before today (a repaired day is not a miss). */
export function dailyReason(entries: readonly DayEntry[]): RecalibrationReason | null {
  const judged: string[] = [];
  for (let i = entries.length - 1; i >= 0 && judged.length < 7; i--) {
    const o = entries[i]!.outcome;
    if (o === 'done' || o === 'missed' || o === 'repaired') judged.push(o);
  }
  const missed = judged.filter((o) => o === 'missed').length;
  return missed >= 3 ? { missed, of: judged.length } : null;
}

/** Weekly: the last two complete weeks both short of their target. */
export function weeklyReason(weeks: readonly WeekEntry[]): RecalibrationReason | null {
  const complete = weeks.filter((w) => w.complete && w.target > 0).slice(-2);
  return complete.length === 2 && complete.every((w) => w.count < w.target) ? { weeksShort: 2 } : null;
}

/** Whether it may be asked now: not archived, not asked in the last week. */
export function mayAsk(c: Commitment, now: number): boolean {
  return c.archivedAt === undefined && (c.recalibration === undefined || now - c.recalibration.at >= RECALIBRATE_EVERY_MS);
}

/** A smaller target that makes the commitment fit (the kind's own suggestion), or null when it has none. */
export function smallerTarget(r: Requirement): Requirement | null {
  const smaller = kindOf(r).smaller?.(r);
  return smaller && JSON.stringify(smaller) !== JSON.stringify(r) ? smaller : null;
}
