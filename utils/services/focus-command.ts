import type { Clock, FocusSession, Result } from '../core/types';
import { dayOf } from '../core/days';
import { kindOf, NO_RECORDS } from '../core/requirements';
import { statusToday } from '../core/status';
import { fail } from '../core/result';
import { activeCommitments, recordsOn } from '../db/queries';
import type { TandemDB } from '../db/db';
import { startFocus } from './focus';
import { tr } from '@/utils/core/i18n';

/** The keyboard command (wxt.config.ts `commands`) that starts a focus session. */
export const START_FOCUS_COMMAND = 'start-focus';

export const NOTHING_TO_FOCUS_ON = (): string => tr('focus_command_nothing_is_waiting_for_a_focus');

/**
 * The command's session: for the first commitment (in the check-in's order, oldest first) that is kept with focus
 * sessions and still open today — pending, or in progress (its running session is returned as it is, so pressing
 * the keys twice starts one session). Paused, done, missed or not-today commitments are passed over.
 */
export async function startFirstPendingFocus(db: TandemDB, clock: Clock): Promise<Result<FocusSession>> {
  const [commitments, today] = await Promise.all([activeCommitments(db), recordsOn(db, dayOf(clock.now, clock))]);
  const first = commitments.find((c) => {
    if (kindOf(c.requirement).focusMinutes === undefined) return false;
    const { status } = statusToday(c, today.get(c.id) ?? NO_RECORDS, clock);
    return status === 'pending' || status === 'in-progress';
  });
  return first ? startFocus(db, first.id, clock) : fail(NOTHING_TO_FOCUS_ON());
}
