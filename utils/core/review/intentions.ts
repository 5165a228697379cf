import type { Commitment, DayKey, Result } from '../types';
import { addDays, formatClockTime } from '../days';
import { fail, ok } from '../result';
import type { Cue, Intention, Kept, ReviewDraft, WeekReport, WeeklyReview } from './types';
import { OBSTACLES } from './obstacles';
import { tr } from '../i18n';

/** Moments of the day a plan can hang on; the person may also write their own. */
export const MOMENTS: { id: string; words: string }[] = [
  { id: 'open-laptop', get words() { return tr('intentions_i_open_my_laptop'); } },
  { id: 'block-page', get words() { return tr('intentions_i_land_on_the_block_page'); } },
  { id: 'morning-coffee', get words() { return tr('intentions_i_finish_my_morning_coffee'); } },
  { id: 'after-lunch', get words() { return tr('intentions_i_come_back_from_lunch'); } },
  { id: 'end-of-work', get words() { return tr('intentions_i_close_my_last_meeting'); } },
];

export const INTENTIONS_MAX = 3;
export const CUE_TEXT_MAX = 80;
export const ACTION_MAX = 120;
export const NOTES_MAX = 2000;

/** "When I open my laptop", "At 09:00", "When I am at the library". */
export function describeCue(cue: Cue): string {
  if (cue.kind === 'time') return tr('intentions_at', { value: formatClockTime(cue.minutes) });
  if (cue.kind === 'place') return tr('intentions_when_i_am_at', { place: cue.place });
  const preset = MOMENTS.find((m) => m.id === cue.moment);
  return tr('intentions_when', { value: preset ? preset.words : cue.moment });
}

/** The plan as one sentence: "When I open my laptop, I start “Deep work”." */
export function describeIntention(intention: Intention, commitment: Pick<Commitment, 'title'> | undefined): string {
  const title = commitment ? tr('intentions_quoted', { title: commitment.title }) : tr('intentions_my_commitment');
  const action = intention.action.trim();
  return tr('intentions_sentence', { cue: describeCue(intention.cue), then: action ? tr('intentions_i_do', { action, title }) : tr('intentions_i_start', { title }) });
}

/** Whether the plan's cue is the block page: then it shows there first. */
export const isBlockPageCue = (cue: Cue) => cue.kind === 'moment' && cue.moment === 'block-page';

function checkCue(cue: Cue | undefined): Result<Cue> {
  if (!cue) return fail(tr('intentions_choose_when_the_plan_starts_a'));
  if (cue.kind === 'time') {
    return Number.isInteger(cue.minutes) && cue.minutes >= 0 && cue.minutes < 1440 ? ok(cue) : fail(tr('intentions_write_the_time_as_hh_mm_like_09'));
  }
  const text = (cue.kind === 'place' ? cue.place : cue.moment ?? '').trim();
  if (!text) return fail(cue.kind === 'place' ? tr('intentions_name_the_place_like_my_desk_or') : tr('intentions_choose_a_moment_or_write_your'));
  if (text.length > CUE_TEXT_MAX) return fail(cue.kind === 'place' ? tr('intentions_keep_the_place_under_characters', { CUE_TEXT_MAX }) : tr('intentions_keep_the_moment_under_characters', { CUE_TEXT_MAX }));
  return ok(cue.kind === 'place' ? { kind: 'place', place: text } : { kind: 'moment', moment: text });
}

/**
 * A draft checked before it is kept: text within bounds, at most three plans, each with a cue and one of the
 * person's live commitments, ratings 1–5. Finishing asks more (finishable): a plan at least, and the ratings.
 */
export function validateDraft(draft: ReviewDraft, liveIds: ReadonlySet<string>): Result<ReviewDraft> {
  if (typeof draft.notes !== 'string' || draft.notes.length > NOTES_MAX) return fail(tr('intentions_keep_your_notes_under_characters', { NOTES_MAX }));
  if (!Array.isArray(draft.intentions) || draft.intentions.length > INTENTIONS_MAX) return fail(tr('intentions_make_plans_at_most_fewer_kept_do', { INTENTIONS_MAX }));
  const intentions: Intention[] = [];
  for (const [i, p] of draft.intentions.entries()) {
    const n = draft.intentions.length > 1 ? ` ${i + 1}` : '';
    const cue = checkCue(p.cue);
    if (!cue.ok) return fail(tr('intentions_plan', { n, error: cue.error }));
    if (!liveIds.has(p.commitmentId)) return fail(tr('intentions_plan_choose_one_of_your', { n }));
    const action = (p.action ?? '').trim();
    if (action.length > ACTION_MAX) return fail(tr('intentions_plan_keep_what_you_will_do_under', { n, ACTION_MAX }));
    intentions.push({ id: String(p.id), cue: cue.value, commitmentId: p.commitmentId, action });
  }
  const ratings = draft.ratings ?? {};
  for (const [name, v] of Object.entries(ratings)) {
    if (v !== undefined && ![1, 2, 3, 4, 5].includes(v as number)) return fail(tr('intentions_rate_from_1_to_5', { name }));
  }
  const known = new Set(OBSTACLES.map((o) => o.id));
  const obstacles = (draft.obstacles ?? []).filter((o) => known.has(o));
  const kept = Object.fromEntries(Object.entries(draft.kept ?? {}).filter(([, k]) => k === 'kept' || k === 'partly' || k === 'not'));
  return ok({ kept, obstacles, notes: draft.notes, intentions, ratings: { ...ratings } });
}

/** What finishing a review needs beyond a valid draft, in words; null when it can be finished. */
export function finishProblem(draft: ReviewDraft): string | null {
  if (draft.intentions.length === 0) return tr('intentions_make_at_least_one_plan_for_the');
  const { consistency, confidence, stress } = draft.ratings;
  if (!consistency || !confidence || !stress) return tr('intentions_rate_your_consistency_confidence');
  return null;
}

/**
 * The plans in force on `today`: those of the latest finished review of this week or the week before (a review
 * written at the end of a week plans the next one, and its plans show from the moment it is finished).
 */
export function intentionsInForce(reviews: WeeklyReview[], thisWeek: DayKey): Intention[] {
  const prev = addDays(thisWeek, -7);
  const latest = reviews.filter((r) => r.status === 'done' && (r.weekStart === thisWeek || r.weekStart === prev)).sort((a, b) => (a.weekStart < b.weekStart ? 1 : -1))[0];
  return latest?.intentions ?? [];
}

/** A first guess at how a plan went, from its commitment's week (the person decides). */
export function suggestKept(week: { done: number; target: number } | undefined): Kept | undefined {
  if (!week || week.target === 0) return undefined;
  return week.done >= week.target ? 'kept' : week.done > 0 ? 'partly' : 'not';
}

/** The marks the review page pre-sets for last week's plans, from their commitments' rows in the report. */
export function presetKept(plans: Intention[], report: WeekReport): Record<string, Kept> {
  const out: Record<string, Kept> = {};
  for (const p of plans) {
    const k = suggestKept(report.commitments.find((c) => c.commitmentId === p.commitmentId));
    if (k) out[p.id] = k;
  }
  return out;
}
