import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { forgetMeOnServer } from '@/utils/services/partners/forget';
import { deleteEverything } from '@/utils/services/everything';
import { MIN, commit, journal, pairUp, peopleOnOneServer } from './partner-people';

/** Deleting everything when paired: the server's half (forget.ts) before the local wipe (everything.ts). */
const { server, make } = peopleOnOneServer();

const wipe = (deps: sync.SyncDeps) =>
  deleteEverything({ db: deps.db, forgetOnServer: () => forgetMeOnServer(deps), clearStorage: async () => undefined });

describe('delete everything, paired', () => {
  it('ends the pair, deletes both summaries, the invite naming them and the account; the partner sees it ended', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    await sync.queueSummaries(ana.deps);
    await sync.deliver(ana.deps);
    await sync.queueSummaries(ben.deps);
    await sync.deliver(ben.deps);
    expect(server().summaries.size).toBe(2);
    // Issue 10: a message each way; they go with the pair too.
    await sync.sendToPartner(ben.deps, pairId, 'cheer', 'clap');
    server().now += MIN;
    await sync.pull(ana.deps, 'manual');
    await sync.sendToPartner(ana.deps, pairId, 'text', 'Thanks, Ben');
    expect(server().messages.size).toBe(2);

    expect(await wipe(ana.deps)).toEqual({ ok: true, value: null });
    expect(server().summaries.size).toBe(0);
    expect(server().messages.size).toBe(0);
    expect(server().invites.size).toBe(0);
    expect(server().pairs.get(pairId)).toMatchObject({ ended: true, endedBy: ana.remote.uid });
    expect(server().deletedAccounts.has(ana.remote.uid)).toBe(true);
    expect(await ana.deps.db.commitments.count()).toBe(0);
    expect(await ana.deps.db.pairs.count()).toBe(0);

    server().now += MIN;
    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
    expect(server().pairs.size).toBe(0); // Ben removed the pair's last document once he had seen it
  });

  it('works for the person who used the invite: their own open invite goes; the inviter cleans up at their next pull', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    const pair = await sync.redeemInvite(ben.deps, invite.value.code);
    if (!pair.ok) throw new Error(pair.error);
    expect((await sync.createInvite(ben.deps)).ok).toBe(true); // Ben invites someone else as well
    expect(server().invites.size).toBe(2); // Ana has not looked since: her used invite is still there

    expect(await wipe(ben.deps)).toEqual({ ok: true, value: null });
    expect([...server().invites.keys()]).toEqual([invite.value.code]); // Ana's, with her name: hers to delete
    expect(server().pairs.get(pair.value.id)).toMatchObject({ ended: true, endedBy: ben.remote.uid });
    expect(server().deletedAccounts.has(ben.remote.uid)).toBe(true);

    // Ana's next pull finds the pair through her invite, sees it ended, and nothing of it is left.
    server().now += MIN;
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pair.value.id))?.ended?.by).toBe('partner');
    expect(server().pairs.size).toBe(0);
    expect(server().invites.size).toBe(0);
  });

  it('offline: says so in words and changes nothing here; the retry online finishes the job', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    ana.remote.offline = true;
    const r = await wipe(ana.deps);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/offline/) });
    expect(await ana.deps.db.commitments.count()).toBe(1);
    expect(await ana.deps.db.pairs.count()).toBe(1);
    expect(server().pairs.get(pairId)?.ended).toBe(false);

    ana.remote.offline = false;
    expect(await wipe(ana.deps)).toEqual({ ok: true, value: null });
    expect(server().pairs.get(pairId)?.ended).toBe(true);
    expect(await ana.deps.db.commitments.count()).toBe(0);
  });

  it('a pair the partner had already ended: its last document goes, and nothing is refused', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const pairId = await pairUp(ana, ben);
    await sync.endPair(ben.deps, pairId);
    expect(await wipe(ana.deps)).toEqual({ ok: true, value: null });
    expect(server().pairs.size).toBe(0);
    expect(server().invites.size).toBe(0);
  });

  it('never signed in: touches no server and makes no account', async () => {
    const ana = await make('Ana');
    await commit(ana, journal);
    const deps = { ...ana.deps, existing: async () => null };
    expect(await wipe(deps)).toEqual({ ok: true, value: null });
    expect(ana.remote.counts).toEqual({ reads: 0, writes: 0 });
    expect(await ana.deps.db.commitments.count()).toBe(0);
  });
});
