import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localInstant } from '@/utils/core/days';
import type { Clock, Commitment, DayKey } from '@/utils/core/types';
import { EMPTY_DRAFT, type ReviewDraft } from '@/utils/core/review/types';
import { saveReview } from '@/utils/services/review';
import { createHandlers } from '@/utils/services/handlers';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';

const TZ = 'Europe/Berlin';
const clockAt = (date: DayKey, minutes: number): Clock => ({ now: localInstant(date, minutes, TZ), timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const deep: Commitment = {
  id: 'deep', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 30 },
  schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }], createdAt: localInstant('2026-03-01', 480, TZ), updatedAt: 0,
};
const finished: ReviewDraft = {
  ...EMPTY_DRAFT,
  intentions: [{ id: 'i1', cue: { kind: 'moment', moment: 'open-laptop' }, commitmentId: 'deep', action: '' }],
  ratings: { consistency: 3, confidence: 4, stress: 2 },
};

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('review');
  await db.commitments.add(deep);
});
afterEach(() => dropDb(db));

describe('weekly reviews in the database', () => {
  it('keeps a draft as it is typed: each save replaces the week’s one row, nothing else is added', async () => {
    const sunday = clockAt('2026-03-29', 18 * 60);
    await saveReview(db, { weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, notes: 'Mor' } }, sunday);
    await saveReview(db, { weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, notes: 'Mornings went to email' } }, { ...sunday, now: sunday.now + 500 });
    const rows = await db.reviews.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ weekStart: '2026-03-23', status: 'draft', notes: 'Mornings went to email', updatedAt: sunday.now + 500 });
  });

  it('a draft survives the database being closed and opened again (a page or the worker gone)', async () => {
    const sunday = clockAt('2026-03-29', 18 * 60);
    await saveReview(db, { weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, notes: 'half a thought', obstacles: ['phone'] } }, sunday);
    db.close();
    await db.open();
    expect(await db.reviews.get('2026-03-23')).toMatchObject({ status: 'draft', notes: 'half a thought', obstacles: ['phone'] });
  });

  it('finishing needs a plan and the ratings; refused, nothing changes', async () => {
    const sunday = clockAt('2026-03-29', 18 * 60);
    expect(await saveReview(db, { weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, notes: 'x' }, finish: true }, sunday)).toMatchObject({ ok: false });
    expect(await db.reviews.count()).toBe(0);
    expect(await saveReview(db, { weekStart: '2026-03-23', draft: finished, finish: true }, sunday)).toMatchObject({ ok: true, value: { status: 'done' } });
    // Edited later the same week it stays finished, with its first finishing time.
    const later = { ...sunday, now: sunday.now + 3_600_000 };
    await saveReview(db, { weekStart: '2026-03-23', draft: { ...finished, notes: 'and one more thing' } }, later);
    expect(await db.reviews.get('2026-03-23')).toMatchObject({ status: 'done', completedAt: sunday.now, updatedAt: later.now, notes: 'and one more thing' });
    expect(await db.reviews.count()).toBe(1);
  });

  it('a review finished in its week is closed once the next week starts; a late one for last week can still be written', async () => {
    await saveReview(db, { weekStart: '2026-03-23', draft: finished, finish: true }, clockAt('2026-03-29', 18 * 60));
    const monday = clockAt('2026-03-30', 9 * 60);
    const refused = await saveReview(db, { weekStart: '2026-03-23', draft: { ...finished, notes: 'rewrite history' } }, monday);
    expect(refused).toMatchObject({ ok: false, error: 'Last week’s review was finished in its week, so it is kept as it was.' });
    expect((await db.reviews.get('2026-03-23'))!.notes).toBe('');
    // The week before had none: two weeks back is too late.
    expect(await saveReview(db, { weekStart: '2026-03-16', draft: finished }, monday)).toMatchObject({ ok: false });
    // Nothing for last week yet at another person's: a late review is possible.
    await db.reviews.clear();
    expect(await saveReview(db, { weekStart: '2026-03-23', draft: finished, finish: true }, monday)).toMatchObject({ ok: true });
  });

  it('a retried save (its answer lost) changes nothing more; a bad draft is refused with words', async () => {
    const sunday = clockAt('2026-03-29', 18 * 60);
    const handlers = createHandlers({ db, clock: async () => sunday, refresh: async () => ({}) as never });
    const save = { weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, notes: 'first' } };
    const a = await handlers['review.save'](save, { id: 'req-1' });
    await handlers['review.save']({ ...save, draft: { ...EMPTY_DRAFT, notes: 'second' } }, { id: 'req-2' });
    expect(await handlers['review.save'](save, { id: 'req-1' })).toEqual(a);
    expect((await db.reviews.get('2026-03-23'))!.notes).toBe('second');
    const bad = await handlers['review.save']({ weekStart: '2026-03-23', draft: { ...EMPTY_DRAFT, intentions: [{ id: 'x', cue: { kind: 'time', minutes: 540 }, commitmentId: 'nope', action: '' }] } }, { id: 'req-3' });
    expect(bad).toEqual({ ok: false, error: 'Plan: choose one of your commitments.' });
    expect((await db.reviews.get('2026-03-23'))!.notes).toBe('second');
  });
});
