import type { DayStatus } from './types';

/**
 * Where a commitment goes in today's list: what is still to do first, then what is done, then what closed
 * without it, then what does not apply today (not today, paused).
 */
const PLACE: Record<DayStatus, number> = { 'in-progress': 0, pending: 0, done: 1, missed: 2, 'not-today': 3, paused: 3 };

/** Today's commitments in the popup's order (PLACE); within a group, as given (oldest first). */
export function inTodayOrder<T extends { today: { status: DayStatus } }>(views: readonly T[]): T[] {
  return views
    .map((view, i) => ({ view, i }))
    .sort((a, b) => PLACE[a.view.today.status] - PLACE[b.view.today.status] || a.i - b.i)
    .map((x) => x.view);
}
