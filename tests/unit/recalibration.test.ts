/** Recalibration (issue 11, item 3): the thresholds, once a week, and a smaller target that fits. */
import { describe, expect, it } from 'vitest';
import { dailyReason, mayAsk, smallerTarget, weeklyReason, RECALIBRATE_EVERY_MS } from '@/utils/core/recalibration';
import { addDays, localInstant } from '@/utils/core/days';
import { viewToday } from '@/utils/core/today';
import type { DayEntry, DayOutcome, WeekEntry } from '@/utils/core/streak-engine';
import type { Clock, Commitment } from '@/utils/core/types';

const L: Record<string, DayOutcome> = { d: 'done', m: 'missed', r: 'repaired', n: 'not-active', p: 'paused' };
const seq = (p: string): DayEntry[] => [...p].map((ch, i) => ({ day: addDays('2026-11-02', i), outcome: L[ch]! }));
const week = (count: number, target = 3, complete = true): WeekEntry => ({ weekStart: '2026-11-02', target, count, complete });

describe('when a recalibration is offered', () => {
  it('3 of the last 7 active days missed; days off and pauses do not count, a repaired day is not a miss', () => {
    expect(dailyReason(seq('dmdmdmd'))).toEqual({ missed: 3, of: 7 });
    expect(dailyReason(seq('mdmdddd'))).toBeNull(); // the third miss is 8 active days back
    expect(dailyReason(seq('mmdnnpppdmdd'))).toEqual({ missed: 3, of: 7 });
    expect(dailyReason(seq('dmdrdmd'))).toBeNull();
    expect(dailyReason(seq('mmm'))).toEqual({ missed: 3, of: 3 }); // a new commitment missed three times already
  });

  it('a weekly target short two complete weeks running; the week still going does not count', () => {
    expect(weeklyReason([week(3), week(1), week(2)])).toEqual({ weeksShort: 2 });
    expect(weeklyReason([week(1), week(3), week(2)])).toBeNull();
    expect(weeklyReason([week(1), week(2), week(0, 3, false)])).toEqual({ weeksShort: 2 });
    expect(weeklyReason([week(0, 0), week(1)])).toBeNull(); // a paused week is no week
  });

  it('at most once a week per commitment, and never for an archived one', () => {
    const c = { recalibration: { at: 1000, choice: 'recommit' } } as Commitment;
    expect(mayAsk(c, 1000 + RECALIBRATE_EVERY_MS - 1)).toBe(false);
    expect(mayAsk(c, 1000 + RECALIBRATE_EVERY_MS)).toBe(true);
    expect(mayAsk({ archivedAt: 5 } as Commitment, 10)).toBe(false);
  });

  it('suggests a smaller target: 60 → 45 minutes, 3 → 2 times; a check-in has none', () => {
    expect(smallerTarget({ kind: 'focus', minutes: 60 })).toEqual({ kind: 'focus', minutes: 45 });
    expect(smallerTarget({ kind: 'focus', minutes: 5 })).toBeNull();
    expect(smallerTarget({ kind: 'focus', minutes: 3 })).toBeNull();
    expect(smallerTarget({ kind: 'habit', times: 3, per: 'week' })).toEqual({ kind: 'habit', times: 2, per: 'week' });
    expect(smallerTarget({ kind: 'checkin' })).toBeNull();
  });

  it('shows on the view of a commitment missed 3 of its last 7 days, and not within a week of the last answer', () => {
    const TZ = 'Europe/Berlin';
    const now = localInstant('2026-11-10', 15 * 60, TZ);
    const clock: Clock = { now, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 };
    const c: Commitment = {
      id: 'c', title: 'Deep work', why: '', sites: ['x.com'], requirement: { kind: 'focus', minutes: 60 },
      schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 720 }], createdAt: localInstant('2026-11-06', 9 * 60, TZ), updatedAt: 0,
    };
    expect(viewToday([c], new Map(), clock)[0]!.recalibrate).toEqual({ missed: 4, of: 4 });
    expect(viewToday([{ ...c, recalibration: { at: now - 86_400_000, choice: 'recommit' } }], new Map(), clock)[0]!.recalibrate).toBeUndefined();
  });
});
