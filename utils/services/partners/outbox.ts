import { dayOf } from '../../core/days';
import { viewToday } from '../../core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../../core/visits';
import { buildSummary, nextRev, todayCounts, type Summary } from '../../core/partners/summary';
import { sameContent } from '../../core/partners/wire';
import { backoffMs, changeBetween, pushDueAt } from '../../core/partners/cadence';
import type { OutboxItem } from '../../core/partners/types';
import { livePairs, loadCheckIn } from '../../db/queries';
import { markOffline, updateState, type SyncDeps } from './deps';
import { endedByPartner } from './pairs';
import { isOffline, isRefused, type Remote } from './remote';
import { sameReview } from '../../core/partners/shared-review';
import { deliverMessage } from './messages';
import { clearTalk } from './talk';

/**
 * The outbox (a database table): what this device owes the server. Queuing decides what to send and when
 * (cadence.ts); delivery sends what is due and keeps what could not go, with backoff.
 */

/** The summary each live pair should see now. */
async function currentSummaries(deps: SyncDeps): Promise<Map<string, Summary>> {
  const { db } = deps;
  const clock = await deps.clock();
  const [pairs, data, state] = await Promise.all([livePairs(db), loadCheckIn(db, clock.now), deps.state.getValue()]);
  if (pairs.length === 0) return new Map();
  const day = dayOf(clock.now, clock);
  const attempts = await db.attempts.where('day').equals(day).toArray();
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  const views = viewToday(data.commitments, data.history, clock, { caches: data.caches, visits });
  const counts = todayCounts(data.history, attempts, day, clock.now);
  return new Map(pairs.map((p) => [p.id, buildSummary({ pairId: p.id, name: state.name, clock, views, counts })]));
}

/**
 * After local changes (called from the push alarm, so a burst is one call): for each pair whose summary
 * differs from the one last delivered, put the new one in the outbox, due now for a status change or
 * later for counts only. `force`: due now whatever changed (a new pair).
 */
export async function queueSummaries(deps: SyncDeps, { force = false } = {}): Promise<void> {
  const { db } = deps;
  const summaries = await currentSummaries(deps);
  const { now } = await deps.clock();
  await db.transaction('rw', db.pairs, db.outbox, async () => {
    for (const [pairId, summary] of summaries) {
      const pair = await db.pairs.get(pairId);
      if (!pair || pair.ended) continue;
      const id = `summary:${pairId}`;
      const waiting = await db.outbox.get(id);
      const against = waiting?.kind === 'summary' ? waiting.summary : pair.lastPushed;
      const change = force ? 'status' : changeBetween(against, summary);
      const due = pushDueAt(change, now, pair.lastPushAt);
      if (due === null) continue;
      await db.outbox.put({
        id, kind: 'summary', pairId, summary,
        dueAt: waiting ? Math.min(waiting.dueAt, due) : due,
        attempts: waiting?.attempts ?? 0,
      });
    }
  });
}

/**
 * Delivers what is due in the outbox: each item is removed only once the server has it, so an item is
 * delivered at least once and — summaries being whole states numbered by `rev` — seen exactly once.
 * No network: the item waits with backoff. Refused because the pair ended: the pair ends here too.
 */
export async function deliver(deps: SyncDeps): Promise<{ delivered: number; waiting: number }> {
  const { db } = deps;
  const { now } = await deps.clock();
  const due = await db.outbox.where('dueAt').belowOrEqual(now).toArray();
  let delivered = 0;
  if (due.length > 0) {
    let r: Remote | undefined;
    for (const item of due) {
      try {
        r ??= await deps.remote();
        await deliverOne(deps, r, item);
        delivered++;
      } catch (e) {
        if (!isOffline(e) && !isRefused(e)) console.error('Tandem: sync delivery failed', e);
        if (isRefused(e) && r) {
          await settleRefused(deps, r, item);
          continue;
        }
        await db.outbox.update(item.id, { attempts: item.attempts + 1, dueAt: now + backoffMs(item.attempts + 1) });
        if (isOffline(e)) await markOffline(deps);
      }
    }
    if (delivered > 0) await updateState(deps, { offlineSince: undefined });
  }
  const next = await db.outbox.orderBy('dueAt').first();
  await deps.effects?.scheduleDelivery?.(next?.dueAt ?? null);
  return { delivered, waiting: await db.outbox.count() };
}

async function deliverOne(deps: SyncDeps, r: Remote, item: OutboxItem): Promise<void> {
  const { db } = deps;
  if (item.kind === 'summary') {
    // Numbered after the one the server has (lastPushed): the rules take exactly that + 1, or the same again.
    const summary = { ...item.summary, rev: nextRev((await db.pairs.get(item.pairId))?.lastPushed) };
    await r.writeSummary(item.pairId, summary);
    await db.transaction('rw', db.pairs, db.outbox, async () => {
      await db.pairs.update(item.pairId, { lastPushed: summary, lastPushAt: (await deps.clock()).now });
      // A newer summary queued while this one was on its way stays queued.
      const current = await db.outbox.get(item.id);
      if (current?.kind === 'summary' && sameContent(current.summary, item.summary)) await db.outbox.delete(item.id);
    });
  } else if (item.kind === 'review') {
    await r.writeReview(item.pairId, item.review);
    await db.transaction('rw', db.pairs, db.outbox, async () => {
      await db.pairs.update(item.pairId, { lastReview: item.review });
      const current = await db.outbox.get(item.id);
      if (current?.kind === 'review' && sameReview(current.review, item.review)) await db.outbox.delete(item.id);
    });
  } else if (item.kind === 'message' || item.kind === 'unsend') {
    await deliverMessage(deps, r, item);
  } else {
    await r.endPair(item.pairId, item.partnerUid);
    // The pair's reviews and messages go with it (issue 10); left behind if this fails, they hold no browsing.
    await clearTalk(deps, r, item.pairId, item.partnerUid).catch((e: unknown) => console.warn('Tandem: talk left under an ended pair', e));
    await db.outbox.delete(item.id);
  }
}

/**
 * A refused write: if the pair has ended (or is gone) end it here. A summary refused by a live pair was numbered
 * from a rev the server does not have (an answer lost after the write landed, or an older version's clock revs):
 * take the server's and try again later. Numbered right and still refused, its content is what the rules refuse
 * (e.g. a device clock more than a day off): drop it; the next change queues a new one.
 */
async function settleRefused(deps: SyncDeps, r: Remote, item: OutboxItem): Promise<void> {
  const { db } = deps;
  const pair = await r.readPair(item.pairId).catch(() => undefined);
  if (pair === undefined) return; // cannot tell now; the item stays for the next attempt
  if (pair && !pair.ended && item.kind === 'summary') {
    const stored = await r.readPartnerSummary(item.pairId, r.uid).catch(() => undefined);
    if (stored === undefined) return;
    const local = await db.pairs.get(item.pairId);
    if (stored?.rev !== local?.lastPushed?.rev) {
      const { now } = await deps.clock();
      await db.pairs.update(item.pairId, { lastPushed: stored ?? undefined });
      await db.outbox.update(item.id, { attempts: item.attempts + 1, dueAt: now + backoffMs(item.attempts + 1) });
      return;
    }
    console.warn('Tandem: the server refused a summary; it is dropped', item.summary);
  }
  await db.outbox.delete(item.id);
  if (pair === null || pair.ended) await endedByPartner(deps, r, item.pairId, pair);
}
