import type { Attempt, FocusSession } from '../core/types';
import type { Pair } from '../core/partners/types';
import type { WeeklyReview } from '../core/review/types';
import type { TandemDB } from './db';
import { livePairs, loadCheckIn } from './queries';

const DAY_MS = 86_400_000;

/**
 * Everything the review page needs at `now`, in one round of reads: what today's views read (commitments, the
 * cached final days, recent records), every review (one a week), and the focus sessions and block-page arrivals of
 * the last two weeks and a bit (this week's and last week's report, in any time zone), and the partners' names.
 */
export async function loadReview(db: TandemDB, now: number): Promise<Awaited<ReturnType<typeof loadCheckIn>> & {
  reviews: WeeklyReview[];
  sessions: FocusSession[];
  attempts: Attempt[];
  pairs: Pair[];
}> {
  const since = new Date(now - 16 * DAY_MS).toISOString().slice(0, 10);
  const [base, reviews, sessions, attempts, pairs] = await Promise.all([
    loadCheckIn(db, now),
    db.reviews.toArray(),
    db.sessions.where('day').aboveOrEqual(since).toArray(),
    db.attempts.where('day').aboveOrEqual(since).toArray(),
    livePairs(db),
  ]);
  return { ...base, reviews, sessions, attempts, pairs };
}
