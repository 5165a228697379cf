import { describe, expect, it } from 'vitest';
import { doc, getDoc } from 'firebase/firestore/lite';
import { authEmulator, firestoreEmulator, skipNotice } from '../support/emulator-env';
import { asAdministrator, crowd } from './crowd';
import type { Person } from './people';
import * as sync from '@/utils/services/sync';
import { saveCommitment } from '@/utils/services/commitments';
import { checkIn } from '@/utils/services/checkin';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { SHARED_KEYS } from '@/utils/core/partners/summary';
import type { CommitmentDraft } from '@/utils/core/types';
import { dayKeyAt } from '@/utils/core/days';
import { forgetMeOnServer } from '@/utils/services/partners/forget';
import { deleteEverything } from '@/utils/services/everything';

/**
 * Sync end to end in Node: the services over Dexie (fake-indexeddb), Firestore Lite against the official
 * Firestore emulator enforcing firestore.rules, and anonymous accounts from the Auth emulator.
 */
const firestore = firestoreEmulator();
const auth = authEmulator();
skipNotice([firestore, 'firestore'], [auth, 'auth']);

const PROJECT = 'demo-tandem-sync';
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as CommitmentDraft['schedule'][number]['days'];
// Until the day start (04:00, people.ts), which means the whole day: the window is open at whatever hour the tests
// run on the real clock (a 23:59 window made the deep-work commitment start tomorrow when they ran after midnight).
const ALL_DAY = 4 * 60;
const journal: CommitmentDraft = {
  title: 'Journal every evening', why: 'To notice my days', sites: [],
  requirement: { kind: 'habit', times: 1, per: 'day' }, schedule: [{ days: EVERY_DAY, untilMinutes: ALL_DAY }],
};
const deepWork: CommitmentDraft = {
  title: 'Deep work before email', why: 'My secret: mail.google.com eats my mornings', sites: ['mail.google.com', '*.fastmail.com'],
  requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: EVERY_DAY, untilMinutes: ALL_DAY }],
};

describe.skipIf(!firestore || !auth)('partner sync against the Firestore and Auth emulators', () => {
  const { make } = crowd(PROJECT, firestore!, auth!);
  const server = asAdministrator(firestore!, PROJECT);

  /** Whether the Auth emulator still has this account (asked as an administrator). */
  const accountExists = async (uid: string) => {
    const res = await fetch(`http://${auth!.host}:${auth!.port}/identitytoolkit.googleapis.com/v1/accounts:lookup?key=demo-key`, {
      method: 'POST', headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' }, body: JSON.stringify({ localId: [uid] }),
    });
    expect(res.ok).toBe(true);
    return ((await res.json()) as { users?: unknown[] }).users?.length === 1;
  };

  async function named(label: string, name: string) {
    const p = await make(label);
    expect((await sync.setName(p.deps, name)).ok).toBe(true);
    return p;
  }

  async function commit(p: Person, draft: CommitmentDraft) {
    const r = await saveCommitment(p.deps.db, draft, await p.deps.clock());
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }

  /** Ana invites, Ben enters the code as he might type it; both then pull once. */
  async function pairUp(ana: Person, ben: Person) {
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    const typed = ` ${formatInviteCode(invite.value.code).toLowerCase()} `;
    const redeemed = await sync.redeemInvite(ben.deps, typed);
    if (!redeemed.ok) throw new Error(redeemed.error);
    await sync.pull(ana.deps, 'manual');
    await sync.pull(ben.deps, 'manual');
    return redeemed.value.id;
  }

  it('pairs two people with a typed code: both see each other within one sync', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    await commit(ana, journal);
    await commit(ben, deepWork);
    const pairId = await pairUp(ana, ben);

    const [anaPair] = await ana.deps.db.pairs.toArray();
    const [benPair] = await ben.deps.db.pairs.toArray();
    expect(anaPair).toMatchObject({ id: pairId, partnerName: 'Ben', partnerUid: ben.remote.uid, primary: true });
    expect(benPair).toMatchObject({ id: pairId, partnerName: 'Ana', partnerUid: ana.remote.uid, primary: true });
    expect((await ana.deps.db.partnerSummaries.get(pairId))?.summary.commitments.map((c) => c.title)).toEqual(['Deep work before email']);
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.commitments.map((c) => c.title)).toEqual(['Journal every evening']);
    // The invite was used once and then removed by its owner.
    expect((await ana.deps.state.getValue()).pendingInvite).toBeUndefined();
  });

  it('sends only the summary: no sites, no "why", no field outside the allowlist reaches the server', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    await commit(ben, deepWork);
    const pairId = await pairUp(ana, ben);

    const raw = await getDoc(doc(ana.remote.db, 'pairs', pairId, 'summaries', ben.remote.uid));
    const data = raw.data()!;
    expect(Object.keys(data).sort()).toEqual(['commitments', 'day', 'dayEnds', 'name', 'rev', 'updatedAt']);
    // One string per commitment: id|kind|status|unit|streak|best|focus|turnedBack|wentAnyway|doneAt|days|ahead|title
    // (`ahead` holds the pause, the easing waiting, the recalibration and the pledge, issue 11).
    expect(data.commitments).toHaveLength(1);
    expect(data.commitments[0].split('|')).toHaveLength(SHARED_KEYS.length - 3);
    expect(data.commitments[0]).toMatch(/\|gate\|(pending|in-progress|not-today)\|day\|0\|0\|0\|0\|0\|\|[dmnprx.]*x\|\|Deep work before email$/);
    const text = JSON.stringify(data);
    for (const secret of ['mail.google.com', 'fastmail', 'eats my mornings', 'sites', 'why']) expect(text).not.toContain(secret);
  });

  it('explains each wrong code and changes nothing: unknown, own, used, expired, malformed, offline', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const cat = await named('cat', 'Cat');
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    const code = invite.value.code;

    expect(await sync.redeemInvite(ben.deps, 'ABCDE-FGHJK')).toMatchObject({ ok: false, error: expect.stringMatching(/No invite has that code/) });
    expect(await sync.redeemInvite(ben.deps, 'ABC')).toMatchObject({ ok: false, error: expect.stringMatching(/10 characters/) });
    expect(await sync.redeemInvite(ben.deps, 'ABCDE-0OIL1')).toMatchObject({ ok: false, error: expect.stringMatching(/never contain/) });
    expect(await sync.redeemInvite(ana.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/your own invite code/) });
    ben.goOffline();
    expect(await sync.redeemInvite(ben.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/offline/) });
    ben.goOnline();
    const late = await named('late', 'Late');
    late.later(26 * 3600_000); // past the 24 h and the hour of slack for a clock running ahead
    expect(await sync.redeemInvite(late.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) });
    for (const p of [ana, ben, late]) expect(await p.deps.db.pairs.count()).toBe(0);

    expect((await sync.redeemInvite(ben.deps, code)).ok).toBe(true);
    expect(await sync.redeemInvite(cat.deps, code)).toMatchObject({ ok: false, error: expect.stringMatching(/already been used/) });
    expect(await cat.deps.db.pairs.count()).toBe(0);
  });

  it('pairs even when a device clock is hours off: the server’s own time decides expiry', async () => {
    const H = 3600_000;
    // [inviter's clock, redeemer's clock], off by hours either way.
    for (const [anaSkew, benSkew] of [[5 * H, 0], [-5 * H, 0], [0, 3 * H], [0, -5 * H]] as const) {
      const ana = await named('ana', 'Ana');
      const ben = await named('ben', 'Ben');
      ana.later(anaSkew);
      ben.later(benSkew);
      const invite = await sync.createInvite(ana.deps);
      expect(invite.ok).toBe(true);
      expect(await sync.redeemInvite(ben.deps, invite.ok ? invite.value.code : '')).toMatchObject({ ok: true });
      expect(await ben.deps.db.pairs.count()).toBe(1);
    }
  });

  it('keeps a check-in made offline in the outbox and delivers it exactly once when the network returns', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const c = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.commitments[0]?.status).toBe('pending');

    ana.goOffline();
    expect((await checkIn(ana.deps.db, c.id, await ana.deps.clock())).ok).toBe(true);
    await sync.queueSummaries(ana.deps);
    const offline = await sync.deliver(ana.deps);
    expect(offline).toEqual({ delivered: 0, waiting: 1 });
    const [waiting] = await ana.deps.db.outbox.toArray();
    expect(waiting).toMatchObject({ kind: 'summary', attempts: 1 });
    expect(waiting!.dueAt).toBeGreaterThan((await ana.deps.clock()).now);
    expect((await ana.deps.state.getValue()).offlineSince).toBeDefined();

    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.commitments[0]?.status).toBe('pending');

    ana.goOnline();
    ana.later(60_000);
    const writesBefore = ana.remote.counts.writes;
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 0 });
    await sync.queueSummaries(ana.deps); // nothing changed since: nothing queued
    expect(await ana.deps.db.outbox.count()).toBe(0);
    expect(ana.remote.counts.writes - writesBefore).toBe(1);

    await sync.pull(ben.deps, 'manual');
    const seen = (await ben.deps.db.partnerSummaries.get(pairId))!.summary.commitments[0]!;
    expect(seen.status).toBe('done');
    expect(seen.streak).toBe(1);
    expect(seen.days.endsWith('d')).toBe(true);
    expect(ben.told).toEqual(['Ana']);
  });

  it('coalesces a burst of changes into one write, and holds count-only changes for a while', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const c = await commit(ana, journal);
    await pairUp(ana, ben);
    const writesBefore = ana.remote.counts.writes;

    const clock = await ana.deps.clock();
    const today = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
    await ana.deps.db.attempts.add({ id: 'a1', commitmentId: c.id, day: today, at: clock.now, outcome: 'turned-back' });
    await sync.queueSummaries(ana.deps);
    const [held] = await ana.deps.db.outbox.toArray();
    expect(held!.dueAt - (await ana.deps.clock()).now).toBeGreaterThan(10 * 60_000);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 1 });

    // A status change goes out now, carrying the held counts with it: one write for the burst.
    await checkIn(ana.deps.db, c.id, await ana.deps.clock());
    await sync.queueSummaries(ana.deps);
    await sync.queueSummaries(ana.deps);
    expect(await ana.deps.db.outbox.count()).toBe(1);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });
    expect(ana.remote.counts.writes - writesBefore).toBe(1);
  });

  it('shares each commitment only with the partners chosen for it', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const cat = await named('cat', 'Cat');
    const j = await commit(ana, journal);
    await commit(ana, deepWork);
    const withBen = await pairUp(ana, ben);
    const withCat = await pairUp(ana, cat);
    expect((await sync.setShared(ana.deps.db, j.id, withCat, false)).ok).toBe(true);
    await sync.queueSummaries(ana.deps);
    await sync.deliver(ana.deps);
    await sync.pull(ben.deps, 'manual');
    await sync.pull(cat.deps, 'manual');
    const titles = async (p: Person, pairId: string) => (await p.deps.db.partnerSummaries.get(pairId))!.summary.commitments.map((c) => c.title).sort();
    expect(await titles(ben, withBen)).toEqual(['Deep work before email', 'Journal every evening']);
    expect(await titles(cat, withCat)).toEqual(['Deep work before email']);
    // The badge follows the first partner unless another is chosen.
    expect((await ana.deps.db.pairs.get(withBen))?.primary).toBe(true);
    await sync.setPrimary(ana.deps.db, withCat);
    expect((await ana.deps.db.pairs.get(withBen))?.primary).toBeUndefined();
    expect((await ana.deps.db.pairs.get(withCat))?.primary).toBe(true);
  });

  it('ends a pair from either side: the other sees it, and the shared data is deleted from the server', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const c = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);

    expect((await sync.endPair(ben.deps, pairId)).ok).toBe(true);
    expect((await ben.deps.db.pairs.get(pairId))?.ended?.by).toBe('me');
    expect(await ben.deps.db.outbox.count()).toBe(0);

    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
    expect(await ana.deps.db.partnerSummaries.count()).toBe(0);
    expect((await ana.deps.db.commitments.get(c.id))?.sharedWith).toEqual([]);

    // Nothing of the pair is left on the server (read with the rules off, as an administrator would).
    expect(await server.status(`pairs/${pairId}`)).toBe(404);
    expect(await server.status(`pairs/${pairId}/summaries/${ana.remote.uid}`)).toBe(404);
    expect(await server.status(`pairs/${pairId}/summaries/${ben.remote.uid}`)).toBe(404);
    // Once Ana has seen it, the ended pair is forgotten.
    await sync.dismissEnded(ana.deps.db, pairId);
    expect(await ana.deps.db.pairs.count()).toBe(0);
  });

  it('deletes everything of a person on the server: pair ended, summaries and invites gone, the account deleted', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    await commit(ana, journal);
    await commit(ben, deepWork);
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    const redeemed = await sync.redeemInvite(ben.deps, invite.value.code);
    if (!redeemed.ok) throw new Error(redeemed.error);
    const pairId = redeemed.value.id;
    await sync.queueSummaries(ben.deps);
    await sync.deliver(ben.deps);
    const own = await sync.createInvite(ben.deps); // Ben's own open invite, for someone else
    if (!own.ok) throw new Error(own.error);
    expect(await server.status(`pairs/${pairId}/summaries/${ben.remote.uid}`)).toBe(200);
    expect(await server.status(`invites/${invite.value.code}`)).toBe(200); // Ana has not looked since

    const r = await deleteEverything({ db: ben.deps.db, forgetOnServer: () => forgetMeOnServer(ben.deps), clearStorage: async () => undefined });
    expect(r).toEqual({ ok: true, value: null });
    expect(await server.status(`pairs/${pairId}/summaries/${ben.remote.uid}`)).toBe(404);
    expect(await server.status(`invites/${own.value.code}`)).toBe(404);
    expect(await server.status(`inviters/${ben.remote.uid}`)).toBe(404);
    expect(await accountExists(ben.remote.uid)).toBe(false);
    expect(await accountExists(ana.remote.uid)).toBe(true);
    expect(await ben.deps.db.commitments.count()).toBe(0);

    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
    // Ana's invite (with her name) led her to the pair; she removed it and the pair's last document.
    expect(await server.status(`invites/${invite.value.code}`)).toBe(404);
    expect(await server.status(`pairs/${pairId}`)).toBe(404);
  });

  it('removes a summary that reached an ended pair with the pair, so nothing of it stays on the server', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const pairId = await pairUp(ana, ben);
    expect((await sync.endPair(ben.deps, pairId)).ok).toBe(true);
    await server.write(`pairs/${pairId}/summaries/${ben.remote.uid}`, { name: 'Ben' }); // raced in after the end

    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
    expect(await server.status(`pairs/${pairId}/summaries/${ben.remote.uid}`)).toBe(404);
    expect(await server.status(`pairs/${pairId}`)).toBe(404);
  });

  it('is not frozen by a device clock that was a year ahead for a while', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const c = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);

    // A year ahead: the summary describes a day the server will not take as today's (refused, dropped).
    ana.later(365 * 24 * 3600_000);
    await sync.queueSummaries(ana.deps);
    await sync.deliver(ana.deps);
    expect(await ana.deps.db.outbox.count()).toBe(0);

    // The clock put right: the next change goes through (rev counts writes; it never held a clock's time).
    ana.later(-365 * 24 * 3600_000);
    expect((await checkIn(ana.deps.db, c.id, await ana.deps.clock())).ok).toBe(true);
    await sync.queueSummaries(ana.deps);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });
    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.commitments[0]?.status).toBe('done');
  });

  it('recovers when a write landed but its answer was lost: the next one is numbered from the server', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const c = await commit(ana, journal);
    const pairId = await pairUp(ana, ben);
    // This device believes the server one write behind (the answer to the last write never came).
    const pair = (await ana.deps.db.pairs.get(pairId))!;
    await ana.deps.db.pairs.update(pairId, { lastPushed: { ...pair.lastPushed!, rev: pair.lastPushed!.rev - 1 } });

    expect((await checkIn(ana.deps.db, c.id, await ana.deps.clock())).ok).toBe(true);
    await sync.queueSummaries(ana.deps);
    // Refused (that rev is taken, with other content): kept, with the server's rev learnt.
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 0, waiting: 1 });
    ana.later(60 * 60_000);
    expect(await sync.deliver(ana.deps)).toEqual({ delivered: 1, waiting: 0 });
    expect((await ana.deps.db.pairs.get(pairId))?.lastPushed?.rev).toBe(pair.lastPushed!.rev + 1);
    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.partnerSummaries.get(pairId))?.summary.commitments[0]?.status).toBe('done');
  });

  it('ends a pair made offline once the network returns', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const pairId = await pairUp(ana, ben);
    ben.goOffline();
    expect((await sync.endPair(ben.deps, pairId)).ok).toBe(true);
    expect(await ben.deps.db.outbox.count()).toBe(1);
    ben.goOnline();
    ben.later(60_000);
    expect(await sync.deliver(ben.deps)).toEqual({ delivered: 1, waiting: 0 });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
  });
});
