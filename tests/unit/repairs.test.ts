/** Repairs (issue 11, item 4): make-ups, partner grants and the repaired day in streaks, caches and calendars. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dailyStreaks, type DayEntry, type DayOutcome } from '@/utils/core/streak-engine';
import { grantRefusal, makeUpCandidate, missedOn, previousActiveDay, withRepair } from '@/utils/core/repairs';
import { pastDays } from '@/utils/core/history';
import { extendCache, priorRun, repairedInCache } from '@/utils/core/outcome-cache';
import { addDays, localInstant } from '@/utils/core/days';
import { NO_RECORDS, type DayRecords } from '@/utils/core/requirements';
import { cellPath, OUTCOMES } from '@/components/heatmap-geometry';
import type { Clock, Commitment, FocusSession } from '@/utils/core/types';

const TZ = 'Europe/Berlin';
const MIN = 60_000;
const at = (date: string, hhmm = '15:00') => localInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const clock = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240 });
const LETTERS: Record<string, DayOutcome> = { d: 'done', m: 'missed', r: 'repaired', n: 'not-active', p: 'paused' };
const seq = (pattern: string, first = '2026-11-02'): DayEntry[] => [...pattern].map((ch, i) => ({ day: addDays(first, i), outcome: LETTERS[ch]! }));
const lastOf = (pattern: string, first = '2026-11-02') => addDays(first, pattern.length - 1);

// Monday to Friday until 12:00, 60 minutes of focus; made on Sunday 1 Nov 2026.
const deep = (over: Partial<Commitment> = {}): Commitment => ({
  id: 'c1', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 60 },
  schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }], createdAt: at('2026-11-01', '09:00'), updatedAt: 0, ...over,
});
const focused = (day: string, minutes: number): DayRecords => {
  const s: FocusSession = { id: day, commitmentId: 'c1', day, startedAt: at(day, '08:00'), endsAt: at(day, '08:00') + minutes * MIN, endedAt: at(day, '08:00') + minutes * MIN, outcome: 'completed' };
  return { sessions: [s], checkIns: [] };
};

describe('a repaired day in the streak', () => {
  it('keeps the run going without adding to it, and counts as not met in the share', () => {
    const p = 'dddrdd';
    expect(dailyStreaks(seq(p), lastOf(p))).toEqual({ current: 5, best: 5, rate30: 5 / 6 });
    expect(dailyStreaks(seq('dddmdd'), lastOf('dddmdd'))).toMatchObject({ current: 2, best: 3 });
  });

  it('never makes a streak shorter, and a run of repairs alone is no streak', () => {
    fc.assert(fc.property(fc.stringMatching(/^[dmrnp]{1,60}$/), (p) => {
      const repaired = dailyStreaks(seq(p), lastOf(p));
      const asMissed = dailyStreaks(seq(p.replaceAll('r', 'm')), lastOf(p));
      const asDone = dailyStreaks(seq(p.replaceAll('r', 'd')), lastOf(p));
      expect(repaired.current).toBeGreaterThanOrEqual(asMissed.current);
      expect(repaired.current).toBeLessThanOrEqual(asDone.current);
      expect(repaired.rate30).toEqual(asMissed.rate30);
      if (!p.includes('d')) expect(repaired.best).toBe(0);
    }));
  });

  it('is cached as its own letter, and a final day repaired later is patched in the cache', () => {
    const c = deep({ repairs: [{ day: '2026-11-03', by: 'make-up', at: 0 }] });
    const records = new Map([['2026-11-02', focused('2026-11-02', 60)], ['2026-11-04', focused('2026-11-04', 120)]]);
    const days = pastDays(c, records, '2026-11-05', clock(at('2026-11-05')));
    expect(days.map((d) => d.outcome)).toEqual(['not-active', 'done', 'repaired', 'done']);
    const cache = extendCache(deep(), undefined, records, clock(at('2026-11-07')));
    expect(cache.codes).toBe('ndmdm');
    const patched = repairedInCache(cache, '2026-11-03');
    expect(patched.codes).toBe('ndrdm');
    expect(patched.best).toBe(2);
    expect(priorRun(patched, '2026-11-05')).toEqual({ run: 2, best: 2 });
    expect(repairedInCache(patched, '2026-11-02')).toBe(patched); // a done day is not "repaired"
  });
});

describe('make-ups', () => {
  it('twice over on the next active day repairs the missed day before it, skipping the weekend', () => {
    const c = deep();
    // Friday 6 Nov missed; Monday 9 Nov 120 minutes.
    expect(previousActiveDay(c, '2026-11-09', clock(at('2026-11-09')))).toBe('2026-11-06');
    expect(makeUpCandidate(c, '2026-11-09', focused('2026-11-09', 120), clock(at('2026-11-09')))).toBe('2026-11-06');
    expect(makeUpCandidate(c, '2026-11-09', focused('2026-11-09', 119), clock(at('2026-11-09')))).toBeNull();
    expect(missedOn(c, '2026-11-06', NO_RECORDS, clock(at('2026-11-09')))).toBe(true);
    expect(missedOn(c, '2026-11-06', focused('2026-11-06', 60), clock(at('2026-11-09')))).toBe(false);
    // Not on a day off, and not twice for the same day.
    expect(makeUpCandidate(c, '2026-11-08', focused('2026-11-08', 120), clock(at('2026-11-08')))).toBeNull();
    expect(makeUpCandidate(withRepair(c, { day: '2026-11-06', by: 'make-up', at: 1 }), '2026-11-09', focused('2026-11-09', 120), clock(at('2026-11-09')))).toBeNull();
    // A single check-in cannot be done twice over; a weekly habit has no single day to make up.
    expect(makeUpCandidate(deep({ requirement: { kind: 'checkin' } }), '2026-11-09', { sessions: [], checkIns: [] }, clock(at('2026-11-09')))).toBeNull();
    const twice = { sessions: [], checkIns: [1, 2].map((i) => ({ id: `k${i}`, commitmentId: 'c1', day: '2026-11-09', at: at('2026-11-09') + i })) };
    expect(makeUpCandidate(deep({ requirement: { kind: 'habit', times: 1, per: 'day' }, sites: [] }), '2026-11-09', twice, clock(at('2026-11-09')))).toBe('2026-11-06');
    expect(makeUpCandidate(deep({ requirement: { kind: 'habit', times: 1, per: 'week' }, sites: [] }), '2026-11-09', twice, clock(at('2026-11-09')))).toBeNull();
  });
});

describe('partner grants', () => {
  it('only for a day that is over, once per commitment per 14 days', () => {
    const c = deep();
    const now = at('2026-11-20');
    expect(grantRefusal(c, '2026-11-19', '2026-11-20', now)).toBeNull();
    expect(grantRefusal(c, '2026-11-20', '2026-11-20', now)).toMatch(/over/);
    const granted = withRepair(c, { day: '2026-11-19', by: 'partner', at: now });
    expect(grantRefusal(granted, '2026-11-19', '2026-11-20', now)).toMatch(/already/);
    expect(grantRefusal(granted, '2026-11-18', '2026-11-20', now + 13 * 86_400_000)).toMatch(/14 days/);
    expect(grantRefusal(granted, '2026-12-03', '2026-12-04', now + 14 * 86_400_000)).toBeNull();
    // A make-up is not a grant: it does not use up the partner's.
    expect(grantRefusal(withRepair(c, { day: '2026-11-18', by: 'make-up', at: now }), '2026-11-19', '2026-11-20', now)).toBeNull();
  });
});

describe('the repaired day in a calendar', () => {
  it('has a shape of its own, unlike done, missed, paused or open', () => {
    expect(OUTCOMES).toContain('repaired');
    const shapes = OUTCOMES.map((o) => cellPath(o, 0, 0));
    expect(new Set(shapes.filter((_, i) => OUTCOMES[i] !== 'paused' && OUTCOMES[i] !== 'pending')).size).toBe(OUTCOMES.length - 2);
    expect(cellPath('repaired', 0, 0)).not.toBe(cellPath('done', 0, 0));
  });
});

describe('the day a partner may grant', () => {
  it('is the last missed day before today in the shared letters, within 31 days; none for a weekly one', async () => {
    const { grantableDay } = await import('@/utils/core/partners/partner');
    const shared = (days: string, unit: 'day' | 'week' = 'day') => ({
      id: 'c', title: 'T', kind: 'gate' as const, status: 'pending' as const, doneAt: null, streak: 0, best: 0, unit, days, focusMinutes: 0, turnedBack: 0, wentAnyway: 0,
    });
    expect(grantableDay(shared('ddmddx'), '2026-11-30')).toBe('2026-11-27');
    expect(grantableDay(shared('ddrddm'), '2026-11-30')).toBeNull(); // today's miss is not over; the other is repaired
    expect(grantableDay(shared(`m${'d'.repeat(31)}x`), '2026-11-30')).toBeNull();
    expect(grantableDay(shared(`m${'d'.repeat(30)}x`), '2026-11-30')).toBe('2026-10-30');
    expect(grantableDay(shared('ddmddx', 'week'), '2026-11-30')).toBeNull();
  });
});

describe('the repaired day in the partner’s view', () => {
  it('names the last repaired day of the shared letters, counted back from the summary’s day', async () => {
    const { aheadLines } = await import('@/utils/core/partners/partner');
    const c = { id: 'c', title: 'T', kind: 'gate' as const, status: 'pending' as const, doneAt: null, streak: 0, best: 0, unit: 'day' as const, days: 'ddrddx', focusMinutes: 0, turnedBack: 0, wentAnyway: 0 };
    expect(aheadLines('Ana', c, '2026-11-30')).toEqual(['Repaired Fri 27 Nov (missed, then made up or granted)']);
    expect(aheadLines('Ana', { ...c, days: 'ddmddx' }, '2026-11-30')).toEqual([]);
  });
});
