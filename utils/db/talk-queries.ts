import type { PartnerReviewRecord } from '../core/partners/types';
import type { PartnerMessage } from '../core/partners/messages';
import type { TandemDB } from './db';
import { livePairs } from './queries';

/** The partners' weekly reviews and the pairs' messages (issue 10), of live pairs only, for the pages. */
export async function loadTalk(db: TandemDB): Promise<{ reviews: Map<string, PartnerReviewRecord>; messages: PartnerMessage[] }> {
  const [pairs, reviews, messages] = await Promise.all([livePairs(db), db.partnerReviews.toArray(), db.partnerMessages.toArray()]);
  const live = new Set(pairs.map((p) => p.id));
  return {
    reviews: new Map(reviews.filter((r) => live.has(r.pairId)).map((r) => [r.pairId, r])),
    messages: messages.filter((m) => live.has(m.pairId)),
  };
}
