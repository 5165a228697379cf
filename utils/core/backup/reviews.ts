import type { Result } from '../types';
import type { CommitmentWeek, WeekReport, WeeklyReview } from '../review/types';
import { validateDraft } from '../review/intentions';
import { TITLE_MAX } from '../commitment';
import { fail, ok } from '../result';
import { BAD_DATE, isDay, isInstant, isObj, isWhole, oneOf, type Bounds, type Obj } from './fields';
import { tr } from '../i18n';

/**
 * A weekly review in a file (issue 10's `reviews`, export format 2), checked like the page checks one: its draft
 * through the review's own validateDraft (plans tied to commitments of this file, text within bounds, ratings
 * 1–5), its week a real day, its dates in range; the report kept with a finished review rebuilt from its numbers.
 */
export function checkReview(raw: unknown, b: Bounds, commitments: ReadonlySet<string>): Result<WeeklyReview> {
  if (!isObj(raw)) return fail(tr('reviews_isnt_a_review_tandem_writes'));
  if (!isDay(raw.weekStart, b) || !isInstant(raw.updatedAt, b) || (raw.completedAt !== undefined && !isInstant(raw.completedAt, b))) return fail(BAD_DATE());
  if (!oneOf(raw.status, ['draft', 'done'] as const)) return fail(tr('reviews_is_neither_a_draft_nor_finished'));
  if (!Array.isArray(raw.intentions) || !Array.isArray(raw.obstacles) || !isObj(raw.ratings) || !isObj(raw.kept)) return fail(tr('reviews_isnt_in_a_shape_tandem_can_read'));
  let draft;
  try {
    draft = validateDraft(raw as unknown as WeeklyReview, commitments);
  } catch {
    return fail(tr('reviews_isnt_in_a_shape_tandem_can_read'));
  }
  if (!draft.ok) return fail(tr('reviews_cant_be_accepted', { error: draft.error }));
  const review: WeeklyReview = { ...draft.value, weekStart: raw.weekStart, status: raw.status, updatedAt: raw.updatedAt };
  if (raw.completedAt !== undefined) review.completedAt = raw.completedAt;
  if (raw.report !== undefined) {
    const report = checkReport(raw.report, b);
    if (!report) return fail(tr('reviews_has_a_weeks_report_tandem_cant'));
    review.report = report;
  }
  return ok(review);
}

const count = (v: unknown) => isWhole(v, 0, 100_000);

function checkReport(raw: unknown, b: Bounds): WeekReport | null {
  if (!isObj(raw) || !isDay(raw.weekStart, b) || !isWhole(raw.hours, 167, 169) || !Array.isArray(raw.commitments)) return null;
  if (raw.completion !== null && !(typeof raw.completion === 'number' && raw.completion >= 0 && raw.completion <= 1)) return null;
  const rows: CommitmentWeek[] = [];
  for (const r of raw.commitments as unknown[]) {
    const row = isObj(r) ? checkRow(r, b) : null;
    if (!row) return null;
    rows.push(row);
  }
  return { weekStart: raw.weekStart, hours: raw.hours, commitments: rows, completion: raw.completion as number | null };
}

function checkRow(r: Obj, b: Bounds): CommitmentWeek | null {
  const numbers = ['done', 'target', 'focusMinutes', 'turnedBack', 'wentAnyway', 'streakBefore', 'streakAfter'] as const;
  if (typeof r.commitmentId !== 'string' || typeof r.title !== 'string' || r.title.length > TITLE_MAX) return null;
  if (!oneOf(r.unit, ['days', 'times'] as const) || !oneOf(r.streakUnit, ['day', 'week'] as const)) return null;
  if (!numbers.every((k) => count(r[k])) || !Array.isArray(r.missedDays) || r.missedDays.length > 7 || !r.missedDays.every((d) => isDay(d, b))) return null;
  const n = Object.fromEntries(numbers.map((k) => [k, r[k] as number])) as Record<(typeof numbers)[number], number>;
  return { commitmentId: r.commitmentId, title: r.title, unit: r.unit, streakUnit: r.streakUnit, missedDays: r.missedDays as string[], ...n };
}
