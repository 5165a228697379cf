/**
 * Repairs (issue 11, item 4): a missed day is repaired by a make-up — the requirement done twice over on the next
 * active day — or by a partner's grant. A repaired day shows as repaired, never as done; the streak runs through it
 * (streak-engine.ts), and the share of days met counts it as not met.
 */
import type { Clock, Commitment, DayKey, Repair } from './types';
import { addDays, dayOf, weekdayOf } from './days';
import { canMakeUp, twiceOver, type DayRecords } from './requirements';
import { isPaused, rulesOn } from './rules';
import { appliesOn } from './schedule';
import { statusOn } from './status';
import { outcomeOf } from './history';
import { tr } from './i18n';

/** How far back the active day before a make-up is looked for (a schedule of one weekday, a week's pause). */
export const MAKE_UP_LOOKBACK_DAYS = 31;
/** A partner grants at most one repair per commitment in this many days. */
export const GRANT_EVERY_DAYS = 14;

/** Whether the commitment applies on `day` (by that day's rules) and is not paused then. */
export function activeOn(c: Commitment, day: DayKey): boolean {
  return appliesOn(rulesOn(c, day).schedule, weekdayOf(day)) && !isPaused(c, day);
}

/** The commitment's active day before `day`, from its first day on, within the lookback; null if none. */
export function previousActiveDay(c: Commitment, day: DayKey, clock: Pick<Clock, 'timeZone' | 'dayStartMinutes'>): DayKey | null {
  const first = dayOf(c.createdAt, clock);
  for (let d = addDays(day, -1), i = 0; i < MAKE_UP_LOOKBACK_DAYS && d >= first; d = addDays(d, -1), i++) {
    if (activeOn(c, d)) return d;
  }
  return null;
}

export const isRepaired = (c: Commitment, day: DayKey) => (c.repairs ?? []).some((r) => r.day === day);

/**
 * The day a make-up on `day` would repair: when `day` is active, its records do the requirement twice over, and the
 * active day before it is not repaired yet. Whether that day was missed is for `missedOn` with its own records.
 */
export function makeUpCandidate(c: Commitment, day: DayKey, records: DayRecords, clock: Clock): DayKey | null {
  const { requirement } = rulesOn(c, day);
  if (!canMakeUp(requirement) || !activeOn(c, day) || !twiceOver(requirement, records, clock.now)) return null;
  const before = previousActiveDay(c, day, clock);
  if (before === null || isRepaired(c, before)) return null;
  return canMakeUp(rulesOn(c, before).requirement) ? before : null;
}

/** Whether `day` (over by `clock.now`) was missed, judged from its records by that day's rules. */
export function missedOn(c: Commitment, day: DayKey, records: DayRecords, clock: Clock): boolean {
  return outcomeOf(statusOn(c, day, records, clock)) === 'missed';
}

/** The commitment with `day` repaired (repairs kept oldest first; a day repaired once stays so). */
export function withRepair(c: Commitment, repair: Repair): Commitment {
  if (isRepaired(c, repair.day)) return c;
  const repairs = [...(c.repairs ?? []), repair].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { ...c, repairs };
}

/**
 * Whether a partner may grant a repair of `day` now: a day missed (the caller judges), before today, at most
 * LOOKBACK days back, and no partner grant for this commitment in the last GRANT_EVERY_DAYS days (by when granted).
 */
export function grantRefusal(c: Commitment, day: DayKey, today: DayKey, now: number): string | null {
  if (day >= today) return tr('repairs_only_a_day_that_is_over_can_be');
  if (day < addDays(today, -MAKE_UP_LOOKBACK_DAYS)) return tr('repairs_that_day_is_too_long_ago_to');
  if (isRepaired(c, day)) return tr('repairs_that_day_is_already_repaired');
  const last = Math.max(0, ...(c.repairs ?? []).filter((r) => r.by === 'partner').map((r) => r.at));
  if (last > 0 && now - last < GRANT_EVERY_DAYS * 86_400_000) return tr('repairs_a_repair_can_be_granted_once', { GRANT_EVERY_DAYS });
  return null;
}
