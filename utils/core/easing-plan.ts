/**
 * Changes to a commitment under the easing rule (easing.ts): what applies now, what waits, and applying what
 * waited once its day has come. Pure: the services store what these return.
 */
import type { Clock, Commitment, DayKey, Pause, PendingEasing, Result } from './types';
import { classifyChange, pendingTerms, type Terms } from './easing';
import { easingDay, pauseStartDay } from './easing-time';
import { dayOf } from './days';
import { withEdit } from './rules';
import { fail, ok } from './result';
import { tr } from './i18n';

export const PAUSE_REASON_MAX = 60;

/** The terms in force now (archived or not), as the easing rule sees them. */
export function termsOf(c: Commitment): Terms {
  return { requirement: c.requirement, schedule: c.schedule, sites: c.sites, archived: c.archivedAt !== undefined };
}

/** The terms the commitment is heading for: the waiting easing's, or those in force. */
export function targetTerms(c: Commitment): Terms {
  return c.pending ? pendingTerms(c.pending) : termsOf(c);
}

/**
 * The commitment with its waiting easing applied if its day has come (by `today`): the rules change from that day
 * (earlier days keep the rules they had), archiving takes effect at `now`. Unchanged otherwise.
 */
export function settlePending(c: Commitment, today: DayKey, now: number): Commitment {
  const p = c.pending;
  if (!p || p.day > today) return c;
  const lastUntil = c.earlierRules?.at(-1)?.until;
  const from = lastUntil !== undefined && lastUntil > p.day ? lastUntil : p.day;
  const { pending: _applied, ...rest } = c;
  return withTerms(rest, pendingTerms(p), from, now);
}

/** `c` with `terms` in force from `day` on (`now` for an archiving). */
function withTerms(c: Commitment, terms: Terms, day: DayKey, now: number): Commitment {
  const next: Commitment = { ...c, requirement: terms.requirement, schedule: terms.schedule, sites: terms.sites, ...withEdit(c, terms, day) };
  if (next.earlierRules === undefined) delete next.earlierRules;
  if (terms.archived) next.archivedAt = c.archivedAt ?? now;
  else delete next.archivedAt;
  return next;
}

/**
 * The commitment after the person asked for `target` (an edit, archiving, restoring): harder parts apply at once,
 * easier ones wait for the easing day. A change that asks nothing easier than the easing already waiting keeps that
 * easing's day (editing the name does not restart the wait); anything easier waits again from now.
 */
export function planChange(c: Commitment, target: Terms, clock: Clock): Commitment {
  const today = dayOf(clock.now, clock);
  const current = settlePending(c, today, clock.now);
  const split = classifyChange(termsOf(current), target, clock.dayStartMinutes);
  const day = easingDay(clock);
  if (split.later === null || day === null) {
    const { pending: _dropped, ...rest } = withTerms(current, split.later ?? split.now, today, clock.now);
    return rest;
  }
  const applied = withTerms(current, split.now, today, clock.now);
  const old = current.pending;
  const keep = old !== undefined && classifyChange(pendingTerms(old), split.later, clock.dayStartMinutes).later === null;
  const { requirement, schedule, sites, archived } = split.later;
  const pending: PendingEasing = { day: keep ? old.day : day, madeAt: keep ? old.madeAt : clock.now, requirement, schedule, sites };
  if (archived) pending.archive = true;
  return { ...applied, pending };
}

/** The waiting easing dropped: the commitment stays as it is (that is never easier, so at once). */
export function cancelPending(c: Commitment): Commitment {
  const { pending: _dropped, ...rest } = c;
  return rest;
}

/** A pause not over by `today` (running, or planned to start later). */
export const pauseAhead = (p: Pause, today: DayKey) => p.until === undefined || p.until > today;

/**
 * A planned pause: from tomorrow at the earliest (or the easing day, when later), until `until` (the first day that
 * counts again) if given, with the person's reason. Today is judged as usual. Refused while a pause is ahead.
 */
export function planPause(c: Commitment, clock: Clock, ask: { until?: DayKey; reason?: string }): Result<Commitment> {
  const today = dayOf(clock.now, clock);
  if ((c.pauses ?? []).some((p) => pauseAhead(p, today))) return fail(tr('easing_plan_this_commitment_already_has_a'));
  const from = pauseStartDay(clock);
  if (ask.until !== undefined && ask.until <= from) return fail(tr('easing_plan_the_pause_ends_after_it_starts'));
  const reason = ask.reason?.trim() ?? '';
  if (reason.length > PAUSE_REASON_MAX) return fail(tr('easing_plan_keep_the_reason_under_characters', { PAUSE_REASON_MAX }));
  const pause: Pause = { from };
  if (ask.until !== undefined) pause.until = ask.until;
  if (reason) pause.reason = reason;
  return ok({ ...c, pauses: [...(c.pauses ?? []), pause] });
}

/**
 * Ends a pause now (harder, so at once): a running one stops before today, which counts again; a planned one that
 * has not begun is dropped.
 */
export function endPause(c: Commitment, today: DayKey): Commitment {
  const pauses = (c.pauses ?? [])
    .map((p) => (pauseAhead(p, today) ? { ...p, until: today } : p))
    .filter((p) => p.from < p.until!);
  const { pauses: _old, ...rest } = c;
  return pauses.length ? { ...rest, pauses } : rest;
}

/** The pause ahead of `today` (running or planned), if any. */
export function pauseAheadOf(c: Commitment, today: DayKey): Pause | undefined {
  return (c.pauses ?? []).find((p) => pauseAhead(p, today));
}
