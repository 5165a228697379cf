/**
 * The partner half of the weekly check-in (issue 10) on fake-indexeddb against the in-memory server: the shared
 * review (only what is shared with that partner), cheers and messages through the outbox (offline too, the day's
 * limit, taken back), and "done together" told once.
 */
import { describe, expect, it } from 'vitest';
import * as sync from '@/utils/services/sync';
import { dayOf } from '@/utils/core/days';
import { weekStartOf } from '@/utils/core/streak-engine';
import { checkIn } from '@/utils/services/checkin';
import type { WeeklyReview } from '@/utils/core/review/types';
import type { Commitment } from '@/utils/core/types';
import { HOUR, commit, deepWork, journal, pairUp, peopleOnOneServer, type Person } from './partner-people';

const { server, make } = peopleOnOneServer();
const DAY = 24 * HOUR;

async function finishedReview(p: Person, shared: Commitment, secret: Commitment): Promise<WeeklyReview> {
  const k = await p.clock();
  const weekStart = weekStartOf(dayOf(k.now, k), 1);
  const row = (c: Commitment, done: number) => ({
    commitmentId: c.id, title: c.title, unit: 'days' as const, done, target: 7, missedDays: ['2026-03-03'], focusMinutes: 95,
    turnedBack: 4, wentAnyway: 1, streakBefore: 0, streakAfter: 2, streakUnit: 'day' as const,
  });
  const review: WeeklyReview = {
    weekStart, status: 'done', updatedAt: k.now, completedAt: k.now, kept: {}, obstacles: ['email-first'], notes: 'My private notes',
    intentions: [
      { id: 'i1', cue: { kind: 'moment', moment: 'open-laptop' }, commitmentId: shared.id, action: 'start a focus session' },
      { id: 'i2', cue: { kind: 'place', place: 'the clinic' }, commitmentId: secret.id, action: '' },
    ],
    ratings: { consistency: 3, confidence: 4, stress: 2 },
    report: { weekStart, hours: 168, completion: 0.5, commitments: [row(shared, 5), row(secret, 1)] },
  };
  await p.deps.db.reviews.put(review);
  return review;
}

const push = async (p: Person) => {
  await sync.queueSummaries(p.deps);
  await sync.queueReviews(p.deps);
  await sync.deliver(p.deps);
};

describe('the weekly review shared with a partner', () => {
  it('Ben reads Ana’s week: only the commitments shared with him, the figures and plans, no notes, ratings only if she chooses', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const deep = await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    const secret = await commit(ana, { ...journal, title: 'Therapy journal' }); // made after pairing: not shared
    await finishedReview(ana, deep, secret);
    await push(ana);
    server().now += 1000;
    await sync.pull(ben.deps, 'manual');
    const got = (await ben.deps.db.partnerReviews.get(pairId))!;
    expect(got.review.rows).toEqual([{ title: 'Deep work before email', unit: 'days', done: 5, target: 7, focusMinutes: 95, turnedBack: 4, wentAnyway: 1, streakAfter: 2, streakUnit: 'day' }]);
    expect(got.review.plans).toEqual([{ cue: 'When I open my laptop', action: 'start a focus session', title: 'Deep work before email' }]);
    expect(got.review.ratings).toBeNull();
    expect(JSON.stringify(got)).not.toMatch(/Therapy|clinic|private|email-first|mail\.google|2026-03-03/);
    expect(got.readAt).toBeUndefined();

    // She chooses to share her ratings: the next push sends the review again, with them.
    await sync.setReviewShare(ana.deps, { plans: true, ratings: true });
    await push(ana);
    server().now += 1000;
    await sync.pull(ben.deps, 'manual');
    expect((await ben.deps.db.partnerReviews.get(pairId))!.review.ratings).toEqual({ consistency: 3, confidence: 4, stress: 2 });
    // Unchanged: not sent again.
    const writes = ana.remote.counts.writes;
    await push(ana);
    expect(ana.remote.counts.writes).toBe(writes);

    expect(await sync.markReviewRead(ben.deps, pairId)).toEqual({ ok: true, value: null });
    const read = (await ben.deps.db.partnerReviews.get(pairId))!;
    expect(read.readAt).toBe(read.review.at);
  });

  it('nothing is sent to a partner with whom no commitment is shared, and nothing for a draft', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const pairId = await pairUp(ben, ana);
    const deep = await commit(ana, deepWork); // after pairing: not shared
    const other = await commit(ana, journal);
    const review = await finishedReview(ana, deep, other);
    await push(ana);
    expect(server().reviews.size).toBe(0);
    await sync.setShared(ana.deps.db, deep.id, pairId, true);
    await ana.deps.db.reviews.put({ ...review, status: 'draft' });
    await push(ana);
    expect(server().reviews.size).toBe(0);
  });
});

describe('cheers and messages', () => {
  it('Ben sends a cheer and a message; Ana sees them on her next pull; Ben takes one back and it goes', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    expect(await sync.sendToPartner(ben.deps, pairId, 'cheer', 'fire')).toEqual({ ok: true, value: null });
    server().now += 1000;
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', '  I noticed deep work didn’t happen on Tuesday.  ')).toEqual({ ok: true, value: null });
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    const seen = await ana.deps.db.partnerMessages.where('pairId').equals(pairId).sortBy('at');
    expect(seen.map((m) => [m.kind, m.text])).toEqual([['cheer', 'fire'], ['text', 'I noticed deep work didn’t happen on Tuesday.']]);
    expect(seen[0]!.id).toMatch(new RegExp(`^${ben.remote.uid}_\\d{4}-\\d{2}-\\d{2}_0$`));

    // Ben deletes his message: gone on his side at once and on the server; Ana's weekly full read drops it.
    const mine = await ben.deps.db.partnerMessages.where('pairId').equals(pairId).sortBy('at');
    expect(await sync.unsend(ben.deps, pairId, mine[1]!.id)).toEqual({ ok: true, value: null });
    expect(await ben.deps.db.partnerMessages.get(mine[1]!.id)).toBeUndefined();
    expect(server().messages.size).toBe(1);
    // Ana cannot delete Ben's cheer.
    expect(await sync.unsend(ana.deps, pairId, seen[0]!.id)).toMatchObject({ ok: false });
    server().now += 8 * DAY;
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.partnerMessages.toArray()).map((m) => m.text)).toEqual(['fire']);
  });

  it('offline, a message waits in the outbox as "sending" and goes when the network is back', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    ben.remote.offline = true;
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', 'How can I help?')).toEqual({ ok: true, value: null });
    expect((await ben.deps.db.partnerMessages.toArray())[0]).toMatchObject({ text: 'How can I help?', sending: true });
    expect(await ben.deps.db.outbox.count()).toBe(1);
    ben.remote.offline = false;
    server().now += 10 * 60_000;
    await sync.deliver(ben.deps);
    expect(await ben.deps.db.outbox.count()).toBe(0);
    expect((await ben.deps.db.partnerMessages.toArray())[0]).toMatchObject({ text: 'How can I help?', sending: false });
    expect([...server().messages.values()].map((m) => m.text)).toEqual(['How can I help?']);
  });

  it('at most 10 a day to a partner, said in words; empty or too long messages are refused before anything is sent', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    for (let i = 0; i < 10; i++) expect((await sync.sendToPartner(ben.deps, pairId, 'cheer', 'clap')).ok).toBe(true);
    expect(await sync.sendToPartner(ben.deps, pairId, 'cheer', 'clap')).toMatchObject({ ok: false, error: expect.stringMatching(/today's 10 messages/) });
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', '   ')).toMatchObject({ ok: false });
    expect(await sync.sendToPartner(ben.deps, pairId, 'text', 'x'.repeat(501))).toMatchObject({ ok: false, error: expect.stringMatching(/500/) });
    expect(await sync.sendToPartner(ben.deps, pairId, 'cheer', '<img src=x>')).toMatchObject({ ok: false });
    expect(server().messages.size).toBe(10);
  });

  it('messages older than 8 weeks are pruned by their sender and no longer kept by the reader', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    await sync.sendToPartner(ben.deps, pairId, 'text', 'Old news');
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(1);
    server().now += 57 * DAY;
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(0);
    await sync.pull(ben.deps, 'manual');
    expect(server().messages.size).toBe(0);
  });

  it('a pair’s review and messages go with the pair', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    await commit(ana, deepWork);
    const pairId = await pairUp(ben, ana);
    await sync.sendToPartner(ben.deps, pairId, 'cheer', 'heart');
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(1);
    await sync.sendToPartner(ana.deps, pairId, 'text', 'Thank you!');
    await sync.pull(ben.deps, 'manual');
    expect(server().messages.size).toBe(2);
    // Ben ends it: the messages go from the server with it, and from each side.
    await sync.endPair(ben.deps, pairId);
    expect(server().messages.size).toBe(0);
    expect(await ben.deps.db.partnerMessages.count()).toBe(0);
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    expect(await ana.deps.db.partnerMessages.count()).toBe(0);
  });
});

describe('done together', () => {
  it('when both have done all of today’s shared commitments, each is told once', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const a = await commit(ana, journal);
    const b = await commit(ben, journal);
    await pairUp(ben, ana);
    const told: string[] = [];
    ana.deps.effects = { ...ana.deps.effects, together: async (name) => void told.push(`ana:${name}`) };
    ben.deps.effects = { ...ben.deps.effects, together: async (name) => void told.push(`ben:${name}`) };
    await ana.deps.state.setValue({ ...ana.state(), notifyPartnerDone: true });
    await ben.deps.state.setValue({ ...ben.state(), notifyPartnerDone: true });
    await checkIn(ana.deps.db, a.id, await ana.clock());
    await push(ana);
    server().now += 1000;
    await sync.pull(ben.deps, 'manual');
    expect(told).toEqual([]); // Ben has not done his yet
    await checkIn(ben.deps.db, b.id, await ben.clock());
    await push(ben);
    await sync.notifyTogether(ben.deps);
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    await sync.pull(ana.deps, 'manual');
    await sync.notifyTogether(ben.deps);
    expect(told.sort()).toEqual(['ana:Ben', 'ben:Ana']);
  });

  it('not with this person’s summary of yesterday: done then, not yet today', async () => {
    const ana = await make('Ana');
    const ben = await make('Ben');
    const a = await commit(ana, journal);
    const b = await commit(ben, journal);
    await pairUp(ben, ana);
    const told: string[] = [];
    ana.deps.effects = { ...ana.deps.effects, together: async (name) => void told.push(name) };
    await ana.deps.state.setValue({ ...ana.state(), notifyPartnerDone: true });
    await checkIn(ana.deps.db, a.id, await ana.clock());
    await push(ana); // Ana done on Wednesday; Ben does not do his that day
    server().now += 24 * HOUR; // Thursday: Ben does his and pushes; Ana has not opened Tandem yet today
    await checkIn(ben.deps.db, b.id, await ben.clock());
    await push(ben);
    server().now += 1000;
    await sync.pull(ana.deps, 'manual');
    await sync.notifyTogether(ana.deps);
    expect(told).toEqual([]);
  });
});
