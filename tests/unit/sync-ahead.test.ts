/** What is ahead and lately decided, shared with a partner (issue 11): pauses, easings waiting, recalibrations, pledges. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAhead, decodeSummary, encodeAhead, encodeSummary } from '@/utils/core/partners/wire';
import { buildSummary, SHARED_EASING_MAX, SHARED_REASON_MAX, type SharedCommitment, type Summary } from '@/utils/core/partners/summary';
import { aheadLines } from '@/utils/core/partners/partner';
import { viewToday } from '@/utils/core/today';
import { localInstant } from '@/utils/core/days';
import type { Clock, Commitment } from '@/utils/core/types';
import { RULES_COMMITMENT } from '../support/rules-regex';

const TZ = 'Europe/Berlin';
const NOW = localInstant('2026-11-30', 15 * 60, TZ);
const clock: Clock = { now: NOW, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 };
const base: Commitment = {
  id: 'c1', title: 'Deep work', why: 'secret why', sites: ['private.example'], createdAt: NOW - 10 * 86_400_000, updatedAt: 0, sharedWith: ['p1'],
  requirement: { kind: 'site-time', minutes: 60, sites: ['docs.secret.example'] }, schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }],
};
const summaryOf = (c: Commitment) => buildSummary({ pairId: 'p1', name: 'Ana', clock, views: viewToday([c], new Map(), clock), counts: new Map() });

describe('a pause and an easing, as a partner sees them', () => {
  it('shares the pause with its reason and the easing in words that name no site', () => {
    const c: Commitment = {
      ...base,
      pauses: [{ from: '2026-12-05', until: '2026-12-12', reason: 'exam | week; again' }],
      pending: { day: '2026-12-03', madeAt: NOW, requirement: { kind: 'site-time', minutes: 45, sites: ['docs.secret.example'] }, schedule: base.schedule, sites: [] },
    };
    const s = summaryOf(c);
    const shared = s.commitments[0]!;
    expect(shared.pause).toEqual({ from: '2026-12-05', until: '2026-12-12', reason: 'exam   week  again' });
    expect(shared.easing).toEqual({ day: '2026-12-03', words: '45 min on work sites, fewer sites held back' });
    const wire = encodeSummary({ ...s, rev: 1 });
    expect(JSON.stringify(wire)).not.toMatch(/secret|private/);
    expect(decodeSummary(wire)!.commitments[0]).toEqual(shared);
    expect(aheadLines('Ana', shared, '2026-11-30')).toEqual([
      'Paused from Sat 5 Dec until Sat 12 Dec: exam   week  again',
      'Ana eases Deep work on Thu 3 Dec: 45 min on work sites, fewer sites held back',
    ]);
    // A pause over, or no pause: nothing ahead.
    expect(summaryOf({ ...base, pauses: [{ from: '2026-11-01', until: '2026-11-05' }] }).commitments[0]!.pause).toBeNull();
    expect(aheadLines('Ana', summaryOf(base).commitments[0]!, '2026-11-30')).toEqual([]);
    expect(summaryOf({ ...base, pending: { ...c.pending!, requirement: base.requirement, sites: base.sites, archive: true } }).commitments[0]!.easing?.words).toBe('archived');
  });

  it('decodes what it encodes, and a summary string from before has no ahead field', () => {
    const dayArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const textArb = (max: number, min = 0) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }).filter((t) => !/[|;]/.test(t) && [...t].length <= max && [...t].length >= min);
    fc.assert(fc.property(
      fc.option(fc.record({ from: dayArb, until: fc.option(dayArb, { nil: null }), reason: textArb(SHARED_REASON_MAX) }), { nil: null }),
      fc.option(fc.record({ day: dayArb, words: textArb(SHARED_EASING_MAX, 1) }), { nil: null }),
      (pause, easing) => {
        expect(decodeAhead(encodeAhead({ pause, easing }))).toEqual({ pause, easing, recalibrated: null, pledge: null });
      },
    ));
    const old = { name: 'Ana', rev: 3, day: '2026-11-30', dayEnds: NOW + 3600_000, commitments: ['c1|gate|pending|day|3|0|0|0|0||ddx|Deep | work'] };
    expect((decodeSummary(old) as Summary).commitments[0]).toMatchObject({ title: 'Deep | work', pause: null, easing: null } satisfies Partial<SharedCommitment>);
  });
});

describe('a recalibration and a pledge, as a partner sees them', () => {
  const DAY = 86_400_000;
  it('tells which choice a recalibration took, for a week, and never its note', () => {
    for (const choice of ['recommit', 'fit', 'pause'] as const) {
      const c: Commitment = { ...base, recalibration: { at: NOW - 2 * DAY, choice, note: 'secret note about my week' } };
      const shared = summaryOf(c).commitments[0]!;
      expect(shared.recalibrated).toEqual({ day: '2026-11-28', choice });
      const wire = encodeSummary({ ...summaryOf(c), rev: 1 });
      expect(JSON.stringify(wire)).not.toMatch(/secret/);
      expect(wire.commitments[0]).toMatch(RULES_COMMITMENT);
      expect(decodeSummary(wire)!.commitments[0]).toEqual(shared);
    }
    expect(aheadLines('Ana', summaryOf({ ...base, recalibration: { at: NOW, choice: 'recommit' } }).commitments[0]!, '2026-11-30'))
      .toEqual(['Ana missed Deep work often lately and recommitted to it on Mon 30 Nov']);
    // A week later it is no longer news.
    expect(summaryOf({ ...base, recalibration: { at: NOW - 7 * DAY, choice: 'fit' } }).commitments[0]!.recalibrated).toBeNull();
  });

  it('shares the pledge in the person’s words, the week it was met, and once marked kept', () => {
    // Made on Mon 16 Nov, no check-in: this week (from Mon 30 Nov) has nothing missed yet, last week all missed.
    const pledged: Commitment = { ...base, requirement: { kind: 'checkin' }, pledge: { misses: 2, stake: 'give €10 to the climbing club; gladly' } };
    const due = summaryOf(pledged).commitments[0]!;
    expect(due.pledge).toEqual({ misses: 2, stake: 'give €10 to the climbing club  gladly', week: '2026-11-23', kept: false });
    expect(aheadLines('Ana', due, '2026-11-30')).toContain('Ana\'s pledge is due for the week of Mon 23 Nov: “If I miss 2 days in a week, I give €10 to the climbing club  gladly.”');
    const kept = summaryOf({ ...pledged, pledge: { ...pledged.pledge!, kept: ['2026-11-23'] } }).commitments[0]!;
    expect(kept.pledge).toMatchObject({ week: '2026-11-23', kept: true });
    expect(aheadLines('Ana', kept, '2026-11-30').at(-1)).toMatch(/^Ana kept the pledge for the week of Mon 23 Nov/);
    const quiet = summaryOf({ ...base, pledge: { misses: 7, stake: 'run a 10k' } }).commitments[0]!;
    expect(quiet.pledge).toEqual({ misses: 7, stake: 'run a 10k', week: null, kept: false });
    expect(aheadLines('Ana', quiet, '2026-11-30')).toEqual(['Ana\'s pledge: “If I miss 7 days in a week, I run a 10k.”']);
    for (const c of [due, kept, quiet]) {
      const wire = encodeSummary({ ...summaryOf(pledged), commitments: [c], rev: 1 });
      expect(wire.commitments[0]).toMatch(RULES_COMMITMENT);
      expect(decodeSummary(wire)!.commitments[0]).toEqual(c);
    }
  });

  it('decodes every part it encodes, in any combination, and every encoding passes the rules’ check', () => {
    const dayArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const textArb = (max: number, min = 0) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }).filter((t) => !/[|;]/.test(t) && [...t].length <= max && [...t].length >= min);
    const line = (ahead: string) => ['c1', 'gate', 'pending', 'day', 3, 0, 0, 0, 0, '', 'ddx', ahead, 'Deep | work'].join('|');
    fc.assert(fc.property(
      fc.option(fc.record({ from: dayArb, until: fc.option(dayArb, { nil: null }), reason: textArb(SHARED_REASON_MAX) }), { nil: null }),
      fc.option(fc.record({ day: dayArb, words: textArb(SHARED_EASING_MAX, 1) }), { nil: null }),
      fc.option(fc.record({ day: dayArb, choice: fc.constantFrom('recommit' as const, 'fit' as const, 'pause' as const) }), { nil: null }),
      fc.option(fc.record({ misses: fc.integer({ min: 1, max: 7 }), stake: textArb(80, 1), week: fc.option(dayArb, { nil: null }), kept: fc.boolean() })
        .map((p) => ({ ...p, kept: p.week !== null && p.kept })), { nil: null }),
      (pause, easing, recalibrated, pledge) => {
        const a = { pause, easing, recalibrated, pledge };
        expect(decodeAhead(encodeAhead(a))).toEqual(a);
        expect(line(encodeAhead(a))).toMatch(RULES_COMMITMENT);
      },
    ));
    // A part from a newer version is skipped; a field that is no such thing is a title (a string from before).
    expect(decodeAhead('e2026-12-03~45 min;z9~whatever')).toMatchObject({ easing: { day: '2026-12-03', words: '45 min' } });
    expect(decodeAhead('Deep ')).toBeNull();
    // The rules take a summary string from before issue 11 (no ahead field) too: old clients keep syncing.
    expect('c1|gate|pending|day|3|0|0|0|0||ddx|Deep work').toMatch(RULES_COMMITMENT);
  });
});
