import type { BadgeChoice, DayStatus } from './types';
import { BADGE_DONE, BADGE_WAITING, type Badge } from './partners/partner';
import { tr } from './i18n';

export type { Badge };

/** The person's own progress today, for the toolbar badge (when there is no partner, or by choice). */
export function ownBadge(statuses: readonly DayStatus[]): Badge {
  // Not today and paused are not due; missed ones are due but nothing is left to do about them.
  const due = statuses.filter((s) => s !== 'not-today' && s !== 'paused');
  const left = due.filter((s) => s === 'pending' || s === 'in-progress').length;
  const done = due.filter((s) => s === 'done').length;
  const of = (n: number) => `${n} ${n === 1 ? 'commitment' : 'commitments'}`;
  if (due.length === 0) return { text: '', color: BADGE_WAITING, title: tr('badge_tandem_nothing_due_today') };
  if (left > 0) {
    return { text: left > 99 ? '99+' : String(left), color: BADGE_WAITING, title: tr('badge_tandem_of_still_to_do_today', { left, value: of(due.length) }) };
  }
  if (done === due.length) {
    return { text: '✓', color: BADGE_DONE, title: due.length === 1 ? tr('badge_tandem_your_commitment_is_done') : tr('badge_tandem_all_done_today', { value: of(due.length) }) };
  }
  return { text: '', color: BADGE_WAITING, title: tr('badge_tandem_nothing_left_to_do_today', { done, value: due.length - done }) };
}

/**
 * The badge the person chose. 'auto': the partner's streak while there is a (primary) partner, else their own
 * progress. A choice with nothing to show (the partner's streak without a partner, or 'none') is an empty badge.
 */
export function chooseBadge(choice: BadgeChoice, { own, partner }: { own: Badge | null; partner: Badge | null }): Badge | null {
  switch (choice) {
    case 'none':
      return null;
    case 'own':
      return own;
    case 'partner':
      return partner;
    case 'auto':
      return partner ?? own;
  }
}

/** Which badges a choice needs computed (the worker reads only those). */
export function badgesNeeded(choice: BadgeChoice): { own: boolean; partner: boolean } {
  return { own: choice === 'own' || choice === 'auto', partner: choice === 'partner' || choice === 'auto' };
}
