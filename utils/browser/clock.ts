import type { Clock } from '../core/types';
import { settingsItem } from '../settings';
import { clockOf } from '../clock-of';

/**
 * The one clock adapter: the only module besides the entrypoints that reads the system time
 * (tests/unit/architecture.test.ts). Everything else is given `now` or a `Clock` by its caller.
 */
export function now(): number {
  return Date.now();
}

/** The clock the core is given: now, the person's current time zone, day start and week start (from settings). */
export async function readClock(at: number = now()): Promise<Clock> {
  return clockOf(await settingsItem.getValue(), at);
}
