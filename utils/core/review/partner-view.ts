import type { CommitmentWeek, Intention, ReviewRatings, WeeklyReview } from './types';

/**
 * What of a finished review a partner may later be shown (the partner half of issue 10 sends it): only the
 * commitments shared with that partner — their rows of the report and the plans made for them — and the three
 * ratings. Never the notes or picked obstacles (the person's own, unless they choose to send a message), and
 * nothing about sites: the report holds titles and counts only.
 */
export interface PartnerReview {
  weekStart: string;
  commitments: Omit<CommitmentWeek, 'missedDays'>[];
  intentions: Intention[];
  ratings: ReviewRatings;
}

export function partnerShare(review: WeeklyReview, sharedIds: ReadonlySet<string>): PartnerReview | null {
  if (review.status !== 'done' || !review.report) return null;
  return {
    weekStart: review.weekStart,
    commitments: review.report.commitments.filter((c) => sharedIds.has(c.commitmentId)).map(({ missedDays: _, ...row }) => row),
    intentions: review.intentions.filter((i) => sharedIds.has(i.commitmentId)),
    ratings: { ...review.ratings },
  };
}
