import type { Result, Settings } from './types';
import { fail, ok } from './result';
import { tr } from './i18n';

/** How long "go anyway" lets a site through, in whole minutes: a setting (options page), 5 unless changed. */
export const GO_ANYWAY_MINUTES_MIN = 1;
export const GO_ANYWAY_MINUTES_MAX = 30;
export const DEFAULT_GO_ANYWAY_MINUTES = 5;

/** The setting checked: whole minutes from 1 to 30, or a message the person can act on. */
export function checkGoAnywayMinutes(minutes: unknown): Result<number> {
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= GO_ANYWAY_MINUTES_MIN && minutes <= GO_ANYWAY_MINUTES_MAX) {
    return ok(minutes);
  }
  return fail(tr('go_anyway_go_anyway_opens_a_site_for_to', { GO_ANYWAY_MINUTES_MIN, GO_ANYWAY_MINUTES_MAX }));
}

/** The person's choice, or the default for settings stored before there was one (or holding a bad value). */
export function goAnywayMinutesOf(settings: Pick<Settings, 'goAnywayMinutes'>): number {
  const checked = checkGoAnywayMinutes(settings.goAnywayMinutes);
  return checked.ok ? checked.value : DEFAULT_GO_ANYWAY_MINUTES;
}
