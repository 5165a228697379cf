import type { Clock, Settings } from './core/types';
import { easingDelayAt } from './core/easing-time';

/**
 * The clock the core is given at `now`: the person's current time zone, day start, week start and easing delay. A
 * module of its own so the block page's early script can use it without defining the storage items of
 * utils/settings.ts.
 */
export function clockOf(settings: Settings, now: number): Clock {
  return {
    now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    dayStartMinutes: settings.dayStartMinutes,
    weekStartsOn: settings.weekStartsOn ?? 1,
    easingDelayDays: easingDelayAt(settings, now),
  };
}
