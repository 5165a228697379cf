import type { Result } from '../../core/types';
import { ok } from '../../core/result';
import { addDays, dayOf } from '../../core/days';
import { weekStartOf } from '../../core/streak-engine';
import { buildSharedReview, DEFAULT_SHARE_CHOICE, sameReview, type ReviewShareChoice, type SharedReview } from '../../core/partners/shared-review';
import type { Pair } from '../../core/partners/types';
import { livePairs } from '../../db/queries';
import { updateState, type SyncDeps } from './deps';

/**
 * The weekly review each partner reads (issue 10): the newest finished review of this week or the last, cut per
 * pair (shared-review.ts), queued in the outbox when it differs from the one last delivered, read from partners on
 * a pull. Nothing of it is sent for a pair with which no commitment is shared.
 */
export async function queueReviews(deps: SyncDeps): Promise<void> {
  const { db } = deps;
  const clock = await deps.clock();
  const thisWeek = weekStartOf(dayOf(clock.now, clock), clock.weekStartsOn ?? 1);
  const review = (await db.reviews.where('weekStart').aboveOrEqual(addDays(thisWeek, -7)).toArray())
    .filter((r) => r.status === 'done')
    .sort((a, b) => b.weekStart.localeCompare(a.weekStart))[0];
  if (!review) return;
  const [commitments, state] = await Promise.all([db.commitments.toArray(), deps.state.getValue()]);
  const choice = state.reviewShare ?? DEFAULT_SHARE_CHOICE;
  await db.transaction('rw', db.pairs, db.outbox, async () => {
    for (const pair of await livePairs(db)) {
      const shared = buildSharedReview(review, pair.id, commitments, choice);
      if (!shared) continue;
      const id = `review:${pair.id}`;
      const waiting = await db.outbox.get(id);
      const against = waiting?.kind === 'review' ? waiting.review : pair.lastReview;
      if (sameReview(against, shared)) continue;
      await db.outbox.put({ id, kind: 'review', pairId: pair.id, review: shared, dueAt: clock.now, attempts: waiting?.attempts ?? 0 });
    }
  });
}

/** What a shared review carries besides the figures; the next push sends the review again if it changed. */
export async function setReviewShare(deps: SyncDeps, choice: ReviewShareChoice): Promise<Result<null>> {
  await updateState(deps, { reviewShare: { plans: choice.plans === true, ratings: choice.ratings === true } });
  return ok(null);
}

/** The partner's latest review (read with the messages, talk.ts), kept if newer than the one here (by the server's time). */
export async function keepPartnerReview(deps: SyncDeps, pair: Pair, review: SharedReview, now: number): Promise<void> {
  const { db } = deps;
  const before = await db.partnerReviews.get(pair.id);
  if ((before?.review.at ?? -1) >= (review.at ?? 0)) return;
  await db.partnerReviews.put({ pairId: pair.id, review, fetchedAt: now, ...(before?.readAt !== undefined && { readAt: before.readAt }) });
}

/** The person opened the partner's review: the popup no longer says it waits, and no reminder comes for it. */
export async function markReviewRead(deps: SyncDeps, pairId: string): Promise<Result<null>> {
  const { db } = deps;
  await db.transaction('rw', db.partnerReviews, async () => {
    const rec = await db.partnerReviews.get(pairId);
    if (rec) await db.partnerReviews.update(pairId, { readAt: rec.review.at ?? rec.fetchedAt });
  });
  return ok(null);
}
