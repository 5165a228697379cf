/**
 * Pledges (issue 11, item 5): an optional pre-commitment per commitment — "If I miss 2 days in a week, I give €10 to
 * the climbing club". When a week reaches that many missed days the person is told, and marks the pledge kept.
 * No payment is handled: the stake is the person's own words.
 */
import type { DayKey, Pledge, Result, Weekday } from './types';
import type { DayEntry } from './streak-engine';
import { addDays } from './days';
import { weekStartOf } from './streak-engine';
import { fail, ok } from './result';

export const PLEDGE_STAKE_MAX = 80;

/** A pledge as typed: 1–7 missed days a week, and a stake in words. */
export function checkPledge(misses: number, stake: string): Result<Pledge> {
  if (!Number.isInteger(misses) || misses < 1 || misses > 7) return fail('A pledge is for 1 to 7 missed days in a week.');
  const words = stake.trim();
  if (!words) return fail('Say what you will do, e.g. “give €10 to the climbing club”.');
  if ([...words].length > PLEDGE_STAKE_MAX) return fail(`Keep the pledge under ${PLEDGE_STAKE_MAX} characters.`);
  return ok({ misses, stake: words });
}

/** "If I miss 2 days in a week, I give €10 to the climbing club." */
export function describePledge(p: Pledge): string {
  return `If I miss ${p.misses === 1 ? 'a day' : `${p.misses} days`} in a week, I ${p.stake.replace(/^I\s+/i, '')}.`;
}

/**
 * The week whose missed days reached the pledge and that is not marked kept yet: this week or the one before
 * (a pledge met late on Sunday is still told on Monday). Null when none.
 */
export function pledgeDue(p: Pledge | undefined, entries: readonly DayEntry[], today: DayKey, weekStartsOn: Weekday): { weekStart: DayKey; missed: number } | null {
  if (!p) return null;
  const thisWeek = weekStartOf(today, weekStartsOn);
  for (const weekStart of [thisWeek, addDays(thisWeek, -7)]) {
    if (p.kept?.includes(weekStart)) continue;
    const end = addDays(weekStart, 7);
    const missed = entries.filter((e) => e.outcome === 'missed' && e.day >= weekStart && e.day < end).length;
    if (missed >= p.misses) return { weekStart, missed };
  }
  return null;
}
