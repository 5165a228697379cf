import type { Commitment, DayKey, Result } from '../types';
import { addDays, formatClockTime } from '../days';
import { fail, ok } from '../result';
import type { Cue, Intention, Kept, ReviewDraft, WeekReport, WeeklyReview } from './types';
import { OBSTACLES } from './obstacles';

/** Moments of the day a plan can hang on; the person may also write their own. */
export const MOMENTS: { id: string; words: string }[] = [
  { id: 'open-laptop', get words() { return 'I open my laptop'; } },
  { id: 'block-page', get words() { return 'I land on the block page'; } },
  { id: 'morning-coffee', get words() { return 'I finish my morning coffee'; } },
  { id: 'after-lunch', get words() { return 'I come back from lunch'; } },
  { id: 'end-of-work', get words() { return 'I close my last meeting'; } },
];

export const INTENTIONS_MAX = 3;
export const CUE_TEXT_MAX = 80;
export const ACTION_MAX = 120;
export const NOTES_MAX = 2000;

/** "When I open my laptop", "At 09:00", "When I am at the library". */
export function describeCue(cue: Cue): string {
  if (cue.kind === 'time') return `At ${formatClockTime(cue.minutes)}`;
  if (cue.kind === 'place') return `When I am at ${cue.place}`;
  const preset = MOMENTS.find((m) => m.id === cue.moment);
  return `When ${preset ? preset.words : cue.moment}`;
}

/** The plan as one sentence: "When I open my laptop, I start “Deep work”." */
export function describeIntention(intention: Intention, commitment: Pick<Commitment, 'title'> | undefined): string {
  const title = commitment ? `“${commitment.title}”` : 'my commitment';
  const action = intention.action.trim();
  return `${describeCue(intention.cue)}, ${action ? `I ${action} (${title})` : `I start ${title}`}.`;
}

/** Whether the plan's cue is the block page: then it shows there first. */
export const isBlockPageCue = (cue: Cue) => cue.kind === 'moment' && cue.moment === 'block-page';

function checkCue(cue: Cue | undefined): Result<Cue> {
  if (!cue) return fail('Choose when the plan starts: a time, a place or a moment.');
  if (cue.kind === 'time') {
    return Number.isInteger(cue.minutes) && cue.minutes >= 0 && cue.minutes < 1440 ? ok(cue) : fail('Write the time as HH:MM, like 09:00.');
  }
  const text = (cue.kind === 'place' ? cue.place : cue.moment ?? '').trim();
  if (!text) return fail(cue.kind === 'place' ? 'Name the place, like “my desk” or “the library”.' : 'Choose a moment, or write your own.');
  if (text.length > CUE_TEXT_MAX) return fail(`Keep the ${cue.kind} under ${CUE_TEXT_MAX} characters.`);
  return ok(cue.kind === 'place' ? { kind: 'place', place: text } : { kind: 'moment', moment: text });
}

/**
 * A draft checked before it is kept: text within bounds, at most three plans, each with a cue and one of the
 * person's live commitments, ratings 1–5. Finishing asks more (finishable): a plan at least, and the ratings.
 */
export function validateDraft(draft: ReviewDraft, liveIds: ReadonlySet<string>): Result<ReviewDraft> {
  if (typeof draft.notes !== 'string' || draft.notes.length > NOTES_MAX) return fail(`Keep your notes under ${NOTES_MAX} characters.`);
  if (!Array.isArray(draft.intentions) || draft.intentions.length > INTENTIONS_MAX) return fail(`Make ${INTENTIONS_MAX} plans at most: fewer, kept, do more.`);
  const intentions: Intention[] = [];
  for (const [i, p] of draft.intentions.entries()) {
    const n = draft.intentions.length > 1 ? ` ${i + 1}` : '';
    const cue = checkCue(p.cue);
    if (!cue.ok) return fail(`Plan${n}: ${cue.error}`);
    if (!liveIds.has(p.commitmentId)) return fail(`Plan${n}: choose one of your commitments.`);
    const action = (p.action ?? '').trim();
    if (action.length > ACTION_MAX) return fail(`Plan${n}: keep what you will do under ${ACTION_MAX} characters.`);
    intentions.push({ id: String(p.id), cue: cue.value, commitmentId: p.commitmentId, action });
  }
  const ratings = draft.ratings ?? {};
  for (const [name, v] of Object.entries(ratings)) {
    if (v !== undefined && ![1, 2, 3, 4, 5].includes(v as number)) return fail(`Rate ${name} from 1 to 5.`);
  }
  const known = new Set(OBSTACLES.map((o) => o.id));
  const obstacles = (draft.obstacles ?? []).filter((o) => known.has(o));
  const kept = Object.fromEntries(Object.entries(draft.kept ?? {}).filter(([, k]) => k === 'kept' || k === 'partly' || k === 'not'));
  return ok({ kept, obstacles, notes: draft.notes, intentions, ratings: { ...ratings } });
}

/** What finishing a review needs beyond a valid draft, in words; null when it can be finished. */
export function finishProblem(draft: ReviewDraft): string | null {
  if (draft.intentions.length === 0) return 'Make at least one plan for the coming week.';
  const { consistency, confidence, stress } = draft.ratings;
  if (!consistency || !confidence || !stress) return 'Rate your consistency, confidence and stress (1 to 5).';
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
