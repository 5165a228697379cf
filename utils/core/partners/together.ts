import type { DayStatus } from '../types';
import { isCurrent, partnerDoneToday } from './partner';
import type { Summary } from './summary';
import { tr } from '../i18n';

/**
 * Done together (issue 10): both partners have done every one of today's commitments they share with each other.
 * Celebrated once per pair and day, on each side (the key is stored as seen, as the other celebrations are).
 */
export function doneTogether(
  pairId: string,
  mine: { day: string; statuses: readonly DayStatus[] },
  partner: Summary | undefined,
  now: number,
): { key: string; name: string } | null {
  if (!partner || !isCurrent(partner, now) || !partnerDoneToday(partner)) return null;
  const due = mine.statuses.filter((s) => s !== 'not-today' && s !== 'paused');
  if (due.length === 0 || !due.every((s) => s === 'done')) return null;
  return { key: `together:${pairId}:${mine.day}`, name: partner.name };
}

export const togetherWords = (name: string) => tr('together_both_did_everything', { name });
