import type { Result } from '../../core/types';
import type { Pair } from '../../core/partners/types';
import { dayOf } from '../../core/days';
import { fail, ok } from '../../core/result';
import { NO_RECORDS } from '../../core/requirements';
import { grantRefusal, isRepaired, missedOn, withRepair } from '../../core/repairs';
import { repairedInCache } from '../../core/outcome-cache';
import { grantableDay } from '../../core/partners/partner';
import { recordsFrom } from '../../db/queries';
import { online, type SyncDeps } from './deps';
import { isRefused, type Remote } from './remote';
import { tr } from '@/utils/core/i18n';

/**
 * How often a pull also reads the pair's grants (a manual refresh always does), and only while the partner sees a
 * missed day they could repair: at most ~16 reads on a waking day.
 */
export const GRANTS_EVERY_MS = 60 * 60_000;

/**
 * The partner's side of a repair (issue 11): a grant of `day` for one of their shared commitments. The rules refuse
 * a second one for the same commitment within 14 days; that is said in words.
 */
export async function grantRepair(deps: SyncDeps, pairId: string, commitmentId: string, day: string): Promise<Result<null>> {
  const pair = await deps.db.pairs.get(pairId);
  if (!pair || pair.ended) return fail(tr('grants_that_partnership_has_ended'));
  return online(deps, async () => {
    const r = await deps.remote();
    try {
      await r.writeGrant(pairId, commitmentId, day);
    } catch (e) {
      if (!isRefused(e)) throw e;
      return fail(tr('grants_a_repair_can_be_granted_once', { partnerName: pair.partnerName }));
    }
    return ok(null);
  });
}

/**
 * The grants the partner made for this person's commitments shared with them, applied here: each repairs its day
 * once it is checked again on this side (a missed day, not repaired yet, within 31 days, and the 14 days between
 * the partner's grants). Answers how many days were repaired.
 */
export async function receiveGrants(deps: SyncDeps, r: Remote, pair: Pair): Promise<number> {
  const { db } = deps;
  // Only worth a read while the partner sees a day they could repair (the summary last sent to them).
  const sent = pair.lastPushed;
  if (!sent?.commitments.some((c) => grantableDay(c, sent.day) !== null)) return 0;
  const clock = await deps.clock();
  const today = dayOf(clock.now, clock);
  let grants;
  try {
    grants = await r.readGrants(pair.id);
  } catch (e) {
    if (isRefused(e)) return 0; // the pair has ended: the pull tells that
    throw e;
  }
  let repaired = 0;
  for (const g of grants.filter((x) => x.by === pair.partnerUid)) {
    const c = await db.commitments.get(g.commitmentId);
    if (!c || !(c.sharedWith ?? []).includes(pair.id) || isRepaired(c, g.day)) continue;
    if (grantRefusal(c, g.day, today, g.at) !== null) continue;
    const records = (await recordsFrom(db, c.id, g.day)).get(g.day) ?? NO_RECORDS;
    if (!missedOn(c, g.day, records, clock)) continue;
    await db.transaction('rw', db.commitments, db.outcomes, async () => {
      const stored = await db.commitments.get(c.id);
      if (!stored) return;
      await db.commitments.put(withRepair(stored, { day: g.day, by: 'partner', at: g.at }));
      const cache = await db.outcomes.get(c.id);
      if (cache) await db.outcomes.put(repairedInCache(cache, g.day));
    });
    repaired++;
  }
  return repaired;
}
