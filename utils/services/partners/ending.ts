import type { Result } from '../../core/types';
import { fail, ok } from '../../core/result';
import type { SyncDeps } from './deps';
import { deliver } from './outbox';
import { endLocally } from './pairs';
import { tr } from '@/utils/core/i18n';

/**
 * End a pair from this side: it ends here at once; the server learns it through the outbox (an 'end' item,
 * delivered now or, offline, later). The partner's side ends on their next pull (pull.ts) or when a write of
 * theirs is refused (outbox.ts).
 */
export async function endPair(deps: SyncDeps, pairId: string): Promise<Result<null>> {
  const { db } = deps;
  const pair = await db.pairs.get(pairId);
  if (!pair || pair.ended) return fail(tr('ending_that_partnership_has_already'));
  const { now } = await deps.clock();
  await db.transaction('rw', [db.pairs, db.partnerSummaries, db.outbox, db.commitments], async () => {
    await endLocally(db, pairId, { by: 'me', at: now });
    await db.outbox.put({ id: `end:${pairId}`, kind: 'end', pairId, partnerUid: pair.partnerUid, dueAt: now, attempts: 0 });
  });
  await deliver(deps);
  return ok(null);
}
