/** Easing waits (issue 11, item 1): the classification of every change, and its split into now and later. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyChange, type Terms } from '@/utils/core/easing';
import type { Requirement, Schedule, Weekday } from '@/utils/core/types';
import { termsArb } from '../support/easing-arb';

const DS = 240; // the day starts at 04:00
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const focus = (minutes: number): Requirement => ({ kind: 'focus', minutes });
const until = (hh: number, days: Weekday[] = WEEKDAYS, fromHh?: number): Schedule => [
  fromHh === undefined ? { days, untilMinutes: hh * 60 } : { days, fromMinutes: fromHh * 60, untilMinutes: hh * 60 },
];
const terms = (over: Partial<Terms> = {}): Terms => ({ requirement: focus(60), schedule: until(12), sites: ['mail.google.com'], archived: false, ...over });
const verdict = (before: Partial<Terms>, after: Partial<Terms>) => classifyChange(terms(before), terms(after), DS).verdict;

describe('what counts as easier, harder or neutral', () => {
  it('fewer minutes or check-ins are easier, more are harder, the same is neutral', () => {
    expect(verdict({}, { requirement: focus(45) })).toBe('easier');
    expect(verdict({}, { requirement: focus(90) })).toBe('harder');
    expect(verdict({}, {})).toBe('neutral');
    const habit = (times: number, per: 'day' | 'week'): Requirement => ({ kind: 'habit', times, per });
    const h = { sites: [], schedule: [{ days: [0, 1, 2, 3, 4, 5, 6] as Weekday[], untilMinutes: DS }] };
    expect(verdict({ ...h, requirement: habit(3, 'week') }, { ...h, requirement: habit(2, 'week') })).toBe('easier');
    expect(verdict({ ...h, requirement: habit(1, 'day') }, { ...h, requirement: habit(7, 'week') })).toBe('easier'); // it may bunch up
    expect(verdict({ ...h, requirement: habit(3, 'week') }, { ...h, requirement: habit(1, 'day') })).toBe('harder');
  });

  it('a pledge added or triggered by fewer missed days is harder; removed, triggered by more, or other words easier', () => {
    const pledge = (misses: number, stake = 'give €10') => ({ misses, stake });
    expect(verdict({ pledge: null }, { pledge: pledge(2) })).toBe('harder');
    expect(verdict({ pledge: pledge(3) }, { pledge: pledge(2) })).toBe('harder');
    expect(verdict({ pledge: pledge(2) }, { pledge: null })).toBe('easier');
    expect(verdict({ pledge: pledge(2) }, { pledge: pledge(3) })).toBe('easier');
    expect(verdict({ pledge: pledge(2) }, { pledge: pledge(2, 'give €1') })).toBe('easier');
    expect(verdict({ pledge: pledge(3) }, { pledge: pledge(2, 'give €1') })).toBe('easier'); // fewer days, but a stake no rule can rank
    expect(verdict({ pledge: pledge(2) }, {})).toBe('neutral'); // a change that leaves the pledge out leaves it as it is
    const split = classifyChange(terms({ pledge: pledge(2) }), terms({ requirement: focus(90), pledge: null }), DS);
    expect(split.verdict).toBe('mixed');
    expect(split.now).toMatchObject({ requirement: focus(90), pledge: pledge(2) });
  });

  it('fewer days, an earlier "until" and a later start are easier; more days, a later "until" harder', () => {
    expect(verdict({}, { schedule: until(12, [1, 2, 3]) })).toBe('easier');
    expect(verdict({}, { schedule: until(11) })).toBe('easier');
    expect(verdict({}, { schedule: until(12, WEEKDAYS, 9) })).toBe('easier');
    expect(verdict({}, { schedule: until(12, [0, 1, 2, 3, 4, 5, 6]) })).toBe('harder');
    expect(verdict({}, { schedule: until(14) })).toBe('harder');
    // A window moved later within the day holds some other time back: it still waits.
    expect(verdict({ schedule: until(12, WEEKDAYS, 8) }, { schedule: until(13, WEEKDAYS, 9) })).toBe('easier');
    // "Until the day start" is the whole day: later than any time.
    expect(verdict({}, { schedule: until(4) })).toBe('harder');
  });

  it('fewer gated sites are easier, more harder; archiving is easier, restoring harder', () => {
    expect(verdict({}, { sites: [] })).toBe('easier');
    expect(verdict({}, { sites: ['mail.google.com', 'x.com'] })).toBe('harder');
    expect(verdict({}, { archived: true })).toBe('easier');
    expect(verdict({ archived: true }, {})).toBe('harder');
  });

  it('a requirement swapped for an easier kind is easier, for a harder kind harder', () => {
    expect(verdict({}, { requirement: { kind: 'checkin' } })).toBe('easier');
    expect(verdict({ requirement: { kind: 'checkin' } }, {})).toBe('harder');
    // Two kinds of one rank cannot be compared: the change waits.
    expect(verdict({}, { requirement: { kind: 'site-time', minutes: 60, sites: ['docs.google.com'] } })).toBe('easier');
    // A gate made a habit asks less: it holds nothing back.
    expect(verdict({}, { requirement: { kind: 'habit', times: 1, per: 'day' }, sites: [], schedule: until(4) })).toBe('easier');
  });

  it('a mixed change splits: the harder part now, all of it after the wait', () => {
    const before = terms();
    const after = terms({ requirement: focus(45), sites: ['mail.google.com', 'x.com'], schedule: until(14, [1, 2, 3]) });
    const split = classifyChange(before, after, DS);
    expect(split.verdict).toBe('mixed');
    // Now: 60 minutes still, x.com held back at once, Mon–Wed until 14:00, Thu–Fri still until 12:00.
    expect(split.now.requirement).toEqual(focus(60));
    expect(split.now.sites).toEqual(['mail.google.com', 'x.com']);
    expect(split.now.schedule).toEqual([{ days: [1, 2, 3], untilMinutes: 14 * 60 }, { days: [4, 5], untilMinutes: 12 * 60 }]);
    expect(split.later).toEqual(after);
  });
});

// ---- properties ----

describe('the classification, for any change', () => {
  it('is one of easier, harder, neutral or mixed, and agrees with its parts', () => {
    fc.assert(fc.property(termsArb, termsArb, (a, b) => {
      const { verdict: v, parts, later } = classifyChange(a, b, DS);
      const easier = parts.some((p) => p.verdict === 'easier'), harder = parts.some((p) => p.verdict === 'harder');
      expect(v).toBe(easier && harder ? 'mixed' : easier ? 'easier' : harder ? 'harder' : 'neutral');
      expect(parts.every((p) => p.verdict !== 'neutral')).toBe(true);
      expect(later === null).toBe(!easier);
      if (later) expect(later).toEqual(b);
    }));
  });

  it('no change from a commitment to itself; a harder change is easier the other way round', () => {
    fc.assert(fc.property(termsArb, termsArb, (a, b) => {
      expect(classifyChange(a, a, DS).verdict).toBe('neutral');
      if (classifyChange(a, b, DS).verdict === 'harder') expect(classifyChange(b, a, DS).verdict).toBe('easier');
    }));
  });

  it('what applies at once never asks less than before, and only what is easier is left for later', () => {
    fc.assert(fc.property(termsArb, termsArb, (a, b) => {
      const split = classifyChange(a, b, DS);
      expect(classifyChange(a, split.now, DS).later).toBeNull();
      if (split.later) {
        const rest = classifyChange(split.now, split.later, DS);
        expect(rest.verdict === 'easier' || rest.verdict === 'mixed').toBe(true);
      } else {
        expect(classifyChange(split.now, b, DS).verdict).toBe('neutral');
      }
    }));
  });
});
