import { describe, expect, it } from 'vitest';
import { localInstant } from '@/utils/core/days';
import { describeCue, describeIntention, finishProblem, intentionsInForce, presetKept, suggestKept, validateDraft } from '@/utils/core/review/intentions';
import { chooseWeek, editProblem } from '@/utils/core/review/weeks';
import { dueCelebrations, rememberSeen } from '@/utils/core/review/celebrations';
import { partnerShare } from '@/utils/core/review/partner-view';
import { EMPTY_DRAFT, type Intention, type WeeklyReview } from '@/utils/core/review/types';
import type { Clock, DayKey } from '@/utils/core/types';

const TZ = 'Europe/Berlin';
const clockAt = (date: DayKey, minutes: number): Clock => ({ now: localInstant(date, minutes, TZ), timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const plan = (id: string, cue: Intention['cue'], commitmentId = 'deep', action = ''): Intention => ({ id, cue, commitmentId, action });
const review = (weekStart: DayKey, over: Partial<WeeklyReview> = {}): WeeklyReview => ({ ...EMPTY_DRAFT, weekStart, status: 'done', updatedAt: 0, ...over });

describe('intention cues', () => {
  it('reads each kind of cue as the start of an if-then sentence', () => {
    expect(describeCue({ kind: 'time', minutes: 9 * 60 })).toBe('At 09:00');
    expect(describeCue({ kind: 'place', place: 'the library' })).toBe('When I am at the library');
    expect(describeCue({ kind: 'moment', moment: 'open-laptop' })).toBe('When I open my laptop');
    expect(describeCue({ kind: 'moment', moment: 'block-page' })).toBe('When I land on the block page');
    expect(describeCue({ kind: 'moment', moment: 'the kids are asleep' })).toBe('When the kids are asleep');
    expect(describeIntention(plan('a', { kind: 'moment', moment: 'open-laptop' }), { title: 'Deep work' })).toBe('When I open my laptop, I start “Deep work”.');
    expect(describeIntention(plan('a', { kind: 'time', minutes: 540 }, 'deep', 'write 300 words'), { title: 'Deep work' })).toBe('At 09:00, I write 300 words (“Deep work”).');
  });

  it('refuses a plan without a cue, with an empty place or for a commitment that is not one of the person’s, and keeps three at most', () => {
    const live = new Set(['deep']);
    const draft = (intentions: Intention[]) => validateDraft({ ...EMPTY_DRAFT, intentions }, live);
    expect(draft([plan('a', { kind: 'place', place: '  ' })])).toEqual({ ok: false, error: 'Plan: Name the place, like “my desk” or “the library”.' });
    expect(draft([plan('a', { kind: 'time', minutes: 1440 })]).ok).toBe(false);
    expect(draft([plan('a', { kind: 'time', minutes: 540 }, 'gone')])).toEqual({ ok: false, error: 'Plan: choose one of your commitments.' });
    expect(draft([1, 2, 3, 4].map((i) => plan(String(i), { kind: 'time', minutes: 540 })))).toMatchObject({ ok: false });
    const okay = draft([plan('a', { kind: 'place', place: '  my desk ' })]);
    expect(okay).toMatchObject({ ok: true, value: { intentions: [{ cue: { kind: 'place', place: 'my desk' } }] } });
    expect(validateDraft({ ...EMPTY_DRAFT, ratings: { stress: 6 as 5 } }, live).ok).toBe(false);
    expect(validateDraft({ ...EMPTY_DRAFT, notes: 'x'.repeat(2001) }, live).ok).toBe(false);
  });

  it('finishing asks for a plan and the three ratings', () => {
    expect(finishProblem(EMPTY_DRAFT)).toMatch(/at least one plan/);
    const withPlan = { ...EMPTY_DRAFT, intentions: [plan('a', { kind: 'time', minutes: 540 })] };
    expect(finishProblem({ ...withPlan, ratings: { consistency: 3, confidence: 4 } })).toMatch(/stress/);
    expect(finishProblem({ ...withPlan, ratings: { consistency: 3, confidence: 4, stress: 2 } })).toBeNull();
  });

  it('shows the plans of the latest finished review of this week or last week; drafts and older ones are not in force', () => {
    const a = plan('a', { kind: 'time', minutes: 540 });
    const b = plan('b', { kind: 'moment', moment: 'block-page' });
    expect(intentionsInForce([review('2026-03-16', { intentions: [a] })], '2026-03-23')).toEqual([a]);
    expect(intentionsInForce([review('2026-03-16', { intentions: [a] }), review('2026-03-23', { intentions: [b] })], '2026-03-23')).toEqual([b]);
    expect(intentionsInForce([review('2026-03-16', { intentions: [a] }), review('2026-03-23', { intentions: [b], status: 'draft' })], '2026-03-23')).toEqual([a]);
    expect(intentionsInForce([review('2026-03-09', { intentions: [a] })], '2026-03-23')).toEqual([]);
    const row = (commitmentId: string, done: number, target: number) => ({ commitmentId, title: '', unit: 'days' as const, done, target, missedDays: [], focusMinutes: 0, turnedBack: 0, wentAnyway: 0, streakBefore: 0, streakAfter: 0, streakUnit: 'day' as const });
    const report = { weekStart: '2026-03-23', hours: 167, completion: null, commitments: [row('deep', 5, 5), row('gym', 1, 3)] };
    expect(presetKept([a, plan('g', { kind: 'time', minutes: 600 }, 'gym'), plan('x', { kind: 'time', minutes: 600 }, 'gone')], report)).toEqual({ a: 'kept', g: 'partly' });
    expect([suggestKept({ done: 5, target: 5 }), suggestKept({ done: 2, target: 5 }), suggestKept({ done: 0, target: 5 }), suggestKept({ done: 0, target: 0 })]).toEqual(['kept', 'partly', 'not', undefined]);
  });
});

describe('one review per week, editable until the next week starts, late for the week before', () => {
  it('says when a week can no longer be written', () => {
    const monday = clockAt('2026-03-30', 10 * 60);
    expect(editProblem('2026-03-30', undefined, monday)).toBeNull();
    expect(editProblem('2026-03-23', undefined, monday)).toBeNull(); // late
    expect(editProblem('2026-03-23', review('2026-03-23', { completedAt: clockAt('2026-03-29', 18 * 60).now }), monday)).toMatch(/finished in its week/);
    expect(editProblem('2026-03-23', review('2026-03-23', { completedAt: monday.now - 1000 }), monday)).toBeNull(); // finished late: still this week
    expect(editProblem('2026-03-16', undefined, monday)).toMatch(/older than last week/);
    expect(editProblem('2026-04-06', undefined, monday)).toMatch(/not started/);
    // Sunday 03:59 is still Saturday's day, so the week of the 23rd is still this week (DST night included).
    expect(editProblem('2026-03-23', undefined, clockAt('2026-03-30', 3 * 60 + 59))).toBeNull();
  });

  it('opens on last week early in a week when it has no finished review, otherwise on this week', () => {
    expect(chooseWeek(new Map(), clockAt('2026-03-31', 9 * 60))).toEqual({ weekStart: '2026-03-23', other: '2026-03-30' });
    expect(chooseWeek(new Map(), clockAt('2026-04-03', 9 * 60))).toEqual({ weekStart: '2026-03-30', other: '2026-03-23' });
    const done = new Map([['2026-03-23', review('2026-03-23', { completedAt: clockAt('2026-03-29', 18 * 60).now })]]);
    expect(chooseWeek(done, clockAt('2026-03-31', 9 * 60))).toEqual({ weekStart: '2026-03-30', other: null });
  });
});

describe('celebrations, once each', () => {
  const streak = (current: number) => [{ commitmentId: 'deep', title: 'Deep work', current, unit: 'day' as const }];
  it('celebrates a milestone once: stored as seen, it is not shown again; reaching 30 at once never shows 7 later', () => {
    const first = dueCelebrations(streak(7), [], new Set());
    expect(first.show.map((c) => c.key)).toEqual(['streak:deep:7']);
    let seen = rememberSeen([], first.seen);
    expect(dueCelebrations(streak(8), [], new Set(seen)).show).toEqual([]);
    expect(dueCelebrations(streak(29), [], new Set(seen)).show).toEqual([]);
    const thirty = dueCelebrations(streak(30), [], new Set(seen));
    expect(thirty.show.map((c) => c.text)).toEqual(['30 days in a row of “Deep work”. That is what showing up looks like.']);
    seen = rememberSeen(seen, thirty.seen);
    expect(dueCelebrations(streak(31), [], new Set(seen)).show).toEqual([]);
    const jump = dueCelebrations(streak(120), [], new Set());
    expect(jump.show.map((c) => c.key)).toEqual(['streak:deep:100']);
    expect(jump.seen.sort()).toEqual(['streak:deep:100', 'streak:deep:30', 'streak:deep:7']);
    expect(dueCelebrations(streak(6), [], new Set()).show).toEqual([]);
  });

  it('celebrates a week whose plans were all kept, once; not when one was only partly kept', () => {
    const plans = [plan('a', { kind: 'time', minutes: 540 }), plan('b', { kind: 'place', place: 'desk' })];
    const before = review('2026-03-16', { intentions: plans });
    const all = review('2026-03-23', { kept: { a: 'kept', b: 'kept' } });
    const got = dueCelebrations([], [before, all], new Set());
    expect(got.show).toEqual([{ key: 'intentions-kept:2026-03-16', text: 'You kept all 2 plans you made for the week.' }]);
    expect(dueCelebrations([], [before, all], new Set(got.seen)).show).toEqual([]);
    expect(dueCelebrations([], [before, review('2026-03-23', { kept: { a: 'kept', b: 'partly' } })], new Set()).show).toEqual([]);
    expect(dueCelebrations([], [before, review('2026-03-23', { kept: { a: 'kept', b: 'kept' }, status: 'draft' })], new Set()).show).toEqual([]);
  });
});

describe('a review as a partner may see it', () => {
  it('holds only the commitments shared with that partner, and never the notes', () => {
    const r = review('2026-03-23', {
      notes: 'private', obstacles: ['phone'],
      intentions: [plan('a', { kind: 'time', minutes: 540 }, 'deep'), plan('b', { kind: 'time', minutes: 600 }, 'gym')],
      ratings: { consistency: 3, confidence: 3, stress: 2 },
      report: { weekStart: '2026-03-23', hours: 167, completion: 1, commitments: ['deep', 'gym'].map((id) => ({
        commitmentId: id, title: id, unit: 'days' as const, done: 1, target: 1, missedDays: [], focusMinutes: 0, turnedBack: 0, wentAnyway: 0, streakBefore: 0, streakAfter: 1, streakUnit: 'day' as const,
      })) },
    });
    const share = partnerShare(r, new Set(['gym']))!;
    expect(share.commitments.map((c) => c.commitmentId)).toEqual(['gym']);
    expect(share.intentions.map((i) => i.id)).toEqual(['b']);
    expect(JSON.stringify(share)).not.toMatch(/private|phone|missedDays/);
    expect(partnerShare({ ...r, status: 'draft' }, new Set(['gym']))).toBeNull();
  });
});
