import { attempt, send } from '@/utils/messages';
import type { Result } from '@/utils/core/types';
import type { PendingActions } from './PendingChange';

/** The real PendingActions over the message protocol, each answer handed to the page's `report` (its error line). */
export function pendingActions(report: (r: Promise<Result<unknown>>) => void): PendingActions {
  return {
    cancelEasing: (id) => report(attempt(send('commitment.cancelPending', { id }))),
    endPause: (id) => report(attempt(send('commitment.resume', { id }))),
    recalibrate: (id, choice, note) => report(attempt(send('commitment.recalibrate', { id, choice, note }))),
    keepPledge: (id, weekStart) => report(attempt(send('commitment.pledgeKept', { id, weekStart }))),
  };
}
