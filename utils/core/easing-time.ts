/**
 * When an easing applies: at the start of the first logical day that begins at least the delay after it was asked
 * (so a whole number of days' rules, never part of a day: today is judged by today's rules). A delay of 0 applies
 * at once. Pauses are easings too, and start tomorrow at the earliest.
 */
import type { Clock, DayKey, Settings } from './types';
import { addDays, dayOf, dayStartInstant } from './days';

/** The easing delay, in whole days: 0 (at once) to 7. */
export const EASING_DELAY_MAX = 7;
export const EASING_DELAY_DEFAULT = 2;
const DAY_MS = 86_400_000;

/** The delay in force at `now`: a lowered one only once its own wait is over. */
export function easingDelayAt(settings: Pick<Settings, 'easingDelayDays' | 'easingDelayLowered'>, now: number): number {
  const lowered = settings.easingDelayLowered;
  if (lowered && now >= lowered.from) return lowered.days;
  return settings.easingDelayDays ?? EASING_DELAY_DEFAULT;
}

/**
 * The settings after the person chose `days` at `now`: raising applies at once (and drops a lowering still waiting);
 * lowering waits the delay in force now.
 */
export function withEasingDelay<S extends Pick<Settings, 'easingDelayDays' | 'easingDelayLowered'>>(settings: S, days: number, now: number): S {
  const current = easingDelayAt(settings, now);
  const { easingDelayLowered: _dropped, ...rest } = settings;
  // `easingDelayLowered: undefined` so that a merge over the stored settings drops a lowering still waiting.
  if (days >= current) return { ...rest, easingDelayDays: days, easingDelayLowered: undefined } as S;
  return { ...rest, easingDelayDays: current, easingDelayLowered: { days, from: now + current * DAY_MS } } as S;
}

export function checkEasingDelay(days: number): boolean {
  return Number.isInteger(days) && days >= 0 && days <= EASING_DELAY_MAX;
}

type DayClock = Pick<Clock, 'now' | 'timeZone' | 'dayStartMinutes' | 'easingDelayDays'>;

export const delayOf = (clock: DayClock) => clock.easingDelayDays ?? EASING_DELAY_DEFAULT;

/** The first day an easing asked now applies, or null when it applies at once (a delay of 0). */
export function easingDay(clock: DayClock): DayKey | null {
  const delay = delayOf(clock);
  if (delay <= 0) return null;
  const t = clock.now + delay * DAY_MS;
  const day = dayOf(t, clock);
  return dayStartInstant(day, clock.timeZone, clock.dayStartMinutes) === t ? day : addDays(day, 1);
}

/** The first day a pause asked now may start: tomorrow, or the easing day when that is later. */
export function pauseStartDay(clock: DayClock): DayKey {
  const tomorrow = addDays(dayOf(clock.now, clock), 1);
  const eased = easingDay(clock);
  return eased !== null && eased > tomorrow ? eased : tomorrow;
}

/** The instant a day starts, for an alarm or a date shown (with the day start in force now). */
export function startOf(day: DayKey, clock: Pick<Clock, 'timeZone' | 'dayStartMinutes'>): number {
  return dayStartInstant(day, clock.timeZone, clock.dayStartMinutes);
}
