/** Arbitrary commitment terms for the easing property tests (tests/unit/easing*.test.ts). */
import fc from 'fast-check';
import type { Terms } from '@/utils/core/easing';
import type { Requirement, Schedule, Weekday } from '@/utils/core/types';

const DS = 240;
const focus = (minutes: number): Requirement => ({ kind: 'focus', minutes });
const SITES = ['a.com', 'b.com', 'c.com'];
const daysArb = fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }).map((d) => [...d].sort());
const windowArb = fc.record({ from: fc.option(fc.integer({ min: 4, max: 20 }), { nil: undefined }), span: fc.integer({ min: 1, max: 8 }) });
const scheduleArb: fc.Arbitrary<Schedule> = fc
  .array(fc.tuple(daysArb, windowArb), { minLength: 1, maxLength: 2 })
  .map((groups) => groups.map(([days, w]) => ({ days, ...(w.from === undefined ? {} : { fromMinutes: w.from * 60 }), untilMinutes: ((w.from ?? 4) + w.span) * 60 % 1440 })));
const gateReq: fc.Arbitrary<Requirement> = fc.oneof(
  fc.integer({ min: 1, max: 240 }).map(focus),
  fc.constant<Requirement>({ kind: 'checkin' }),
  fc.record({ minutes: fc.integer({ min: 1, max: 240 }), sites: fc.subarray(['docs.google.com', 'notion.so'], { minLength: 1 }) }).map((r): Requirement => ({ kind: 'site-time', ...r })),
);
/** A pledge or none: the same few stakes, so a change of words happens as well as one of missed days. */
const pledgeArb = fc.option(fc.record({ misses: fc.integer({ min: 1, max: 7 }), stake: fc.constantFrom('give €10', 'give €5') }), { nil: null });

export const termsArb: fc.Arbitrary<Terms> = fc.oneof(
  fc.record({ requirement: gateReq, schedule: scheduleArb, sites: fc.subarray(SITES, { minLength: 1 }), archived: fc.boolean(), pledge: pledgeArb }),
  fc.record({
    requirement: fc.record({ times: fc.integer({ min: 1, max: 5 }), per: fc.constantFrom<'day' | 'week'>('day', 'week') }).map((r): Requirement => ({ kind: 'habit', ...r })),
    schedule: daysArb.map((days): Schedule => [{ days, untilMinutes: DS }]),
    sites: fc.constant<string[]>([]),
    archived: fc.boolean(),
    pledge: pledgeArb,
  }),
);
