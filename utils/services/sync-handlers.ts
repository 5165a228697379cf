import { fail, ok } from '../core/result';
import type { PartnerHandlers } from '../messages';
import type { TandemDB } from '../db/db';
import { SYNC_UNAVAILABLE } from '../core/partners/partner';
import * as sync from './sync';

/**
 * The partner messages. `deps` is null in a local-only build: every partner action then answers
 * plainly that partner sync isn't available, and nothing is attempted. `changed` runs after anything that
 * changes pairs or sharing (badge, pull schedule, a push).
 */
export function createSyncHandlers(
  db: TandemDB,
  deps: sync.SyncDeps | null,
  { exclusive, changed }: {
    /** Runs sync steps one at a time (pulls, deliveries and these never interleave). */
    exclusive: <T>(step: () => Promise<T>) => Promise<T>;
    changed: () => Promise<void>;
  },
): PartnerHandlers {
  const after = <T>(step: () => Promise<T>): Promise<T> =>
    exclusive(async () => {
      const result = await step();
      await changed().catch((err: unknown) => console.error('Tandem: after a partner change', err));
      return result;
    });
  // Forgetting an ended pair is local: it works in a local-only build too.
  const dismiss = async ({ pairId }: { pairId: string }) => {
    await sync.dismissEnded(db, pairId);
    return ok(null);
  };
  if (!deps) {
    const off = async () => fail(SYNC_UNAVAILABLE());
    return {
      'partner.name': off, 'partner.invite': off, 'partner.cancelInvite': off, 'partner.redeem': off, 'partner.end': off,
      'partner.share': off, 'partner.primary': off, 'partner.pull': off, 'partner.grant': off, 'partner.approve': off,
      'partner.send': off, 'partner.unsend': off, 'partner.reviewRead': off, 'partner.reviewShare': off,
      'partner.dismiss': dismiss,
    };
  }
  return {
    'partner.name': ({ name }) => after(() => sync.setName(deps, name)),
    'partner.invite': () => after(() => sync.createInvite(deps)),
    'partner.cancelInvite': () => after(() => sync.cancelInvite(deps)),
    'partner.redeem': ({ code }) => after(() => sync.redeemInvite(deps, code)),
    'partner.end': ({ pairId }) => after(() => sync.endPair(deps, pairId)),
    'partner.dismiss': (req) => after(() => dismiss(req)),
    'partner.share': ({ commitmentId, pairId, shared }) => after(() => sync.setShared(db, commitmentId, pairId, shared)),
    'partner.primary': ({ pairId }) => after(() => sync.setPrimary(db, pairId)),
    'partner.pull': ({ reason }) => after(async () => ok(await sync.pull(deps, reason))),
    'partner.grant': ({ pairId, commitmentId, day }) => after(() => sync.grantRepair(deps, pairId, commitmentId, day)),
    'partner.approve': ({ pairId, commitmentId, day }) => after(() => sync.approveEasing(deps, pairId, commitmentId, day)),
    // Issue 10: messages go through the outbox (delivered at once when online); a changed sharing choice is a push.
    'partner.send': ({ pairId, kind, text }) => exclusive(() => sync.sendToPartner(deps, pairId, kind, text)),
    'partner.unsend': ({ pairId, messageId }) => exclusive(() => sync.unsend(deps, pairId, messageId)),
    'partner.reviewRead': ({ pairId }) => sync.markReviewRead(deps, pairId),
    'partner.reviewShare': (choice) => after(() => sync.setReviewShare(deps, choice)),
  };
}
