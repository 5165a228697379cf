import type { Result } from '../../core/types';
import { ok } from '../../core/result';
import { online, type SyncDeps } from './deps';
import { isOffline, isRefused, type Remote } from './remote';
import { clearTalk } from './talk';

/**
 * The server's half of deleting everything: each pair this person is in ends (which deletes both summaries, the
 * one way a pair ends), their invites go (each carries its owner's name), then their anonymous account. Each step may be repeated:
 * what is already gone is skipped, so a retry after a lost answer or a dropped connection finishes the job.
 * No network: nothing local changes (the caller wipes only after this succeeds), and it says so in words.
 */
export async function forgetMeOnServer(deps: SyncDeps): Promise<Result<null>> {
  return online(deps, async () => {
    const remote = deps.existing ? await deps.existing() : await deps.remote();
    if (!remote) return ok(null); // never signed in: nothing of this person is on the server
    for (const pair of await deps.db.pairs.toArray()) await leavePair(deps, remote, pair.id, pair.partnerUid);
    await remote.deleteOwnInvite();
    await remote.deleteAccount();
    return ok(null);
  });
}

async function leavePair(deps: SyncDeps, remote: Remote, pairId: string, partnerUid: string): Promise<void> {
  const server = await remote.readPair(pairId);
  if (!server) return; // gone already
  if (!server.ended) await skipRefused(remote.endPair(pairId, partnerUid));
  // The pair's weekly reviews and messages (issue 10), once it has ended; a refusal or a failure leaves them.
  await clearTalk(deps, remote, pairId, partnerUid).catch((e: unknown) => {
    if (isOffline(e)) throw e;
  });
  // The invite that made the pair carries its owner's name: the owner deletes it (the partner's own invite is
  // theirs to delete — their next pull finds the pair through it, sees it ended and cleans up).
  if (server.members[0] === remote.uid && server.invite) await skipRefused(remote.deleteInvite(server.invite));
  // A pair the partner ended: its last document goes now (one this person ends, the partner removes when seen).
  if (server.ended) await skipRefused(remote.deletePair(pairId));
}

/** A refusal here means "already done" (ended by the partner meanwhile, already deleted): go on. */
async function skipRefused(step: Promise<void>): Promise<void> {
  try {
    await step;
  } catch (e) {
    if (!isRefused(e)) throw e;
  }
}
