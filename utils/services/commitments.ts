import type { Commitment, CommitmentDraft, Result } from '../core/types';
import { validateCommitment } from '../core/commitment';
import { newId, type TandemDB } from '../db/db';

/** Creates (no id) or edits a commitment. Invalid drafts change nothing and say why. */
export async function saveCommitment(db: TandemDB, draft: CommitmentDraft, now: number, id?: string): Promise<Result<Commitment>> {
  const valid = validateCommitment(draft);
  if (!valid.ok) return valid;
  return db.transaction('rw', db.commitments, async () => {
    if (id === undefined) {
      const created: Commitment = { id: newId(), ...valid.value, createdAt: now, updatedAt: now };
      await db.commitments.add(created);
      return { ok: true as const, value: created };
    }
    const existing = await db.commitments.get(id);
    if (!existing) return { ok: false as const, error: 'That commitment no longer exists.' };
    const updated: Commitment = { ...existing, ...valid.value, updatedAt: now };
    await db.commitments.put(updated);
    return { ok: true as const, value: updated };
  });
}

/** Archiving keeps the history (streaks, sessions) but stops the gate and hides it from the check-in. */
export async function archiveCommitment(db: TandemDB, id: string, now: number): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  const archived = { ...existing, archivedAt: now, updatedAt: now };
  await db.commitments.put(archived);
  return { ok: true, value: archived };
}

export async function restoreCommitment(db: TandemDB, id: string, now: number): Promise<Result<Commitment>> {
  const existing = await db.commitments.get(id);
  if (!existing) return { ok: false, error: 'That commitment no longer exists.' };
  const { archivedAt: _archived, ...rest } = existing;
  const restored = { ...rest, updatedAt: now };
  await db.commitments.put(restored);
  return { ok: true, value: restored };
}
