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
    timeZone: systemTimeZone(),
    dayStartMinutes: settings.dayStartMinutes,
    weekStartsOn: settings.weekStartsOn ?? 1,
    easingDelayDays: easingDelayAt(settings, now),
  };
}

let zone: { name: string; at: number } | undefined;

/**
 * The system's time zone (IANA name). Making the `Intl.DateTimeFormat` that tells it costs ~0.1–1 ms here, and a page
 * asks on every render (a tenth of the popup's first render with 20 commitments), so the answer is kept for a minute
 * (by the monotonic `performance.now()`, not a wall clock): a person who travels sees their days follow within a minute.
 */
export function systemTimeZone(): string {
  const at = performance.now();
  if (!zone || at - zone.at >= 60_000 || at < zone.at) zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, at };
  return zone.name;
}
