import { KEEP_MS, TALK_FULL_EVERY_MS, talkDue } from '../../core/partners/messages';
import { doneTogether } from '../../core/partners/together';
import type { Summary } from '../../core/partners/summary';
import { livePairs } from '../../db/queries';
import { updateState, type SyncDeps } from './deps';
import { applyMessages } from './messages';
import { keepPartnerReview } from './review-share';
import type { Remote } from './remote';

/**
 * The partner half of the weekly check-in on a pull (issue 10): each live pair's review and messages, when due
 * (talkDue: not at every scheduled pull, each read costs one), and nothing kept of a pair that is no longer live.
 */
export async function receiveTalk(deps: SyncDeps, r: Remote, reason: 'page' | 'schedule' | 'manual', now: number): Promise<void> {
  const { db } = deps;
  const pairs = await livePairs(db);
  await forgetEndedTalk(deps, new Set(pairs.map((p) => p.id)));
  const state = await deps.state.getValue();
  if (pairs.length === 0 || !talkDue(reason, now, state.lastTalkAt)) return;
  const full = now - (state.lastTalkFullAt ?? 0) >= TALK_FULL_EVERY_MS;
  for (const pair of pairs) {
    const here = await db.partnerMessages.where('pairId').equals(pair.id).toArray();
    const review = await db.partnerReviews.get(pair.id);
    // What is new since the newest document read (one query for both); in full, everything (weekly).
    const known = [...here.filter((m) => !m.sending && !m.failed && !m.atLocal).map((m) => m.at), review?.review.at ?? 0];
    const since = full ? 0 : Math.max(now - KEEP_MS, ...known);
    const talk = await r.readTalk(pair.id, since);
    const theirs = talk.reviews.find((x) => x.by === pair.partnerUid);
    if (theirs) await keepPartnerReview(deps, pair, theirs.review, now);
    await applyMessages(deps, r, pair, here, talk.messages, now, full);
  }
  await updateState(deps, { lastTalkAt: now, ...(full && { lastTalkFullAt: now }) });
}

/** A pair's reviews and messages go with the pair (its end is learnt in several places; this runs at every pull). */
export async function forgetEndedTalk(deps: SyncDeps, live: ReadonlySet<string>): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.partnerReviews, db.partnerMessages, async () => {
    await db.partnerReviews.filter((r) => !live.has(r.pairId)).delete();
    await db.partnerMessages.filter((m) => !live.has(m.pairId)).delete();
  });
}

/**
 * Once this person has ended the pair: both members' reviews and every message this device knows of in it deleted from
 * the server (one batch), and here.
 */
export async function clearTalk(deps: SyncDeps, r: Remote, pairId: string, partnerUid: string): Promise<void> {
  const { db } = deps;
  const messages = await db.partnerMessages.where('pairId').equals(pairId).toArray();
  const ids = [r.uid, partnerUid, ...messages.filter((m) => !m.id.startsWith('local:')).map((m) => m.id)];
  await r.deleteTalk(pairId, [...new Set(ids)]);
  await forgetEndedTalk(deps, new Set((await livePairs(db)).map((p) => p.id)));
}

/** The summary this device last built for a pair: waiting in the outbox, or the one delivered. */
async function mySummary(deps: SyncDeps, pairId: string, fallback: Summary | undefined): Promise<Summary | undefined> {
  const waiting = await deps.db.outbox.get(`summary:${pairId}`);
  return waiting?.kind === 'summary' ? waiting.summary : fallback;
}

/**
 * Both partners did all of today's shared commitments: told once per pair and day (a notification, if the person
 * turned partner notifications on; the popup shows it from the same facts, components/Celebrations.tsx).
 */
export async function notifyTogether(deps: SyncDeps): Promise<void> {
  const { db } = deps;
  const { now } = await deps.clock();
  const state = await deps.state.getValue();
  const seen = state.togetherNotified ?? [];
  const fresh: string[] = [];
  for (const pair of await livePairs(db)) {
    const mine = await mySummary(deps, pair.id, pair.lastPushed);
    // Only a summary of this person's today (one of yesterday, all done, is not today's).
    if (!mine || now >= mine.dayEnds) continue;
    const partner = (await db.partnerSummaries.get(pair.id))?.summary;
    const due = doneTogether(pair.id, { day: mine.day, statuses: mine.commitments.map((c) => c.status) }, partner, now);
    if (!due || seen.includes(due.key)) continue;
    fresh.push(due.key);
    if (state.notifyPartnerDone) await deps.effects?.together?.(due.name);
  }
  if (fresh.length > 0) await updateState(deps, { togetherNotified: [...seen, ...fresh].slice(-20) });
}
