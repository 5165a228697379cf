import { clockOf, settingsItem } from '../settings';
import type { Clock } from '../core/types';

/** The one place that reads the system time; everything else is given `now` or a `Clock`. */
export function now(): number {
  return Date.now();
}

/** The clock the core is given: now, the person's current time zone, day start and week start. */
export async function readClock(at = now()): Promise<Clock> {
  return clockOf(await settingsItem.getValue(), at);
}
