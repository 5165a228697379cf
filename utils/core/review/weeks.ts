import type { Clock, DayKey } from '../types';
import { addDays, dayOf, daysBetween, dayStartInstant } from '../days';
import { weekStartOf } from '../streak-engine';
import type { WeeklyReview } from './types';
import { tr } from '../i18n';

/** The days at the start of a week in which last week, not yet reviewed, is the one the page offers first. */
export const LATE_DAYS = 3;

export interface WeekChoice {
  /** The week the review page opens on. */
  weekStart: DayKey;
  /** The other week that may be written now, if any (last week, late; or this week, from a late review). */
  other: DayKey | null;
}

const thisWeekOf = (clock: Clock) => weekStartOf(dayOf(clock.now, clock), clock.weekStartsOn ?? 1);

/**
 * Whether the review of `weekStart` may be written or changed now: during its own week, always; during the
 * next week, as a late review, unless it was finished in its own week (then it closed when the next week began).
 * A message saying why not otherwise.
 */
export function editProblem(weekStart: DayKey, existing: WeeklyReview | undefined, clock: Clock): string | null {
  const thisWeek = thisWeekOf(clock);
  if (weekStart === thisWeek) return null;
  if (weekStart === addDays(thisWeek, -7)) {
    const closedAt = dayStartInstant(thisWeek, clock.timeZone, clock.dayStartMinutes);
    if (existing?.completedAt !== undefined && existing.completedAt < closedAt) return tr('weeks_last_weeks_review_was_finished');
    return null;
  }
  if (weekStart > thisWeek) return tr('weeks_that_week_has_not_started_yet');
  return tr('weeks_reviews_older_than_last_week_can');
}

/**
 * Which week the page opens on: early in a week (the first LATE_DAYS days), last week when it has no finished
 * review yet; otherwise this week. `other` is the other week that can still be written.
 */
export function chooseWeek(reviews: ReadonlyMap<DayKey, WeeklyReview>, clock: Clock): WeekChoice {
  const thisWeek = thisWeekOf(clock);
  const last = addDays(thisWeek, -7);
  const lastOpen = editProblem(last, reviews.get(last), clock) === null && reviews.get(last)?.status !== 'done';
  const lastWritable = editProblem(last, reviews.get(last), clock) === null;
  const early = daysBetween(thisWeek, dayOf(clock.now, clock)) < LATE_DAYS;
  if (lastOpen && (early || reviews.get(last)?.status === 'draft') && reviews.get(thisWeek) === undefined) return { weekStart: last, other: thisWeek };
  return { weekStart: thisWeek, other: lastWritable ? last : null };
}
