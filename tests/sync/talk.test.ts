/**
 * The partner half of the weekly check-in end to end (issue 10): the services over Dexie, Firestore Lite against the
 * official emulator enforcing firestore.rules, anonymous accounts from the Auth emulator.
 */
import { describe, expect, it } from 'vitest';
import { authEmulator, firestoreEmulator, skipNotice } from '../support/emulator-env';
import { crowd } from './crowd';
import * as sync from '@/utils/services/sync';
import { saveCommitment } from '@/utils/services/commitments';
import { dayOf } from '@/utils/core/days';
import { weekStartOf } from '@/utils/core/streak-engine';
import { missedLastWeek, nudgeDraft } from '@/utils/core/partners/nudge';
import type { CommitmentDraft } from '@/utils/core/types';
import type { OutboxItem } from '@/utils/core/partners/types';

const firestore = firestoreEmulator();
const auth = authEmulator();
skipNotice([firestore, 'firestore'], [auth, 'auth']);
const PROJECT = 'demo-tandem-talk-sync';
const DAY = 86_400_000;
const deepWork: CommitmentDraft = {
  title: 'Deep work', why: 'secret reasons', sites: ['mail.google.com'],
  requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 4 * 60 }],
};

describe.skipIf(!firestore || !auth)('the weekly review and messages between partners, against the emulators', () => {
  const { named, pairUp } = crowd(PROJECT, firestore!, auth!);

  it('Ana misses two days; Ben gets the drafted nudge and sends it; she reads it, shares her week, and he reads it and cheers', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const k = await ana.deps.clock();
    const made = await saveCommitment(ana.deps.db, deepWork, { ...k, now: k.now - 2 * DAY }); // the two days before today missed
    if (!made.ok) throw new Error(made.error);
    const pairId = await pairUp(ana, ben);
    await sync.pull(ben.deps, 'manual');
    const seen = (await ben.deps.db.partnerSummaries.get(pairId))!.summary;
    const missed = missedLastWeek(seen);
    expect(missed).toHaveLength(1);
    const draft = nudgeDraft(missed[0]!, 'en');
    expect(draft).toMatch(/^I noticed deep work didn’t happen on \w+ and \w+\. What got in the way, and how can I help\?$/);
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', draft)).toEqual({ ok: true, value: null });

    await sync.pull(ana.deps, 'manual');
    const inbox = await ana.deps.db.partnerMessages.toArray();
    expect(inbox.map((m) => [m.text, m.from])).toEqual([[draft, ben.remote.uid]]);

    const weekStart = weekStartOf(dayOf(k.now, k), 1);
    await ana.deps.db.reviews.put({
      weekStart, status: 'done', updatedAt: k.now, kept: {}, obstacles: ['email-first'], notes: 'private', ratings: { stress: 4 },
      intentions: [{ id: 'i', cue: { kind: 'time', minutes: 9 * 60 }, commitmentId: made.value.id, action: 'start a focus session' }],
      report: { weekStart, hours: 168, completion: 0, commitments: [{ commitmentId: made.value.id, title: 'Deep work', unit: 'days', done: 0, target: 3, missedDays: [], focusMinutes: 0, turnedBack: 2, wentAnyway: 0, streakBefore: 0, streakAfter: 0, streakUnit: 'day' }] },
    });
    await sync.queueReviews(ana.deps);
    await sync.deliver(ana.deps);
    expect(await ana.deps.db.outbox.count()).toBe(0);

    await sync.pull(ben.deps, 'manual');
    const week = (await ben.deps.db.partnerReviews.get(pairId))!;
    expect(week.review).toMatchObject({ weekStart, rows: [{ title: 'Deep work', done: 0, target: 3, turnedBack: 2 }], plans: [{ cue: 'At 09:00', action: 'start a focus session', title: 'Deep work' }], ratings: null });
    expect(typeof week.review.at).toBe('number');
    expect(await sync.sendToPartner(ben.deps, pairId, 'cheer', 'strong')).toEqual({ ok: true, value: null });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.partnerMessages.toArray()).map((m) => m.text).sort()).toEqual([draft, 'strong'].sort());

    // Ana ends the pair: both reviews and the messages go from the server with it (the rules let her, once ended).
    expect(await sync.endPair(ana.deps, pairId)).toEqual({ ok: true, value: null });
    expect(await ana.deps.db.outbox.count()).toBe(0);
    const { getDocs, collection } = await import('firebase/firestore');
    const { initializeTestEnvironment } = await import('@firebase/rules-unit-testing');
    const env = await initializeTestEnvironment({ projectId: PROJECT, firestore: { host: firestore!.host, port: firestore!.port } });
    let left = -1;
    await env.withSecurityRulesDisabled(async (ctx) => {
      left = (await getDocs(collection(ctx.firestore() as never, 'pairs', pairId, 'talk'))).size;
    });
    await env.cleanup();
    expect(left).toBe(0);
  });

  it('a retry after a lost answer is the same message (the rules refuse a second write of its id); one taken back is gone', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const k = await ana.deps.clock();
    await saveCommitment(ana.deps.db, deepWork, k);
    const pairId = await pairUp(ana, ben);
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', 'Proud of you')).toEqual({ ok: true, value: null });
    const sent = (await ben.deps.db.partnerMessages.toArray())[0]!;
    expect(sent).toMatchObject({ sending: false, text: 'Proud of you' });
    // The answer was lost: the same item is delivered again.
    const again: OutboxItem = { id: 'message:again', kind: 'message', pairId, message: { ...sent, sending: true }, dueAt: 0, attempts: 1 };
    await ben.deps.db.outbox.put(again);
    await sync.deliver(ben.deps);
    expect(await ben.deps.db.partnerMessages.get(sent.id)).toMatchObject({ sending: false });
    expect((await ben.deps.db.partnerMessages.get(sent.id))?.failed).toBeUndefined();

    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(1);
    expect(await sync.unsend(ben.deps, pairId, sent.id)).toEqual({ ok: true, value: null });
    expect(await ben.deps.db.outbox.count()).toBe(0);
    // Ana's weekly full read finds it gone.
    ana.later(8 * DAY);
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(0);
  });

  it('offline, a message waits as "sending" and goes once the network is back', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    await saveCommitment(ana.deps.db, deepWork, await ana.deps.clock());
    const pairId = await pairUp(ana, ben);
    ben.goOffline();
    expect(await sync.sendToPartner(ben.deps, pairId, 'cheer', 'clap')).toEqual({ ok: true, value: null });
    expect((await ben.deps.db.partnerMessages.toArray())[0]).toMatchObject({ sending: true });
    ben.goOnline();
    ben.later(60_000);
    await sync.deliver(ben.deps);
    expect((await ben.deps.db.partnerMessages.toArray())[0]).toMatchObject({ sending: false });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.partnerMessages.toArray()).map((m) => m.text)).toEqual(['clap']);
  });
});
