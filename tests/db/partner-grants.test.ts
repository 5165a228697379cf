/** A partner's grant of a repair (issue 11), on fake-indexeddb against the in-memory server. */
import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { addDays, dayOf } from '@/utils/core/days';
import { HOUR, commit, deepWork, pairUp, peopleOnOneServer, type Person } from './partner-people';
import { saveCommitment } from '@/utils/services/commitments';

const { server, make } = peopleOnOneServer();
const DAY = 24 * HOUR;
const push = async (p: Person) => {
  await sync.queueSummaries(p.deps);
  await sync.deliver(p.deps);
};

describe('a partner grants a repair', () => {
  it('Ben grants Ana a repair of a missed day: her pull repairs it; a second grant within 14 days is refused in words', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const deep = await commit(ana, deepWork); // made Wednesday 4 March 09:00, every day, all day
    const pairId = await pairUp(ben, ana);
    server().now += 2 * DAY; // Friday: Wednesday to Thursday missed (no focus at all)
    await push(ana); // what Ben sees: the missed days
    const k = await ana.clock();
    const thursday = addDays(dayOf(k.now, k), -1);
    expect(await sync.grantRepair(ben.deps, pairId, deep.id, thursday)).toEqual({ ok: true, value: null });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(deep.id))!.repairs).toEqual([{ day: thursday, by: 'partner', at: server().now }]);
    // Read again: nothing changes.
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(deep.id))!.repairs).toHaveLength(1);

    server().now += 13 * DAY;
    const again = await sync.grantRepair(ben.deps, pairId, deep.id, addDays(thursday, 13));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/once every 14 days/) });
    server().now += DAY;
    expect(await sync.grantRepair(ben.deps, pairId, deep.id, addDays(thursday, 13))).toMatchObject({ ok: true });
  });

  it('Ana’s side checks too: not a day she kept, not her own grant, not a commitment she does not share, and reads grants hourly', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const deep = await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    server().now += 2 * DAY;
    await push(ana);
    await ana.deps.db.commitments.update(deep.id, { sharedWith: [] }); // unticked since the last push
    const k = await ana.clock();
    const thursday = addDays(dayOf(k.now, k), -1);
    await sync.grantRepair(ben.deps, pairId, deep.id, thursday);
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(deep.id))!.repairs).toBeUndefined(); // not shared with Ben
    await ana.deps.db.commitments.update(deep.id, { sharedWith: [pairId] });
    // A scheduled pull within the hour does not read grants (each read costs); an hour later it does.
    const reads = ana.remote.counts.reads;
    server().now += 20 * 60_000;
    await sync.pull(ana.deps, 'schedule');
    expect(ana.remote.counts.reads - reads).toBe(1);
    expect((await ana.deps.db.commitments.get(deep.id))!.repairs).toBeUndefined();
    server().now += HOUR;
    await sync.pull(ana.deps, 'schedule');
    expect((await ana.deps.db.commitments.get(deep.id))!.repairs).toMatchObject([{ day: thursday, by: 'partner' }]);
    // Ana granting herself is ignored by her own device.
    const self = await make('Self');
    const c = await commit(self, deepWork);
    const pair2 = await pairUp(self, ben);
    server().now += 15 * DAY;
    await self.deps.db.commitments.update(c.id, { sharedWith: [pair2] });
    await push(self);
    const k2 = await self.clock();
    await sync.grantRepair(self.deps, pair2, c.id, addDays(dayOf(k2.now, k2), -1));
    await sync.pull(self.deps, 'manual');
    expect((await self.deps.db.commitments.get(c.id))!.repairs).toBeUndefined();
  });
});

describe('a partner approves an easing', () => {
  it('Ana’s easing waiting for its day applies at once once Ben approves it; an approval for another day does nothing', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const deep = await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    const k = await ana.clock();
    const eased = await saveCommitment(ana.deps.db, { ...deepWork, requirement: { kind: 'focus', minutes: 45 } }, k, deep.id);
    if (!eased.ok || !eased.value.pending) throw new Error('no easing waiting');
    await push(ana);
    await sync.pull(ben.deps, 'manual');
    const seen = (await ben.deps.db.partnerSummaries.get(pairId))!.summary.commitments[0]!;
    expect(seen.easing).toEqual({ day: eased.value.pending.day, words: '45 min focus' });

    expect(await sync.approveEasing(ben.deps, pairId, deep.id, '2026-01-01')).toMatchObject({ ok: true });
    server().now += 10 * 60_000;
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(deep.id))!.pending).toBeDefined(); // not the easing waiting
    expect(await sync.approveEasing(ben.deps, pairId, deep.id, seen.easing!.day)).toMatchObject({ ok: true });
    await sync.pull(ana.deps, 'manual');
    const applied = (await ana.deps.db.commitments.get(deep.id))!;
    expect(applied.pending).toBeUndefined();
    expect(applied.requirement).toEqual({ kind: 'focus', minutes: 45 });
    expect(applied.earlierRules?.at(-1)).toMatchObject({ until: dayOf(k.now, k), requirement: { minutes: 60 } });
  });
});
