import type { Result } from '../../core/types';
import { fail, ok } from '../../core/result';
import { badgeFor, type Badge } from '../../core/partners/partner';
import type { Pair, SyncState } from '../../core/partners/types';
import type { TandemDB } from '../../db/db';
import { livePairs } from '../../db/queries';
import type { SyncDeps } from './deps';
import type { PairOnServer, Remote } from './remote';
import { tr } from '@/utils/core/i18n';

/** The pairs as this device keeps them: made, shared with, shown on the badge, ended. No server here but one delete. */

/** A new partner's pair: every live commitment is shared with them at first (the person can untick any). */
export async function addPair(db: TandemDB, pair: Pair): Promise<void> {
  await db.transaction('rw', db.pairs, db.commitments, async () => {
    const first = (await livePairs(db)).length === 0;
    await db.pairs.put({ ...pair, primary: first || undefined });
    await db.commitments.toCollection().modify((c) => {
      if (c.archivedAt === undefined) c.sharedWith = [...new Set([...(c.sharedWith ?? []), pair.id])];
    });
  });
}

/**
 * A pair's end on this device (inside the caller's transaction over pairs, partnerSummaries, outbox and
 * commitments): marked ended, the partner's summary and any summary waiting for them gone, nothing shared
 * with them any more, and the oldest live pair takes the badge if this one had it.
 */
export async function endLocally(db: TandemDB, pairId: string, ended: NonNullable<Pair['ended']>): Promise<void> {
  await db.pairs.update(pairId, { ended, primary: undefined, lastPushed: undefined });
  await db.partnerSummaries.delete(pairId);
  await db.outbox.delete(`summary:${pairId}`);
  await db.commitments.toCollection().modify((c) => {
    if (c.sharedWith?.includes(pairId)) c.sharedWith = c.sharedWith.filter((id) => id !== pairId);
  });
  const live = await livePairs(db);
  if (live.length > 0 && !live.some((p) => p.primary)) await db.pairs.update(live[0]!.id, { primary: true });
}

/** The server says the pair ended (or is gone): it ends here, and the person is told. */
export async function endedByPartner(deps: SyncDeps, r: Remote, pairId: string, server: PairOnServer | null): Promise<void> {
  const { db } = deps;
  const { now } = await deps.clock();
  await db.transaction('rw', [db.pairs, db.partnerSummaries, db.outbox, db.commitments], async () => {
    const pair = await db.pairs.get(pairId);
    if (!pair || pair.ended) return;
    await endLocally(db, pairId, { by: 'partner', at: now });
  });
  // The partner ended it and their summaries are gone; the pair's last document goes too (gone already: any
  // summary of this person's left under it).
  if (server === null || (server.ended && server.endedBy !== r.uid)) await r.deletePair(pairId).catch(() => undefined);
}

/** Forget an ended pair once the person has seen that it ended. */
export async function dismissEnded(db: TandemDB, pairId: string): Promise<void> {
  const pair = await db.pairs.get(pairId);
  if (pair?.ended) await db.pairs.delete(pairId);
}

/** Share or stop sharing one commitment with one pair; the partner sees the change with the next push. */
export async function setShared(db: TandemDB, commitmentId: string, pairId: string, shared: boolean): Promise<Result<null>> {
  return db.transaction('rw', db.commitments, db.pairs, async () => {
    const [c, pair] = await Promise.all([db.commitments.get(commitmentId), db.pairs.get(pairId)]);
    if (!c) return fail(tr('pairs_that_commitment_no_longer_exists'));
    if (!pair || pair.ended) return fail(tr('pairs_that_partnership_has_ended'));
    const set = new Set(c.sharedWith ?? []);
    if (shared) set.add(pairId);
    else set.delete(pairId);
    await db.commitments.update(commitmentId, { sharedWith: [...set] });
    return ok(null);
  });
}

/** Choose whose streak the toolbar badge shows. */
export async function setPrimary(db: TandemDB, pairId: string): Promise<Result<null>> {
  return db.transaction('rw', db.pairs, async () => {
    const pair = await db.pairs.get(pairId);
    if (!pair || pair.ended) return fail(tr('pairs_that_partnership_has_ended'));
    await db.pairs.toCollection().modify((p) => {
      if (p.id === pairId) p.primary = true;
      else delete p.primary;
    });
    return ok(null);
  });
}

/** Whether there is anyone to pull from: a live pair, or an invite waiting to be used. */
export async function pullWanted(db: TandemDB, state: SyncState): Promise<boolean> {
  return Boolean(state.pendingInvite) || (await livePairs(db)).length > 0;
}

/** Whether summaries are worth queuing: someone to send them to. */
export async function hasPartners(db: TandemDB): Promise<boolean> {
  return (await livePairs(db)).length > 0;
}

/** What the toolbar badge shows: the primary partner's streak (null: no partner, no badge). */
export async function partnerBadge(db: TandemDB, now: number): Promise<Badge | null> {
  const pair = (await livePairs(db)).find((p) => p.primary);
  return pair ? badgeFor(pair.partnerName, (await db.partnerSummaries.get(pair.id))?.summary, now) : null;
}
