import type { Result } from '../../core/types';
import type { Pair } from '../../core/partners/types';
import { dayOf } from '../../core/days';
import { fail, ok } from '../../core/result';
import { settlePending } from '../../core/easing-plan';
import { online, type SyncDeps } from './deps';
import { isRefused, type Remote } from './remote';
import { tr } from '@/utils/core/i18n';

/**
 * The partner approves an easing waiting for `day` (issue 11): it applies at once on the other side, from today.
 * The approval names the easing's day, so it fits that easing only: one asked again later waits again.
 */
export async function approveEasing(deps: SyncDeps, pairId: string, commitmentId: string, day: string): Promise<Result<null>> {
  const pair = await deps.db.pairs.get(pairId);
  if (!pair || pair.ended) return fail(tr('approvals_that_partnership_has_ended'));
  return online(deps, async () => {
    const r = await deps.remote();
    try {
      await r.writeApproval(pairId, commitmentId, day);
    } catch (e) {
      if (!isRefused(e)) throw e;
      return fail(tr('approvals_that_partnership_has_ended'));
    }
    return ok(null);
  });
}

/**
 * The partner's approvals of this person's easings waiting, applied here: an easing still waiting for the approved
 * day, on a commitment shared with that partner, applies now (from today). Only read while the summary last sent
 * to them shows an easing waiting. Answers how many applied.
 */
export async function receiveApprovals(deps: SyncDeps, r: Remote, pair: Pair): Promise<number> {
  const { db } = deps;
  if (!pair.lastPushed?.commitments.some((c) => c.easing)) return 0;
  let approvals;
  try {
    approvals = await r.readApprovals(pair.id);
  } catch (e) {
    if (isRefused(e)) return 0;
    throw e;
  }
  const clock = await deps.clock();
  const today = dayOf(clock.now, clock);
  let applied = 0;
  for (const a of approvals.filter((x) => x.by === pair.partnerUid)) {
    const done = await db.transaction('rw', db.commitments, async () => {
      const c = await db.commitments.get(a.commitmentId);
      if (!c?.pending || c.pending.day !== a.day || !(c.sharedWith ?? []).includes(pair.id)) return false;
      await db.commitments.put({ ...settlePending({ ...c, pending: { ...c.pending, day: today } }, today, clock.now), updatedAt: clock.now });
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
