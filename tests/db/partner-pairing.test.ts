import { beforeEach, describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { archiveCommitment } from '@/utils/services/commitments';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import type { MemoryServer } from '../support/memory-remote';
import { HOUR, commit, deepWork, journal, pairUp, peopleOnOneServer, type Person } from './partner-people';

/** Pairing, on the sync services with an in-memory server (the emulator suite, tests/sync, covers Firestore itself). */
const { server: current, make } = peopleOnOneServer();
let server: MemoryServer;
beforeEach(() => {
  server = current();
});

async function invite(p: Person): Promise<string> {
  const r = await sync.createInvite(p.deps);
  if (!r.ok) throw new Error(r.error);
  return r.value.code;
}

describe('pairing', () => {
  it('pairs with a typed code: both sides store the pair, the first pair takes the badge, and every live commitment is shared', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const j = await commit(ana, journal);
    const old = await commit(ana, deepWork);
    await archiveCommitment(ana.deps.db, old.id, { ...(await ana.deps.clock()), easingDelayDays: 0 }); // archived at once
    await commit(ben, deepWork);

    const pairId = await pairUp(ana, ben);

    expect(await ana.deps.db.pairs.toArray()).toMatchObject([{ id: pairId, partnerUid: ben.remote.uid, partnerName: 'Ben', primary: true }]);
    expect(await ben.deps.db.pairs.toArray()).toMatchObject([{ id: pairId, partnerUid: ana.remote.uid, partnerName: 'Ana', primary: true }]);
    expect((await ana.deps.db.commitments.get(j.id))?.sharedWith).toEqual([pairId]);
    expect((await ana.deps.db.commitments.get(old.id))?.sharedWith ?? []).toEqual([]); // archived: not shared
    // Each summary went out when the pair was made; Ana's pull has read Ben's, Ben's next pull reads hers.
    expect(server.summary(pairId, ana.remote.uid)?.commitments.map((c) => c.title)).toEqual(['Journal']);
    expect((await ana.deps.db.partnerSummaries.get(pairId))?.summary.commitments.map((c) => c.title)).toEqual(['Deep work before email']);
    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.name).toBe('Ana');
    // The code was used once and then deleted by its owner.
    expect(ana.state().pendingInvite).toBeUndefined();
    expect(server.invites.size).toBe(0);
  });

  it('leaves the badge with the first partner when a second pairs', async () => {
    const ana = await make('Ana');
    const withBen = await pairUp(ana, await make('Ben'));
    const withCat = await pairUp(ana, await make('Cat'));
    expect((await ana.deps.db.pairs.get(withBen))?.primary).toBe(true);
    expect((await ana.deps.db.pairs.get(withCat))?.primary).toBeUndefined();
  });

  it('explains each wrong code and changes nothing: unknown, malformed, own, offline, expired, used, already partners', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const cat = await make('Cat');
    const code = await invite(ana);

    expect(await sync.redeemInvite(ben.deps, 'ABCDE-FGHJK')).toMatchObject({ ok: false, error: expect.stringMatching(/No invite has that code/) });
    expect(await sync.redeemInvite(ben.deps, 'ABC')).toMatchObject({ ok: false, error: expect.stringMatching(/10 characters/) });
    expect(await sync.redeemInvite(ben.deps, 'ABCDE-0OIL1')).toMatchObject({ ok: false, error: expect.stringMatching(/never contain/) });
    expect(await sync.redeemInvite(ana.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/your own invite code/) });
    ben.remote.offline = true;
    expect(await sync.redeemInvite(ben.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/offline/) });
    expect(ben.state().offlineSince).toBe(server.now);
    ben.remote.offline = false;
    const late = await make('Late');
    late.skew = 26 * HOUR; // past the 24 h and the hour of slack, by this device's clock
    expect(await sync.redeemInvite(late.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    for (const p of [ana, ben, late]) expect(await p.deps.db.pairs.count()).toBe(0);
    expect(server.pairs.size).toBe(0);
    expect(server.invites.get(code)?.usedBy).toBeNull();

    expect((await sync.redeemInvite(ben.deps, code)).ok).toBe(true);
    expect(await sync.redeemInvite(cat.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/already been used/) });
    expect(await cat.deps.db.pairs.count()).toBe(0);

    await sync.pull(ana.deps, 'manual');
    expect(await sync.redeemInvite(ben.deps, await invite(ana))).toMatchObject({ ok: false, error: 'You are already partners with Ana.' });
    expect(await ben.deps.db.pairs.count()).toBe(1);
  });

  it('asks for a name before a code is made or entered', async () => {
    const ana = await make('Ana');
    const nameless = await make();
    expect(await sync.createInvite(nameless.deps)).toMatchObject({ ok: false, error: expect.stringMatching(/name/) });
    expect(await sync.redeemInvite(nameless.deps, formatInviteCode(await invite(ana)))).toMatchObject({ ok: false, error: expect.stringMatching(/name/) });
    expect(await sync.setName(nameless.deps, '   ')).toMatchObject({ ok: false });
    expect(await sync.setName(nameless.deps, '  Sam   Lee ')).toEqual({ ok: true, value: 'Sam Lee' });
    expect(nameless.state().name).toBe('Sam Lee');
  });

  it('lets the server decide expiry: a device clock hours off still pairs; past the server’s 24 h the server refuses', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    ana.skew = -5 * HOUR;
    ben.skew = 3 * HOUR;
    expect(await sync.redeemInvite(ben.deps, await invite(ana))).toMatchObject({ ok: true });

    const cat = await make('Cat');
    const dan = await make('Dan');
    const code = await invite(cat);
    server.now += 24 * HOUR + 1; // expired for the server, still within the slack for Dan's clock
    expect(await sync.redeemInvite(dan.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/can no longer be used/) });
    expect(await dan.deps.db.pairs.count()).toBe(0);
  });

  it('replaces a pending code with a new one, and a cancelled code no longer pairs', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const first = await invite(ana);
    const second = await invite(ana);
    expect(second).not.toBe(first);
    expect([...server.invites.keys()]).toEqual([second]);
    expect(ana.state().pendingInvite?.code).toBe(second);

    expect(await sync.cancelInvite(ana.deps)).toEqual({ ok: true, value: null });
    expect(ana.state().pendingInvite).toBeUndefined();
    expect(await sync.redeemInvite(ben.deps, second)).toMatchObject({ ok: false, error: expect.stringMatching(/No invite has that code/) });
  });
});
