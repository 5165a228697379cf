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
import { tr } from './i18n';

export const PLEDGE_STAKE_MAX = 80;

/** A pledge as typed: 1–7 missed days a week, and a stake in words. */
export function checkPledge(misses: number, stake: string): Result<Pledge> {
  if (!Number.isInteger(misses) || misses < 1 || misses > 7) return fail(tr('pledge_a_pledge_is_for_1_to_7_missed'));
  const words = stake.trim();
  if (!words) return fail(tr('pledge_say_what_you_will_do_e_g_give_10'));
  if ([...words].length > PLEDGE_STAKE_MAX) return fail(tr('pledge_keep_the_pledge_under_characters', { PLEDGE_STAKE_MAX }));
  return ok({ misses, stake: words });
}

/** "If I miss 2 days in a week, I give €10 to the climbing club." */
export function describePledge(p: Pledge): string {
  return tr('pledge_if_i_miss_in_a_week_i', { value: p.misses === 1 ? tr('pledge_a_day') : tr('pledge_days', { misses: p.misses }), value2: p.stake.replace(/^I\s+/i, '') });
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
