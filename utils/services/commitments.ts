import type { Clock, Commitment, CommitmentDraft, Result } from '../core/types';
import { dayOf } from '../core/days';
import { withEdit } from '../core/rules';
import { validateCommitment } from '../core/commitment';
import { newId, type TandemDB } from '../db/db';

/**
 * Creates (no id) or edits a commitment. Invalid drafts change nothing and say why. An edit keeps the
 * old rules for the days before today, so past days are never judged again by new rules.
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
    if (!existing) return { ok: false as const, error: 'That commitment no longer exists.' };
    const today = dayOf(now, clock);
    const updated: Commitment = { ...existing, ...valid.value, ...withEdit(existing, valid.value, today), updatedAt: now };
    await db.commitments.put(updated);
    return { ok: true as const, value: updated };
  });
}

/** Archiving keeps the history (streaks, sessions) but stops the gate and hides it from the check-in. */
export async function archiveCommitment(db: TandemDB, id: string, { now }: Clock): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  const archived = { ...existing, archivedAt: now, updatedAt: now };
  await db.commitments.put(archived);
  return { ok: true, value: archived };
}

/** Pauses from today (a season of life), until resumed. Nothing is judged while paused. */
export async function pauseCommitment(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  if (existing.pauses?.some((p) => p.until === undefined)) return { ok: true, value: existing };
  const today = dayOf(clock.now, clock);
  const paused = { ...existing, pauses: [...(existing.pauses ?? []), { from: today }], updatedAt: clock.now };
  await db.commitments.put(paused);
  return { ok: true, value: paused };
}

/** Ends the open pause: today counts again. A pause begun and ended on the same day leaves no trace. */
export async function resumeCommitment(db: TandemDB, id: string, clock: Clock): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  const today = dayOf(clock.now, clock);
  const pauses = (existing.pauses ?? [])
    .map((p) => (p.until === undefined ? { ...p, until: today } : p))
    .filter((p) => p.from < p.until!);
  const resumed = { ...existing, pauses: pauses.length ? pauses : undefined, updatedAt: clock.now };
  await db.commitments.put(resumed);
  return { ok: true, value: resumed };
}

export async function restoreCommitment(db: TandemDB, id: string, { now }: Clock): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  const { archivedAt: _archived, ...rest } = existing;
  const restored = { ...rest, updatedAt: now };
  await db.commitments.put(restored);
  return { ok: true, value: restored };
}
