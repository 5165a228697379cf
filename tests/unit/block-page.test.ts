import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holdingSentence, stakeSentence, turnedBackCounts, turnedBackSentence } from '@/utils/core/block-page';
import { checkGoAnywayMinutes, goAnywayMinutesOf } from '@/utils/core/go-anyway';
import { progressOf, type Requirement } from '@/utils/core/requirements';
import type { Attempt, AttemptOutcome, Commitment, DayKey } from '@/utils/core/types';
import type { CommitmentView } from '@/utils/core/today';

// 2026-03-04 is a Wednesday: its Monday week started 03-02, its Sunday week 03-01.
const WED = '2026-03-04';
let n = 0;
const attempt = (day: DayKey, at: number, outcome: AttemptOutcome = 'turned-back', commitmentId = 'c1'): Attempt => ({
  id: `a${++n}`, commitmentId, day, at, outcome,
});

describe('turnedBackCounts', () => {
  it('counts visits that ended turned back or in a session, today and since the week started', () => {
    const attempts = [
      attempt(WED, 10), attempt(WED, 20, 'started-session'), attempt(WED, 30, 'went-anyway'),
      attempt('2026-03-03', 5), attempt('2026-03-02', 4), attempt('2026-03-01', 3), attempt('2026-02-28', 2),
    ];
    expect(turnedBackCounts(attempts, WED, 1)).toEqual({ today: 2, week: 4 });
    // The week-start setting: a week starting on Sunday takes in 03-01 too; one starting Saturday takes in 02-28.
    expect(turnedBackCounts(attempts, WED, 0)).toEqual({ today: 2, week: 5 });
    expect(turnedBackCounts(attempts, WED, 6)).toEqual({ today: 2, week: 6 });
    // A week starting today holds only today.
    expect(turnedBackCounts(attempts, WED, 3)).toEqual({ today: 2, week: 2 });
  });

  it('counts one visit once, however many commitments held the site, and leaves out the visit under way', () => {
    const a = attempt(WED, 10, 'turned-back', 'c1');
    const b = attempt(WED, 10, 'turned-back', 'c2');
    const now1 = attempt(WED, 50, 'turned-back', 'c1');
    const now2 = attempt(WED, 50, 'turned-back', 'c2');
    expect(turnedBackCounts([a, b, now1, now2], WED, 1, new Set([now1.id, now2.id]))).toEqual({ today: 1, week: 1 });
    expect(turnedBackCounts([a, b, now1, now2], WED, 1)).toEqual({ today: 2, week: 2 });
  });

  it('never counts a day after today, and today never exceeds the week', () => {
    const days = ['2026-02-25', '2026-02-27', '2026-03-01', '2026-03-02', '2026-03-03', WED, '2026-03-05', '2026-03-07'];
    const arb = fc.array(
      fc.record({ day: fc.constantFrom(...days), at: fc.integer({ min: 0, max: 30 }), outcome: fc.constantFrom<AttemptOutcome>('turned-back', 'went-anyway', 'started-session') }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom<0 | 1 | 6>(0, 1, 6), (rows, weekStart) => {
        const counts = turnedBackCounts(rows.map((r, i) => ({ ...r, id: `p${i}`, commitmentId: 'c' })), WED, weekStart);
        expect(counts.today).toBeLessThanOrEqual(counts.week);
        const future = turnedBackCounts(rows.filter((r) => r.day > WED).map((r, i) => ({ ...r, id: `f${i}`, commitmentId: 'c' })), WED, weekStart);
        expect(future).toEqual({ today: 0, week: 0 });
      }),
    );
  });
});

describe('what the block page says', () => {
  it('says how often the person turned back, in words', () => {
    expect(turnedBackSentence({ today: 0, week: 0 })).toBeNull();
    expect(turnedBackSentence({ today: 1, week: 1 })).toBe('You turned back once today.');
    expect(turnedBackSentence({ today: 2, week: 5 })).toBe('You turned back twice today, 5 times this week.');
    expect(turnedBackSentence({ today: 3, week: 3 })).toBe('You turned back 3 times today.');
    expect(turnedBackSentence({ today: 0, week: 4 })).toBe('You turned back 4 times this week. Today can be one more.');
  });

  it('says in one line that Tandem holds the site because the person set it up', () => {
    expect(holdingSentence(1)).toBe('Tandem is holding this site until your commitment is done — you set this up.');
    expect(holdingSentence(2)).toBe('Tandem is holding this site until your commitments are done — you set this up.');
  });

  const view = (requirement: Requirement, value: number, current: number, unit: 'day' | 'week' = 'day') => {
    const progress = { ...progressOf(requirement, { sessions: [], checkIns: [] }, 0), value };
    return {
      commitment: { requirement } as Commitment,
      today: { day: WED, status: 'pending', progress, windowEnd: null },
      streak: { current, best: current, rate30: null, unit },
    } satisfies Pick<CommitmentView, 'commitment' | 'today' | 'streak'>;
  };

  it('names the streak at stake and what keeps it, in each kind’s words', () => {
    expect(stakeSentence(view({ kind: 'focus', minutes: 45 }, 3, 3))).toBe('3-day streak — 42 min of focus to keep it.');
    expect(stakeSentence(view({ kind: 'checkin' }, 0, 12))).toBe('12-day streak — a check-in to keep it.');
    expect(stakeSentence(view({ kind: 'site-time', minutes: 30, sites: ['docs.google.com'] }, 10, 2)))
      .toBe('2-day streak — 20 min on docs.google.com to keep it.');
    expect(stakeSentence(view({ kind: 'site-time', minutes: 30, sites: ['a.org', 'b.org'] }, 0, 1)))
      .toBe('1-day streak — 30 min on your work sites to keep it.');
    expect(stakeSentence(view({ kind: 'habit', times: 3, per: 'week' }, 1, 4, 'week'))).toBe('4-week streak — 2 more times to keep it.');
    expect(stakeSentence(view({ kind: 'habit', times: 1, per: 'day' }, 0, 5))).toBe('5-day streak — one more time to keep it.');
  });

  it('with no streak yet, says that today starts one', () => {
    expect(stakeSentence(view({ kind: 'focus', minutes: 45 }, 0, 0))).toBe('45 min of focus today starts a streak.');
    expect(stakeSentence(view({ kind: 'checkin' }, 0, 0))).toBe('A check-in today starts a streak.');
  });
});

describe('the go-anyway setting', () => {
  it('takes whole minutes from 1 to 30', () => {
    for (const ok of [1, 5, 15, 30]) expect(checkGoAnywayMinutes(ok)).toEqual({ ok: true, value: ok });
  });

  it('refuses anything else with words a person can act on', () => {
    for (const bad of [0, -5, 31, 120, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined]) {
      expect(checkGoAnywayMinutes(bad)).toEqual({ ok: false, error: '“Go anyway” opens a site for 1 to 30 whole minutes.' });
    }
  });

  it('is 5 minutes in settings stored before it existed, or holding a value out of range', () => {
    expect(goAnywayMinutesOf({})).toBe(5);
    expect(goAnywayMinutesOf({ goAnywayMinutes: 99 })).toBe(5);
    expect(goAnywayMinutesOf({ goAnywayMinutes: 12 })).toBe(12);
  });
});
