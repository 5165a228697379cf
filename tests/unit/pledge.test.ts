/** Pledges (issue 11, item 5): the trigger, once per week until kept, and the words. */
import { describe, expect, it } from 'vitest';
import { checkPledge, describePledge, pledgeDue } from '@/utils/core/pledge';
import { addDays } from '@/utils/core/days';
import type { DayEntry, DayOutcome } from '@/utils/core/streak-engine';

const L: Record<string, DayOutcome> = { d: 'done', m: 'missed', r: 'repaired', n: 'not-active', p: 'paused', x: 'pending' };
// Monday 2 Nov 2026 on.
const seq = (p: string): DayEntry[] => [...p].map((ch, i) => ({ day: addDays('2026-11-02', i), outcome: L[ch]! }));
const pledge = { misses: 2, stake: 'give €10 to the climbing club' };

describe('a pledge', () => {
  it('is told once a week reaches its missed days, this week or last, until marked kept; a repair is not a miss', () => {
    expect(pledgeDue(pledge, seq('dmdddx'), '2026-11-07', 1)).toBeNull();
    expect(pledgeDue(pledge, seq('dmdmdx'), '2026-11-07', 1)).toEqual({ weekStart: '2026-11-02', missed: 2 });
    expect(pledgeDue(pledge, seq('dmdrdx'), '2026-11-07', 1)).toBeNull();
    // Met on Sunday, still told on Monday; once kept, not again.
    expect(pledgeDue(pledge, seq('ddddmmdx'), '2026-11-09', 1)).toEqual({ weekStart: '2026-11-02', missed: 2 });
    expect(pledgeDue({ ...pledge, kept: ['2026-11-02'] }, seq('ddddmmdx'), '2026-11-09', 1)).toBeNull();
    // Two weeks back is past.
    expect(pledgeDue(pledge, seq('mmddddddddddddddx'), '2026-11-18', 1)).toBeNull();
    expect(pledgeDue(undefined, seq('mmm'), '2026-11-04', 1)).toBeNull();
  });

  it('is checked as typed, and said in the person’s words', () => {
    expect(checkPledge(2, '  give €10 to the climbing club ')).toEqual({ ok: true, value: pledge });
    expect(checkPledge(0, 'x')).toMatchObject({ ok: false });
    expect(checkPledge(8, 'x')).toMatchObject({ ok: false });
    expect(checkPledge(2, ' ')).toMatchObject({ ok: false });
    expect(checkPledge(2, 'x'.repeat(81))).toMatchObject({ ok: false });
    expect(describePledge(pledge)).toBe('If I miss 2 days in a week, I give €10 to the climbing club.');
    expect(describePledge({ misses: 1, stake: 'I do the dishes for a week' })).toBe('If I miss a day in a week, I do the dishes for a week.');
  });
});
