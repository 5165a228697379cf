/**
 * The weekly review a partner reads (utils/core/partners/shared-review.ts): built through an allowlist per pair,
 * with property tests that nothing else leaves — no notes, picked obstacles, missed dates, unshared commitments,
 * place cues of unshared plans, or anything that looks like a site — and the wire form read back as it was.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildSharedReview, decodeReview, encodeReview, PLAN_KEYS, REVIEW_KEYS, REVIEW_ROW_KEYS, sameReview, type SharedReview,
} from '@/utils/core/partners/shared-review';
import type { CommitmentWeek, Intention, WeeklyReview } from '@/utils/core/review/types';

const PAIR = 'pair-1';
const secret = (label: string) => fc.string({ maxLength: 12 }).map((s) => `${label}§${s}§`);
const wordChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABC|éß'.split(''), '🙂', '📚');
const titleArb = fc.array(wordChar, { minLength: 1, maxLength: 100 }).map((cs) => cs.join(''));

const rowArb = (id: string, title: fc.Arbitrary<string>) =>
  fc.record({
    commitmentId: fc.constant(id), title, unit: fc.constantFrom('days' as const, 'times' as const),
    done: fc.integer({ min: -5, max: 2000 }), target: fc.integer({ min: 0, max: 2000 }),
    missedDays: fc.array(fc.constantFrom('2026-03-03', '2026-03-04'), { maxLength: 2 }),
    focusMinutes: fc.integer({ min: 0, max: 200000 }), turnedBack: fc.nat(200000), wentAnyway: fc.nat(200000),
    streakBefore: fc.nat(500), streakAfter: fc.nat(500), streakUnit: fc.constantFrom('day' as const, 'week' as const),
  }) satisfies fc.Arbitrary<CommitmentWeek>;

const planArb = (commitmentId: string, place: fc.Arbitrary<string>): fc.Arbitrary<Intention> =>
  fc.record({
    id: fc.uuid(), commitmentId: fc.constant(commitmentId), action: fc.oneof(fc.constant(''), titleArb),
    cue: fc.oneof(
      fc.integer({ min: 0, max: 1439 }).map((minutes) => ({ kind: 'time' as const, minutes })),
      place.map((p) => ({ kind: 'place' as const, place: p })),
      fc.constantFrom('open-laptop', 'block-page').map((moment) => ({ kind: 'moment' as const, moment })),
    ),
  });

/** A review with a shared commitment "s" and an unshared one "u" full of secrets, and secrets in the notes. */
const caseArb = fc.record({
  sharedTitle: titleArb,
  secretTitle: secret('title'),
  notes: secret('notes'),
  obstacle: secret('obstacle'),
  place: secret('place'),
  shared: fc.constant(null).chain(() => rowArb('s', titleArb)),
  hidden: rowArb('u', secret('title')),
  sharedPlan: planArb('s', titleArb),
  hiddenPlan: planArb('u', secret('place')),
  ratings: fc.record({ consistency: fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>, stress: fc.constantFrom(1, 5) as fc.Arbitrary<1 | 5> }),
  choice: fc.record({ plans: fc.boolean(), ratings: fc.boolean() }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function reviewOf(c: Case): WeeklyReview {
  return {
    weekStart: '2026-03-02', status: 'done', updatedAt: 1, kept: {}, obstacles: [c.obstacle], notes: c.notes,
    intentions: [c.sharedPlan, c.hiddenPlan], ratings: c.ratings,
    report: { weekStart: '2026-03-02', hours: 168, completion: 0.5, commitments: [{ ...c.shared, title: c.sharedTitle }, c.hidden] },
  };
}

const commitments = (sharedTitle: string, secretTitle: string) => [
  { id: 's', title: sharedTitle, sharedWith: [PAIR] },
  { id: 'u', title: secretTitle, sharedWith: ['another-pair'] },
];

describe('the shared weekly review', () => {
  it('property: only the allowlisted fields leave, for the shared commitment only, and none of the secrets', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const built = buildSharedReview(reviewOf(c), PAIR, commitments(c.sharedTitle, c.secretTitle), c.choice)!;
        const wire = encodeReview(built);
        expect(Object.keys(wire).sort()).toEqual([...REVIEW_KEYS].sort());
        expect(Object.keys(built).sort()).toEqual([...REVIEW_KEYS].sort());
        for (const r of built.rows) expect(Object.keys(r).sort()).toEqual([...REVIEW_ROW_KEYS].sort());
        for (const p of built.plans) expect(Object.keys(p).sort()).toEqual([...PLAN_KEYS].sort());
        const text = JSON.stringify(wire);
        expect(text).not.toContain('§');
        expect(text).not.toMatch(/2026-03-0[34]/); // missed dates stay home
        expect(built.rows).toHaveLength(1);
        expect(built.plans).toHaveLength(c.choice.plans ? 1 : 0);
        expect(built.ratings === null).toBe(!c.choice.ratings);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the wire form is what the rules accept, and reads back as it was built', () => {
    const ROW = /^(days|times)[|](0|[1-9][0-9]{0,2})[|](0|[1-9][0-9]{0,2})[|](0|[1-9][0-9]{0,4})[|](0|[1-9][0-9]{0,4})[|](0|[1-9][0-9]{0,4})[|](0|[1-9][0-9]{0,4})[|](day|week)[|].{1,80}$/su;
    const PLAN = /^[^|]{1,80}[|][^|]{0,120}[|].{1,80}$/su;
    fc.assert(
      fc.property(caseArb, (c) => {
        const built = buildSharedReview(reviewOf(c), PAIR, commitments(c.sharedTitle, c.secretTitle), c.choice)!;
        const wire = encodeReview(built);
        for (const r of wire.rows) expect(r).toMatch(ROW);
        for (const p of wire.plans) expect(p).toMatch(PLAN);
        expect(wire.ratings).toMatch(/^([1-5-]{3})?$/);
        const back = decodeReview({ ...wire, at: 5 })!;
        expect(sameReview(back, built)).toBe(true);
        expect(back.at).toBe(5);
      }),
      { numRuns: 300 },
    );
  });

  it('sends nothing for a draft, or to a pair with which nothing is shared', () => {
    const review: WeeklyReview = {
      weekStart: '2026-03-02', status: 'done', updatedAt: 1, kept: {}, obstacles: [], notes: '', intentions: [], ratings: {},
      report: { weekStart: '2026-03-02', hours: 168, completion: 1, commitments: [] },
    };
    expect(buildSharedReview({ ...review, status: 'draft' }, PAIR, [], { plans: true, ratings: true })).toBeNull();
    expect(buildSharedReview(review, PAIR, [{ id: 's', title: 'x', sharedWith: ['other'] }], { plans: true, ratings: true })).toBeNull();
  });

  it('reads a stored review defensively: a row out of form is left out, extra fields are not read', () => {
    const good: SharedReview = { weekStart: '2026-03-02', rows: [], plans: [], ratings: null };
    const wire = { ...encodeReview(good), rows: ['days|4|5|0|0|0|1|day|Ok', 'days|x|5|0|0|0|1|day|Bad', 42], notes: 'not mine to read' };
    const back = decodeReview(wire)!;
    expect(back.rows.map((r) => r.title)).toEqual(['Ok']);
    expect(back).not.toHaveProperty('notes');
    expect(decodeReview({ rows: [], plans: [] })).toBeNull();
  });
});
