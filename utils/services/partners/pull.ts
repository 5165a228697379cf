import { shouldPull } from '../../core/partners/cadence';
import { partnerDoneToday } from '../../core/partners/partner';
import type { Pair } from '../../core/partners/types';
import { livePairs } from '../../db/queries';
import { markOffline, updateState, type SyncDeps } from './deps';
import { checkPendingInvite } from './pairing';
import { endedByPartner, pullWanted } from './pairs';
import { isOffline, type Remote } from './remote';
import { GRANTS_EVERY_MS, receiveGrants } from './grants';
import { receiveApprovals } from './approvals';
import { notifyTogether, receiveTalk } from './talk';

/**
 * Read what partners shared (one read per pair, two when a summary is missing), and whether the invite
 * this person is waiting on was used. `reason` decides whether it is worth it now (cadence.ts).
 */
export async function pull(deps: SyncDeps, reason: 'page' | 'schedule' | 'manual'): Promise<{ pulled: boolean; offline?: boolean }> {
  const { db } = deps;
  const state = await deps.state.getValue();
  if (!(await pullWanted(db, state))) return { pulled: false };
  const { now } = await deps.clock();
  if (!shouldPull(now, state.lastPullAt, reason)) return { pulled: false };
  try {
    const r = await deps.remote();
    await updateState(deps, { lastPullAt: now });
    if (state.pendingInvite) await checkPendingInvite(deps, r, state.pendingInvite, now);
    for (const pair of await livePairs(db)) await pullPair(deps, r, pair, now);
    // Repairs granted and easings approved by the partners (issue 11): not at every pull, each read costs one.
    if (reason === 'manual' || now - (state.lastGrantsAt ?? 0) >= GRANTS_EVERY_MS) {
      let changed = 0;
      for (const pair of await livePairs(db)) changed += (await receiveGrants(deps, r, pair)) + (await receiveApprovals(deps, r, pair));
      await updateState(deps, { lastGrantsAt: now });
      if (changed > 0) await deps.effects?.changedHere?.();
    }
    // Partners' weekly reviews and messages (issue 10), and whether both are done today.
    await receiveTalk(deps, r, reason, now);
    await notifyTogether(deps);
    await updateState(deps, { offlineSince: undefined });
    return { pulled: true };
  } catch (e) {
    if (!isOffline(e)) throw e;
    await markOffline(deps);
    return { pulled: false, offline: true };
  }
}

/** One partner's summary: stored if newer; missing, the pair is read to tell "not written yet" from "ended". */
async function pullPair(deps: SyncDeps, r: Remote, pair: Pair, now: number): Promise<void> {
  const { db } = deps;
  const summary = await r.readPartnerSummary(pair.id, pair.partnerUid);
  if (!summary) {
    const server = await r.readPair(pair.id);
    if (!server || server.ended) await endedByPartner(deps, r, pair.id, server);
    return;
  }
  const before = await db.partnerSummaries.get(pair.id);
  // By the server's time of each write: a slower, older read never replaces a newer one.
  if ((before?.summary.updatedAt ?? 0) > (summary.updatedAt ?? 0)) return;
  await db.transaction('rw', db.pairs, db.partnerSummaries, async () => {
    await db.partnerSummaries.put({ pairId: pair.id, summary, fetchedAt: now });
    if (pair.partnerName !== summary.name) await db.pairs.update(pair.id, { partnerName: summary.name });
  });
  const wasDone = before ? before.summary.day === summary.day && partnerDoneToday(before.summary) : false;
  if (!wasDone && partnerDoneToday(summary)) await deps.effects?.partnerDone?.(summary.name);
}
