import type { Clock, DayKey, Result } from '../core/types';
import { fail, ok } from '../core/result';
import type { TandemDB } from '../db/db';
import type { ReviewDraft, WeekReport, WeeklyReview } from '../core/review/types';
import { finishProblem, validateDraft } from '../core/review/intentions';
import { editProblem } from '../core/review/weeks';

export interface ReviewSave {
  weekStart: DayKey;
  draft: ReviewDraft;
  /** Finish the review (else it is kept as a draft, or a finished one is updated as it stands). */
  finish?: boolean;
  /** The report the page showed, kept with a finished review. */
  report?: WeekReport;
}

/**
 * Keeps a review as it is typed, or finishes it: one row per week (the week's first day is the key), so saving
 * again changes that row, never adds one. Refused with a message, and nothing changed, when the week can no
 * longer be written (editProblem) or the draft is not valid. A finished review stays finished when edited.
 */
export async function saveReview(db: TandemDB, save: ReviewSave, clock: Clock): Promise<Result<Pick<WeeklyReview, 'weekStart' | 'status' | 'updatedAt'>>> {
  return db.transaction('rw', db.reviews, db.commitments, async () => {
    const existing = await db.reviews.get(save.weekStart);
    const problem = editProblem(save.weekStart, existing, clock);
    if (problem) return fail(problem);
    const live = new Set((await db.commitments.toArray()).filter((c) => c.archivedAt === undefined).map((c) => c.id));
    // A plan for a commitment archived since it was made stays as it was written.
    for (const p of existing?.intentions ?? []) live.add(p.commitmentId);
    const checked = validateDraft(save.draft, live);
    if (!checked.ok) return checked;
    const finishing = save.finish || existing?.status === 'done';
    if (finishing) {
      const unfinished = finishProblem(checked.value);
      if (unfinished) return fail(unfinished);
    }
    const review: WeeklyReview = {
      ...checked.value,
      weekStart: save.weekStart,
      status: finishing ? 'done' : 'draft',
      updatedAt: clock.now,
      ...(finishing && { completedAt: existing?.completedAt ?? clock.now }),
      ...((save.report ?? existing?.report) && { report: save.report ?? existing?.report }),
    };
    await db.reviews.put(review);
    return ok({ weekStart: review.weekStart, status: review.status, updatedAt: review.updatedAt });
  });
}

/** Every review, oldest first (a few dozen a year). */
export function allReviews(db: TandemDB): Promise<WeeklyReview[]> {
  return db.reviews.toArray();
}
