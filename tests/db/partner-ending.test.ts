import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { MIN, commit, journal, pairUp, peopleOnOneServer } from './partner-people';

/** Ending a pair, from either side, online or not; what is left on each device and on the server. */
const { server, make } = peopleOnOneServer();

describe('ending a pair', () => {
  it('ends at once on this side; the partner learns it at their next pull; nothing of the pair is left on the server', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const j = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    await sync.pull(ben.deps, 'manual');

    expect(await sync.endPair(ben.deps, pairId)).toEqual({ ok: true, value: null });
    expect((await ben.deps.db.pairs.get(pairId))?.ended).toEqual({ by: 'me', at: server().now });
    expect(await ben.deps.db.partnerSummaries.count()).toBe(0);
    expect(await ben.deps.db.outbox.count()).toBe(0);
    expect(server().pairs.get(pairId)).toMatchObject({ ended: true, endedBy: ben.remote.uid });
    expect(server().summaries.size).toBe(0);
    expect(await sync.endPair(ben.deps, pairId)).toMatchObject({ ok: false, error: expect.stringMatching(/already ended/) });

    server().now += MIN;
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended).toEqual({ by: 'partner', at: server().now });
    expect(await ana.deps.db.partnerSummaries.count()).toBe(0);
    expect((await ana.deps.db.commitments.get(j.id))?.sharedWith).toEqual([]);
    expect(await sync.partnerBadge(ana.deps.db, server().now)).toBeNull();
    expect(server().pairs.size).toBe(0); // Ana removed the tombstone once she had seen it

    // The ended pair stays until the person has seen it; a pull does not bring it back.
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.pairs.count()).toBe(1);
    await sync.dismissEnded(ana.deps.db, pairId);
    expect(await ana.deps.db.pairs.count()).toBe(0);
  });

  it('ends offline at once here; the end waits in the outbox and reaches the server when the network is back', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const pairId = await pairUp(ana, ben);
    ben.remote.offline = true;
    expect((await sync.endPair(ben.deps, pairId)).ok).toBe(true);
    expect((await ben.deps.db.pairs.get(pairId))?.ended?.by).toBe('me');
    expect(await ben.deps.db.outbox.toArray()).toMatchObject([{ kind: 'end', pairId, attempts: 1 }]);

    server().now += 3 * MIN;
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended).toBeUndefined(); // not ended on the server yet

    ben.remote.offline = false;
    expect(await sync.deliver(ben.deps)).toEqual({ delivered: 1, waiting: 0 });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
  });

  it('settles both ending at once: each side ended, the late end refused without harm, the pair gone from the server', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const pairId = await pairUp(ana, ben);
    ana.remote.offline = true;
    await sync.endPair(ana.deps, pairId);
    await sync.endPair(ben.deps, pairId);
    ana.remote.offline = false;
    server().now += 5 * MIN;
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 0 });
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('me');
    expect((await ben.deps.db.pairs.get(pairId))?.ended?.by).toBe('me');
    expect(server().pairs.size).toBe(0);
  });

  it('a pair gone from the server counts as ended by the partner', async () => {
    const ana = await make('Ana');
    const pairId = await pairUp(ana, await make('Ben'));
    server().pairs.delete(pairId);
    server().summaries.clear();
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
  });

  it('dismisses only an ended pair', async () => {
    const ana = await make('Ana');
    const pairId = await pairUp(ana, await make('Ben'));
    await sync.dismissEnded(ana.deps.db, pairId);
    expect(await ana.deps.db.pairs.count()).toBe(1);
  });
});
