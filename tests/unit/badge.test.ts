import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseBadge, ownBadge } from '@/utils/core/badge';
import { BADGE_DONE, BADGE_WAITING } from '@/utils/core/partners/partner';
import type { DayStatus } from '@/utils/core/types';

const STATUSES: DayStatus[] = ['not-today', 'paused', 'pending', 'in-progress', 'done', 'missed'];

describe('own progress on the badge', () => {
  it('counts what is still to do today, in words in the tooltip', () => {
    expect(ownBadge(['pending', 'done', 'in-progress'])).toEqual({ text: '2', color: BADGE_WAITING, title: 'Tandem — 2 of 3 commitments still to do today' });
    expect(ownBadge(['pending'])).toEqual({ text: '1', color: BADGE_WAITING, title: 'Tandem — 1 of 1 commitment still to do today' });
  });

  it('leaves out what does not apply today', () => {
    expect(ownBadge(['pending', 'not-today', 'paused']).title).toBe('Tandem — 1 of 1 commitment still to do today');
    expect(ownBadge(['not-today', 'paused'])).toEqual({ text: '', color: BADGE_WAITING, title: 'Tandem — nothing due today' });
    expect(ownBadge([])).toMatchObject({ text: '', title: 'Tandem — nothing due today' });
  });

  it('is a green check mark once all are done, and empty when the rest closed without it', () => {
    expect(ownBadge(['done', 'done', 'paused'])).toEqual({ text: '✓', color: BADGE_DONE, title: 'Tandem — all 2 commitments done today' });
    expect(ownBadge(['done'])).toMatchObject({ text: '✓', title: 'Tandem — your commitment is done for today' });
    expect(ownBadge(['done', 'missed'])).toEqual({ text: '', color: BADGE_WAITING, title: 'Tandem — nothing left to do today: 1 done, 1 missed' });
  });

  it('fits the badge: at most three characters, the number left or nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 300 }), (statuses) => {
        const b = ownBadge(statuses);
        const left = statuses.filter((s) => s === 'pending' || s === 'in-progress').length;
        expect(b.text.length).toBeLessThanOrEqual(3);
        if (left > 0) expect(b.text).toBe(left > 99 ? '99+' : String(left));
        else expect(['', '✓']).toContain(b.text);
        expect(b.title.startsWith('Tandem — ')).toBe(true);
      }),
    );
  });
});

describe('the badge the person chose', () => {
  const own = ownBadge(['pending']);
  const partner = { text: '12', color: BADGE_DONE, title: 'Tandem — Sam: 12-day streak, done for today' };

  it("automatic: the partner's streak while there is a partner, else own progress", () => {
    expect(chooseBadge('auto', { own, partner })).toBe(partner);
    expect(chooseBadge('auto', { own, partner: null })).toBe(own);
  });

  it('follows an explicit choice, and shows nothing when the choice has nothing to show', () => {
    expect(chooseBadge('own', { own, partner })).toBe(own);
    expect(chooseBadge('partner', { own, partner })).toBe(partner);
    expect(chooseBadge('partner', { own, partner: null })).toBeNull();
    expect(chooseBadge('none', { own, partner })).toBeNull();
  });
});
