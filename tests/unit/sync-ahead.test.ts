/** What is ahead, shared with a partner (issue 11): pauses and easings waiting, on the wire and in words. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAhead, decodeSummary, encodeAhead, encodeSummary } from '@/utils/core/partners/wire';
import { buildSummary, SHARED_EASING_MAX, SHARED_REASON_MAX, type SharedCommitment, type Summary } from '@/utils/core/partners/summary';
import { aheadLines } from '@/utils/core/partners/partner';
import { viewToday } from '@/utils/core/today';
import { localInstant } from '@/utils/core/days';
import type { Clock, Commitment } from '@/utils/core/types';

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
        expect(decodeAhead(encodeAhead({ pause, easing }))).toEqual({ pause, easing });
      },
    ));
    const old = { name: 'Ana', rev: 3, day: '2026-11-30', dayEnds: NOW + 3600_000, commitments: ['c1|gate|pending|day|3|0|0|0|0||ddx|Deep | work'] };
    expect((decodeSummary(old) as Summary).commitments[0]).toMatchObject({ title: 'Deep | work', pause: null, easing: null } satisfies Partial<SharedCommitment>);
  });
});
