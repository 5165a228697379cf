import type { Clock, Commitment, CommitmentDraft, DayKey, Result } from '../core/types';
import { dayOf, isDayKey } from '../core/days';
import { validateCommitment } from '../core/commitment';
import { cancelPending, endPause, PAUSE_REASON_MAX, pauseAheadOf, planChange, planPause, settlePending, targetTerms, termsOf } from '../core/easing-plan';
import { checkPledge } from '../core/pledge';
import { RECALIBRATION_NOTE_MAX, smallerTarget, type RecalibrationChoice } from '../core/recalibration';
import { newId, type TandemDB } from '../db/db';
import { tr } from '@/utils/core/i18n';

const GONE = (): string => tr('commitments_that_commitment_no_longer_exists');

/**
 * Creates (no id) or edits a commitment. Invalid drafts change nothing and say why. An edit keeps the old rules
 * for the days before today, so past days are never judged again by new rules; what it makes easier waits for the
 * easing day (utils/core/easing.ts), what it makes harder applies at once.
 */
export async function saveCommitment(db: TandemDB, draft: CommitmentDraft, clock: Clock, id?: string): Promise<Result<Commitment>> {
  const { now } = clock;
  const valid = validateCommitment(draft, clock.dayStartMinutes);
  if (!valid.ok) return valid;
  return db.transaction('rw', db.commitments, async () => {
    if (id === undefined) {
      const created: Commitment = { id: newId(), ...valid.value, createdAt: now, updatedAt: now };
      await db.commitments.add(created);
      return { ok: true as const, value: created };
    }
    const existing = await db.commitments.get(id);
    if (!existing) return { ok: false as const, error: GONE() };
    const { title, why, requirement, schedule, sites } = valid.value;
    const target = { requirement, schedule, sites, archived: targetTerms(existing).archived };
    const updated: Commitment = { ...planChange(existing, target, clock), title, why, updatedAt: now };
    await db.commitments.put(updated);
    return { ok: true as const, value: updated };
  });
}

/** One commitment changed by `change` in one transaction (after its due easing, if any, is applied). */
async function change(db: TandemDB, id: string, clock: Clock, next: (c: Commitment, today: DayKey) => Result<Commitment>): Promise<Result<Commitment>> {
  return db.transaction('rw', db.commitments, async () => {
    const existing = await db.commitments.get(id);
    if (!existing) return { ok: false as const, error: GONE() };
    const today = dayOf(clock.now, clock);
    const result = next(settlePending(existing, today, clock.now), today);
    if (!result.ok) return result;
    const updated = { ...result.value, updatedAt: clock.now };
    await db.commitments.put(updated);
    return { ok: true as const, value: updated };
  });
}

/**
 * Archiving keeps the history (streaks, sessions) but stops the gate and hides it from the check-in. It is an
 * easing: it waits for the easing day (at once with a delay of 0).
 */
export function archiveCommitment(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  return change(db, id, clock, (c) => ({ ok: true, value: planChange(c, { ...targetTerms(c), archived: true }, clock) }));
}

/** Restoring asks more again: at once. */
export function restoreCommitment(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  return change(db, id, clock, (c) => ({ ok: true, value: planChange(c, { ...termsOf(c), archived: false }, clock) }));
}

/** Drops the easing waiting (archiving included): the commitment stays as it is now. */
export function cancelPendingChange(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  return change(db, id, clock, (c) => ({ ok: true, value: cancelPending(c) }));
}

export interface PauseAsk {
  /** The first day that counts again ('YYYY-MM-DD'), or none: until ended. */
  until?: DayKey;
  reason?: string;
}

/** A planned pause (a season of life): from tomorrow at the earliest, never today. See planPause. */
export function pauseCommitment(db: TandemDB, id: string, clock: Clock, ask: PauseAsk = {}): Promise<Result<Commitment>> {
  if (ask.until !== undefined && !isDayKey(ask.until)) return Promise.resolve({ ok: false, error: tr('commitments_choose_the_day_you_come_back_as') });
  return change(db, id, clock, (c) => planPause(c, clock, ask));
}

/** The same planned pause for every live commitment without one ahead (a season for everything); answers how many. */
export async function pauseAll(db: TandemDB, clock: Clock, ask: PauseAsk = {}): Promise<Result<number>> {
  if (ask.until !== undefined && !isDayKey(ask.until)) return { ok: false, error: tr('commitments_choose_the_day_you_come_back_as') };
  return db.transaction('rw', db.commitments, async () => {
    const today = dayOf(clock.now, clock);
    let paused = 0;
    for (const c of await db.commitments.toArray()) {
      if (c.archivedAt !== undefined || pauseAheadOf(c, today)) continue;
      const next = planPause(settlePending(c, today, clock.now), clock, ask);
      if (!next.ok) return next;
      await db.commitments.put({ ...next.value, updatedAt: clock.now });
      paused++;
    }
    return { ok: true as const, value: paused };
  });
}

/** Ends the pause at once (a planned one is dropped): today counts again. */
export function resumeCommitment(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  return change(db, id, clock, (c, today) => ({ ok: true, value: endPause(c, today) }));
}

/** Applies every easing whose day has come; answers when the next one is due (its day), if any. */
export async function applyDueEasings(db: TandemDB, clock: Clock): Promise<DayKey | null> {
  const today = dayOf(clock.now, clock);
  const waiting = (await db.commitments.toArray()).filter((c) => c.pending !== undefined);
  const due = waiting.filter((c) => c.pending!.day <= today);
  if (due.length > 0) {
    // Read again inside the write: a page's change since the first read (a cancel) wins.
    await db.transaction('rw', db.commitments, async () => {
      for (const c of await db.commitments.bulkGet(due.map((c) => c.id))) {
        if (!c) continue;
        const settled = settlePending(c, today, clock.now);
        if (settled !== c) await db.commitments.put({ ...settled, updatedAt: clock.now });
      }
    });
  }
  const later = waiting.map((c) => c.pending!.day).filter((d) => d > today).sort();
  return later[0] ?? null;
}

/**
 * A recalibration answered (issue 11): recommit as it is, make it fit (the kind's smaller target, which waits as any
 * easing), or pause it (planned, from tomorrow at the earliest) — with the person's note. Not asked again for a week.
 */
export function recalibrate(db: TandemDB, id: string, clock: Clock, choice: RecalibrationChoice, note = ''): Promise<Result<Commitment>> {
  const text = note.trim();
  if (text.length > RECALIBRATION_NOTE_MAX) return Promise.resolve({ ok: false, error: tr('commitments_keep_the_note_under_characters', { RECALIBRATION_NOTE_MAX }) });
  return change(db, id, clock, (c) => {
    const recalibration = { at: clock.now, choice, ...(text ? { note: text } : {}) };
    if (choice === 'recommit') return { ok: true, value: { ...c, recalibration } };
    if (choice === 'pause') {
      const paused = planPause(c, clock, { reason: text.slice(0, PAUSE_REASON_MAX) || undefined });
      return paused.ok ? { ok: true, value: { ...paused.value, recalibration } } : paused;
    }
    const target = targetTerms(c);
    const smaller = smallerTarget(target.requirement);
    if (!smaller) return { ok: false, error: tr('commitments_this_one_has_no_smaller_target') };
    return { ok: true, value: { ...planChange(c, { ...target, requirement: smaller }, clock), recalibration } };
  });
}

/** Sets the pledge (or removes it with null). Removing one is refused while a week's pledge waits to be kept. */
export function setPledge(db: TandemDB, id: string, clock: Clock, pledge: { misses: number; stake: string } | null, dueWeek?: DayKey): Promise<Result<Commitment>> {
  return change(db, id, clock, (c) => {
    if (pledge === null) {
      if (dueWeek !== undefined && !c.pledge?.kept?.includes(dueWeek)) return { ok: false, error: tr('commitments_mark_this_weeks_pledge_kept') };
      const { pledge: _removed, ...rest } = c;
      return { ok: true, value: rest };
    }
    const checked = checkPledge(pledge.misses, pledge.stake);
    return checked.ok ? { ok: true, value: { ...c, pledge: { ...checked.value, ...(c.pledge?.kept ? { kept: c.pledge.kept } : {}) } } } : checked;
  });
}

/** Marks the pledge of the week starting `weekStart` kept (no payment is handled: the person says so). */
export function keepPledge(db: TandemDB, id: string, clock: Clock, weekStart: DayKey): Promise<Result<Commitment>> {
  return change(db, id, clock, (c) => {
    if (!c.pledge) return { ok: false, error: tr('commitments_this_commitment_has_no_pledge') };
    const kept = [...new Set([...(c.pledge.kept ?? []), weekStart])].sort().slice(-52);
    return { ok: true, value: { ...c, pledge: { ...c.pledge, kept } } };
  });
}
