import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { checkIn } from '@/utils/services/checkin';
import { BADGE_DONE, BADGE_WAITING } from '@/utils/core/partners/partner';
import { HOUR, MIN, commit, journal, pairUp, peopleOnOneServer } from './partner-people';

/** Pull: partners' summaries, the invite this person waits on, and pairs the partner ended. */
const { server, make } = peopleOnOneServer();

describe('pull', () => {
  it('stores the partner’s summary and name, tells once when they finish the day, and shows their streak on the badge', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const j = await commit(ben, journal);
    const pairId = await pairUp(ana, ben);
    // The inviter knows the partner's name only from their summary.
    expect((await ana.deps.db.pairs.get(pairId))?.partnerName).toBe('Ben');
    expect(await sync.partnerBadge(ana.deps.db, server().now)).toMatchObject({ text: '0', color: BADGE_WAITING });

    server().now += 10 * MIN;
    await checkIn(ben.deps.db, j.id, await ben.clock());
    await sync.queueSummaries(ben.deps);
    await sync.deliver(ben.deps);
    await sync.setName(ben.deps, 'Benjamin');
    await sync.queueSummaries(ben.deps);
    await sync.deliver(ben.deps);
    expect((await sync.pull(ana.deps, 'manual')).pulled).toBe(true);

    const stored = await ana.deps.db.partnerSummaries.get(pairId);
    expect(stored?.summary.commitments).toMatchObject([{ title: 'Journal', status: 'done', streak: 1 }]);
    expect(stored?.fetchedAt).toBe(server().now);
    expect((await ana.deps.db.pairs.get(pairId))?.partnerName).toBe('Benjamin');
    expect(await sync.partnerBadge(ana.deps.db, server().now)).toMatchObject({ text: '1', color: BADGE_DONE });
    expect(ana.told).toEqual(['Benjamin']);
    await sync.pull(ana.deps, 'manual');
    expect(ana.told).toEqual(['Benjamin']); // the same finished day is told once
  });

  it('pulls only when worth it: nobody to pull from, a page at most every 2 minutes, the schedule every 15, a Refresh always', async () => {
    const ana = await make('Ana');
    const reads = () => ana.remote.counts.reads;
    expect(await sync.pull(ana.deps, 'manual')).toEqual({ pulled: false });
    expect(reads()).toBe(0);

    await pairUp(ana, await make('Ben'));
    const base = reads();
    server().now += 1 * MIN;
    expect((await sync.pull(ana.deps, 'page')).pulled).toBe(false);
    expect((await sync.pull(ana.deps, 'manual')).pulled).toBe(true);
    server().now += 2 * MIN;
    expect((await sync.pull(ana.deps, 'page')).pulled).toBe(true);
    server().now += 10 * MIN;
    expect((await sync.pull(ana.deps, 'schedule')).pulled).toBe(false);
    server().now += 5 * MIN;
    expect((await sync.pull(ana.deps, 'schedule')).pulled).toBe(true);
    // One read per pull with one partner, and one more for their reviews and messages (issue 10) at a Refresh, a
    // page's pull an hour after the last such read, or the schedule's every 2 hours: here the Refresh's.
    expect(reads() - base).toBe(4);
  });

  it('says a pull found no network, remembers since when, and forgets it once a pull gets through', async () => {
    const ana = await make('Ana');
    await pairUp(ana, await make('Ben'));
    ana.remote.offline = true;
    const since = server().now;
    expect(await sync.pull(ana.deps, 'manual')).toEqual({ pulled: false, offline: true });
    server().now += 5 * MIN;
    expect(await sync.pull(ana.deps, 'manual')).toEqual({ pulled: false, offline: true });
    expect(ana.state().offlineSince).toBe(since);
    ana.remote.offline = false;
    expect(await sync.pull(ana.deps, 'manual')).toEqual({ pulled: true });
    expect(ana.state().offlineSince).toBeUndefined();
  });

  it('makes the pair on the inviter’s side once the code was used: stored, the invite deleted, her summary sent', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, journal);
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    expect((await sync.pull(ana.deps, 'manual')).pulled).toBe(true); // not used yet: still waiting
    expect(ana.state().pendingInvite?.code).toBe(invite.value.code);
    expect(await ana.deps.db.pairs.count()).toBe(0);

    const redeemed = await sync.redeemInvite(ben.deps, invite.value.display);
    if (!redeemed.ok) throw new Error(redeemed.error);
    server().now += 3 * MIN;
    await sync.pull(ana.deps, 'page');

    expect(await ana.deps.db.pairs.toArray()).toMatchObject([{ id: redeemed.value.id, partnerUid: ben.remote.uid, primary: true }]);
    expect(ana.state().pendingInvite).toBeUndefined();
    expect(server().invites.has(invite.value.code)).toBe(false);
    expect(server().summary(redeemed.value.id, ana.remote.uid)?.commitments.map((c) => c.title)).toEqual(['Journal']);
  });

  it('forgets an invite nobody used once it has expired, and deletes it from the server', async () => {
    const ana = await make('Ana');
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    server().now += 25 * HOUR;
    await sync.pull(ana.deps, 'schedule');
    expect(ana.state().pendingInvite).toBeUndefined();
    expect(server().invites.size).toBe(0);
    expect(await sync.pullWanted(ana.deps.db, ana.state())).toBe(false);
  });

  it('waits for a partner who has not written yet, without ending the pair', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    // Ben's network drops right after the pair is made: his first summary waits in his outbox.
    const redeemBen = { ...ben.deps, remote: async () => ({ ...ben.remote, writeSummary: () => Promise.reject(new sync.RemoteError('offline')) }) };
    const redeemed = await sync.redeemInvite(redeemBen, invite.value.code);
    if (!redeemed.ok) throw new Error(redeemed.error);
    expect(await ben.deps.db.outbox.count()).toBe(1);

    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(redeemed.value.id))?.ended).toBeUndefined();
    expect(await ana.deps.db.partnerSummaries.count()).toBe(0);
    expect(await sync.partnerBadge(ana.deps.db, server().now)).toMatchObject({ text: '', title: expect.stringMatching(/waiting for/) });
  });
});
