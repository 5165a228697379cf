import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { checkIn } from '@/utils/services/checkin';
import { recordArrival } from '@/utils/services/block-page';
import { COUNTS_EVERY_MS } from '@/utils/core/partners/cadence';
import { MIN, commit, deepWork, journal, pairUp, peopleOnOneServer, type Person } from './partner-people';

/** The outbox: what is queued for partners and when, and how delivery survives no network and an ended pair. */
const { server, make } = peopleOnOneServer();

/** What `p`'s partner would read on the server now: `title`'s status and counts in `p`'s summary for the pair. */
const onServer = (p: Person, pairId: string, title: string) => server().summary(pairId, p.remote.uid)?.commitments.find((c) => c.title === title);

describe('queue and deliver', () => {
  it('sends a status change at once, holds a change in counts alone until 15 minutes after the last push, and sends a burst as one write', async () => {
    const ana = await make('Ana');
    const j = await commit(ana, journal);
    const pairId = await pairUp(ana, await make('Ben'));
    const pushedAt = server().now;
    const writes = ana.remote.counts.writes;

    server().now += 5 * MIN;
    await recordArrival(ana.deps.db, [j.id], await ana.clock()); // turned back on the block page: a count
    await sync.queueSummaries(ana.deps);
    expect(await ana.deps.db.outbox.toArray()).toMatchObject([{ kind: 'summary', pairId, dueAt: pushedAt + COUNTS_EVERY_MS }]);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 1 });
    expect(ana.scheduled()).toBe(pushedAt + COUNTS_EVERY_MS);
    expect(onServer(ana, pairId, 'Journal')?.turnedBack).toBe(0);

    server().now += MIN;
    await checkIn(ana.deps.db, j.id, await ana.clock()); // a status change: now, carrying the held count along
    await sync.queueSummaries(ana.deps);
    await sync.queueSummaries(ana.deps);
    expect(await ana.deps.db.outbox.count()).toBe(1);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });
    expect(onServer(ana, pairId, 'Journal')).toMatchObject({ status: 'done', turnedBack: 1 });
    expect(ana.remote.counts.writes - writes).toBe(1);
    expect(ana.scheduled()).toBeNull();

    // Nothing changed since: nothing is queued. A count long after the last push goes at once.
    await sync.queueSummaries(ana.deps);
    expect(await ana.deps.db.outbox.count()).toBe(0);
    server().now += 20 * MIN;
    await recordArrival(ana.deps.db, [j.id], await ana.clock());
    await sync.queueSummaries(ana.deps);
    expect((await ana.deps.db.outbox.toArray())[0]?.dueAt).toBe(server().now);
  });

  it('keeps a summary made offline in the outbox, retrying with a growing wait, and delivers it once when the network is back — after a restart too', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const j = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    await sync.pull(ben.deps, 'manual');

    ana.remote.offline = true;
    const wentOffline = server().now;
    await checkIn(ana.deps.db, j.id, await ana.clock());
    await sync.queueSummaries(ana.deps);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 1 });
    let [item] = await ana.deps.db.outbox.toArray();
    expect(item!.attempts).toBe(1);
    expect(item!.dueAt - server().now).toBeGreaterThanOrEqual(24_000); // 30 s ± 20 %
    expect(item!.dueAt - server().now).toBeLessThanOrEqual(36_000);
    expect(ana.scheduled()).toBe(item!.dueAt);
    expect(ana.state().offlineSince).toBe(wentOffline);

    // Not due yet: not even tried.
    const tries = ana.remote.counts.writes;
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 1 });
    expect(ana.remote.counts.writes).toBe(tries);

    // Due, still offline — this time signing in fails: the wait doubles; "offline since" stays the first failure.
    server().now = item!.dueAt;
    const noSignIn = { ...ana.deps, remote: () => Promise.reject(new sync.RemoteError('offline')) };
    expect(await sync.deliver(noSignIn)).toEqual({ delivered: 0, waiting: 1 });
    [item] = await ana.deps.db.outbox.toArray();
    expect(item!.attempts).toBe(2);
    expect(item!.dueAt - server().now).toBeGreaterThanOrEqual(48_000);
    expect(item!.dueAt - server().now).toBeLessThanOrEqual(72_000);
    expect(ana.state().offlineSince).toBe(wentOffline);
    expect(onServer(ana, pairId, 'Journal')?.status).toBe('pending');

    // The worker restarts (new deps over the same database and storage) with the network back.
    ana.remote.offline = false;
    server().now = item!.dueAt;
    const restarted: sync.SyncDeps = { ...ana.deps, effects: {} };
    expect(await sync.deliver(restarted)).toEqual({ delivered: 1, waiting: 0 });
    expect(await sync.deliver(restarted)).toEqual({ delivered: 0, waiting: 0 });
    expect(onServer(ana, pairId, 'Journal')?.status).toBe('done');
    expect(ana.state().offlineSince).toBeUndefined();
    await sync.pull(ben.deps, 'manual');
    expect(ben.told).toEqual(['Ana']);
  });

  it('ends the pair here when a write is refused because the partner ended it; other partners still get theirs', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const j = await commit(ana, journal);
    const withBen = await pairUp(ana, ben);
    const withCat = await pairUp(ana, await make('Cat'));
    expect((await sync.endPair(ben.deps, withBen)).ok).toBe(true);

    server().now += MIN;
    await checkIn(ana.deps.db, j.id, await ana.clock());
    await sync.queueSummaries(ana.deps);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });

    expect((await ana.deps.db.pairs.get(withBen))?.ended?.by).toBe('partner');
    expect((await ana.deps.db.commitments.get(j.id))?.sharedWith).toEqual([withCat]);
    expect((await ana.deps.db.pairs.get(withCat))?.primary).toBe(true); // the badge moves to the partner left
    expect(onServer(ana, withCat, 'Journal')?.status).toBe('done');
    expect(server().pairs.has(withBen)).toBe(false); // Ana removed the ended pair's last document
  });

  it('sends each partner only the commitments shared with them', async () => {
    const ana = await make('Ana');
    const j = await commit(ana, journal);
    await commit(ana, deepWork);
    const withBen = await pairUp(ana, await make('Ben'));
    const withCat = await pairUp(ana, await make('Cat'));

    expect(await sync.setShared(ana.deps.db, j.id, withCat, false)).toEqual({ ok: true, value: null });
    await sync.queueSummaries(ana.deps);
    await sync.deliver(ana.deps);
    const titles = (pairId: string) => server().summary(pairId, ana.remote.uid)?.commitments.map((c) => c.title).sort();
    expect(titles(withBen)).toEqual(['Deep work before email', 'Journal']);
    expect(titles(withCat)).toEqual(['Deep work before email']);
  });
});
