import type { Clock, Result } from '../core/types';
import { fail, ok } from '../core/result';
import { dayOf } from '../core/days';
import { viewToday } from '../core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../core/visits';
import { formatInviteCode, inviteProblem, newInviteCode, newPairId, parseInviteCode } from '../core/partners/invite-code';
import { buildSummary, nextRev, parseDisplayName, sameContent, todayCounts, type Summary } from '../core/partners/summary';
import { backoffMs, changeBetween, pushDueAt, shouldPull } from '../core/partners/cadence';
import { badgeFor, partnerDoneToday, type Badge } from '../core/partners/partner';
import type { TandemDB } from '../db/db';
import type { OutboxItem, Pair } from '../core/partners/types';
import { livePairs, loadCheckIn } from '../db/queries';
import * as remote from '../firestore/remote';
import type { Remote } from '../firestore/remote';
import type { SyncState } from '../core/partners/types';

/**
 * Partner sync, as services over the database and a Remote (docs/sync.md). The worker wires them to
 * alarms and messages; tests run them against the Firestore and Auth emulators. Nothing here keeps
 * state in memory: the outbox, pairs and partners' summaries live in Dexie, bookkeeping in storage.
 */
export interface StateStore {
  getValue(): Promise<SyncState>;
  setValue(value: SyncState): Promise<void>;
}

export interface SyncDeps {
  db: TandemDB;
  /** Signs in on first use (anonymous) and returns the connection; throws when offline. */
  remote: () => Promise<Remote>;
  clock: () => Promise<Clock>;
  /** Sync's bookkeeping (the worker passes syncStateItem, in extension storage). */
  state: StateStore;
  /** Told about what changed, so the worker can set alarms, the badge and notifications. */
  effects?: {
    /** The next delivery is due at this instant (or null: nothing waits). */
    scheduleDelivery?: (at: number | null) => Promise<void>;
    /** A partner finished all of today's commitments. */
    partnerDone?: (name: string) => Promise<void>;
  };
}

const OFFLINE = 'You seem to be offline. Nothing changed; try again when you are back online.';
const NO_NAME = 'Choose the name your partner will see first.';

async function online<T>(deps: SyncDeps, run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (remote.isOffline(e)) {
      await markOffline(deps);
      return fail(OFFLINE);
    }
    throw e;
  }
}

/** The server could not be reached: remember since when (kept across failures until something gets through). */
async function markOffline(deps: SyncDeps): Promise<void> {
  const [state, { now }] = await Promise.all([deps.state.getValue(), deps.clock()]);
  if (state.offlineSince === undefined) await deps.state.setValue({ ...state, offlineSince: now });
}

async function updateState(deps: SyncDeps, patch: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await deps.state.getValue()), ...patch };
  await deps.state.setValue(next);
  return next;
}

export async function setName(deps: SyncDeps, typed: string): Promise<Result<string>> {
  const name = parseDisplayName(typed);
  if (name.ok) await updateState(deps, { name: name.value });
  return name;
}

/** A new invite code (replacing a pending one), valid 24 hours, for a partner to enter. */
export async function createInvite(deps: SyncDeps): Promise<Result<{ code: string; display: string; expiresAt: number }>> {
  const state = await deps.state.getValue();
  if (!state.name) return fail(NO_NAME);
  return online(deps, async () => {
    const r = await deps.remote();
    const { now } = await deps.clock();
    if (state.pendingInvite) await remote.deleteInvite(r, state.pendingInvite.code).catch(() => undefined);
    const code = newInviteCode();
    const { expiresAt } = await remote.createInvite(r, code, state.name, now);
    await updateState(deps, { pendingInvite: { code, expiresAt } });
    return ok({ code, display: formatInviteCode(code), expiresAt });
  });
}

export async function cancelInvite(deps: SyncDeps): Promise<Result<null>> {
  const state = await deps.state.getValue();
  if (!state.pendingInvite) return ok(null);
  return online(deps, async () => {
    await remote.deleteInvite(await deps.remote(), state.pendingInvite!.code);
    await updateState(deps, { pendingInvite: undefined });
    return ok(null);
  });
}

/** A new partner's pair: every live commitment is shared with them at first (the person can untick any). */
async function addPair(deps: SyncDeps, pair: Pair): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.pairs, db.commitments, async () => {
    const first = (await livePairs(db)).length === 0;
    await db.pairs.put({ ...pair, primary: first || undefined });
    await db.commitments.toCollection().modify((c) => {
      if (c.archivedAt === undefined) c.sharedWith = [...new Set([...(c.sharedWith ?? []), pair.id])];
    });
  });
}

/** A pair made on either side: stored, and this person's summary sent at once. */
async function startPair(deps: SyncDeps, pair: Pair): Promise<void> {
  await addPair(deps, pair);
  await queueSummaries(deps, { force: true });
  await deliver(deps);
}

/** Enter a partner's code: every way it can be wrong gets its own message, and then nothing changes. */
export async function redeemInvite(deps: SyncDeps, typed: string): Promise<Result<Pair>> {
  const parsed = parseInviteCode(typed);
  if (!parsed.ok) return parsed;
  const state = await deps.state.getValue();
  if (!state.name) return fail(NO_NAME);
  const code = parsed.value;
  if (state.pendingInvite?.code === code) return fail('That is your own invite code. Give it to your partner to enter on their side.');
  return online(deps, async () => {
    const r = await deps.remote();
    const { now } = await deps.clock();
    const invite = await remote.readInvite(r, code);
    const problem = inviteProblem(invite, r.uid, now);
    if (problem || !invite) return fail(problem ?? 'No invite has that code.');
    if ((await livePairs(deps.db)).some((p) => p.partnerUid === invite.owner)) {
      return fail(`You are already partners with ${invite.ownerName}.`);
    }
    const pairId = newPairId();
    try {
      await remote.redeemInvite(r, code, invite.owner, pairId);
    } catch (e) {
      if (remote.isRefused(e)) return fail('That code can no longer be used (it was just used or has expired). Ask your partner for a new one.');
      throw e;
    }
    const pair: Pair = { id: pairId, partnerUid: invite.owner, partnerName: invite.ownerName, createdAt: now };
    await startPair(deps, pair);
    return ok(pair);
  });
}

/** The summary each live pair should see now. */
async function currentSummaries(deps: SyncDeps): Promise<Map<string, Summary>> {
  const { db } = deps;
  const [pairs, data, state, clock] = await Promise.all([
    livePairs(db),
    loadCheckIn(db),
    deps.state.getValue(),
    deps.clock(),
  ]);
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
        if (!remote.isOffline(e) && !remote.isRefused(e)) console.error('Tandem: sync delivery failed', e);
        if (remote.isRefused(e) && r) {
          await settleRefused(deps, r, item);
          continue;
        }
        await db.outbox.update(item.id, { attempts: item.attempts + 1, dueAt: now + backoffMs(item.attempts + 1) });
        if (remote.isOffline(e)) await markOffline(deps);
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
    await remote.writeSummary(r, item.pairId, summary);
    await db.transaction('rw', db.pairs, db.outbox, async () => {
      await db.pairs.update(item.pairId, { lastPushed: summary, lastPushAt: (await deps.clock()).now });
      // A newer summary queued while this one was on its way stays queued.
      const current = await db.outbox.get(item.id);
      if (current?.kind === 'summary' && sameContent(current.summary, item.summary)) await db.outbox.delete(item.id);
    });
  } else {
    await remote.endPair(r, item.pairId, item.partnerUid);
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
  const pair = await remote.readPair(r, item.pairId).catch(() => undefined);
  if (pair === undefined) return; // cannot tell now; the item stays for the next attempt
  if (pair && !pair.ended && item.kind === 'summary') {
    const stored = await remote.readPartnerSummary(r, item.pairId, r.uid).catch(() => undefined);
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

/** End a pair from this side: it ends here at once; the server learns it through the outbox. */
export async function endPair(deps: SyncDeps, pairId: string): Promise<Result<null>> {
  const { db } = deps;
  const pair = await db.pairs.get(pairId);
  if (!pair || pair.ended) return fail('That partnership has already ended.');
  const { now } = await deps.clock();
  await db.transaction('rw', [db.pairs, db.partnerSummaries, db.outbox, db.commitments], async () => {
    await endLocally(db, pairId, { by: 'me', at: now });
    await db.outbox.put({ id: `end:${pairId}`, kind: 'end', pairId, partnerUid: pair.partnerUid, dueAt: now, attempts: 0 });
  });
  await deliver(deps);
  return ok(null);
}

/**
 * A pair's end on this device (inside the caller's transaction over pairs, partnerSummaries, outbox and
 * commitments): marked ended, the partner's summary and any summary waiting for them gone, nothing shared
 * with them any more, and the oldest live pair takes the badge if this one had it.
 */
async function endLocally(db: TandemDB, pairId: string, ended: NonNullable<Pair['ended']>): Promise<void> {
  await db.pairs.update(pairId, { ended, primary: undefined, lastPushed: undefined });
  await db.partnerSummaries.delete(pairId);
  await db.outbox.delete(`summary:${pairId}`);
  await db.commitments.toCollection().modify((c) => {
    if (c.sharedWith?.includes(pairId)) c.sharedWith = c.sharedWith.filter((id) => id !== pairId);
  });
  const live = await livePairs(db);
  if (live.length > 0 && !live.some((p) => p.primary)) await db.pairs.update(live[0]!.id, { primary: true });
}

async function endedByPartner(deps: SyncDeps, r: Remote, pairId: string, server: remote.RemotePair | null): Promise<void> {
  const { db } = deps;
  const { now } = await deps.clock();
  await db.transaction('rw', [db.pairs, db.partnerSummaries, db.outbox, db.commitments], async () => {
    const pair = await db.pairs.get(pairId);
    if (!pair || pair.ended) return;
    await endLocally(db, pairId, { by: 'partner', at: now });
  });
  // The partner ended it and their summaries are gone; the pair's last document goes too (gone already: any
  // summary of this person's left under it).
  if (server === null || (server.ended && server.endedBy !== r.uid)) await remote.deletePair(r, pairId).catch(() => undefined);
}

/** Forget an ended pair once the person has seen that it ended. */
export async function dismissEnded(db: TandemDB, pairId: string): Promise<void> {
  const pair = await db.pairs.get(pairId);
  if (pair?.ended) await db.pairs.delete(pairId);
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
    await updateState(deps, { offlineSince: undefined });
    return { pulled: true };
  } catch (e) {
    if (!remote.isOffline(e)) throw e;
    await markOffline(deps);
    return { pulled: false, offline: true };
  }
}

async function checkPendingInvite(deps: SyncDeps, r: Remote, pending: { code: string; expiresAt: number }, now: number): Promise<void> {
  const invite = await remote.readInvite(r, pending.code);
  if (invite?.usedBy && invite.pairId) {
    await updateState(deps, { pendingInvite: undefined });
    await remote.deleteInvite(r, pending.code).catch(() => undefined);
    await startPair(deps, { id: invite.pairId, partnerUid: invite.usedBy, partnerName: 'Your partner', createdAt: now });
  } else if (!invite || now >= pending.expiresAt) {
    if (invite) await remote.deleteInvite(r, pending.code).catch(() => undefined);
    await updateState(deps, { pendingInvite: undefined });
  }
}

async function pullPair(deps: SyncDeps, r: Remote, pair: Pair, now: number): Promise<void> {
  const { db } = deps;
  const summary = await remote.readPartnerSummary(r, pair.id, pair.partnerUid);
  if (!summary) {
    const server = await remote.readPair(r, pair.id);
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

/** Share or stop sharing one commitment with one pair; the partner sees the change with the next push. */
export async function setShared(db: TandemDB, commitmentId: string, pairId: string, shared: boolean): Promise<Result<null>> {
  return db.transaction('rw', db.commitments, db.pairs, async () => {
    const [c, pair] = await Promise.all([db.commitments.get(commitmentId), db.pairs.get(pairId)]);
    if (!c) return fail('That commitment no longer exists.');
    if (!pair || pair.ended) return fail('That partnership has ended.');
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
    if (!pair || pair.ended) return fail('That partnership has ended.');
    await db.pairs.toCollection().modify((p) => {
      if (p.id === pairId) p.primary = true;
      else delete p.primary;
    });
    return ok(null);
  });
}
