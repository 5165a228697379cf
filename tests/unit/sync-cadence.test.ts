import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COUNTS_EVERY_MS,
  PAGE_PULL_MIN_MS,
  PULL_EVERY_MIN,
  backoffMs,
  changeBetween,
  pushDueAt,
  shouldPull,
} from '@/utils/core/partners/cadence';
import type { SharedCommitment, Summary } from '@/utils/core/partners/summary';

const MIN = 60_000;
const T0 = Date.parse('2026-03-10T09:00:00Z');

const shared = (over: Partial<SharedCommitment> = {}): SharedCommitment => ({
  id: 'c1', title: 'Deep work', kind: 'gate', status: 'pending', doneAt: null, streak: 4, best: 9, unit: 'day',
  days: 'ddmdx', focusMinutes: 10, turnedBack: 2, wentAnyway: 0, ...over,
});
const summary = (over: Partial<Summary> = {}, commitments = [shared(), shared({ id: 'c2', title: 'Walk', kind: 'habit' })]): Summary => ({
  name: 'Sam', rev: T0, day: '2026-03-10', dayEnds: T0 + 18 * 3600_000, commitments, ...over,
});
const withFirst = (over: Partial<SharedCommitment>) => summary({}, [shared(over), shared({ id: 'c2', title: 'Walk', kind: 'habit' })]);

describe('what changed since the last summary delivered', () => {
  it('a first summary is news', () => {
    expect(changeBetween(undefined, summary())).toBe('status');
  });

  it('nothing, when only the build time differs', () => {
    expect(changeBetween(summary(), summary({ rev: T0 + 5 * MIN }))).toBe('none');
  });

  it('counts only, when focus minutes or block-page arrivals moved', () => {
    expect(changeBetween(summary(), withFirst({ focusMinutes: 11 }))).toBe('counts');
    expect(changeBetween(summary(), withFirst({ turnedBack: 3 }))).toBe('counts');
    expect(changeBetween(summary(), withFirst({ wentAnyway: 1 }))).toBe('counts');
  });

  it('status, when anything the partner sees at a glance changed (even along with counts)', () => {
    const changes: Partial<SharedCommitment>[] = [
      { status: 'done', doneAt: T0 }, { status: 'in-progress' }, { title: 'Deeper work' }, { kind: 'habit' }, { streak: 5 },
      { best: 10 }, { unit: 'week' }, { days: 'ddmdd' }, { id: 'c9' }, { status: 'done', focusMinutes: 45 },
    ];
    for (const change of changes) expect(changeBetween(summary(), withFirst(change)), JSON.stringify(change)).toBe('status');
    // What is ahead and lately decided (issue 11), compared by value.
    const pledge = { misses: 2, stake: 'give €10', week: null, kept: false };
    const ahead: Partial<SharedCommitment> = { pause: { from: '2026-03-12', until: null, reason: '' }, recalibrated: { day: '2026-03-10', choice: 'recommit' }, pledge };
    expect(changeBetween(summary({}, [shared(ahead)]), summary({}, [shared(structuredClone(ahead))]))).toBe('none');
    expect(changeBetween(summary({}, [shared(ahead)]), summary({}, [shared({ ...ahead, pledge: { ...pledge, week: '2026-03-09' } })]))).toBe('status');
    expect(changeBetween(summary({}, [shared(ahead)]), summary({}, [shared({ ...ahead, recalibrated: null })]))).toBe('status');
    expect(changeBetween(summary(), summary({ name: 'Samantha' }))).toBe('status');
    expect(changeBetween(summary(), summary({ day: '2026-03-11' }))).toBe('status');
    expect(changeBetween(summary(), summary({}, [shared()]))).toBe('status'); // one stopped being shared
    expect(changeBetween(summary({}, []), summary({}, [shared()]))).toBe('status');
  });
});

describe('when a summary goes out', () => {
  it('a status change goes now, however recent the last push', () => {
    expect(pushDueAt('status', T0, T0 - 1000)).toBe(T0);
    expect(pushDueAt('status', T0, undefined)).toBe(T0);
  });

  it('a counts-only change waits until 15 minutes after the last push', () => {
    expect(COUNTS_EVERY_MS).toBe(15 * MIN);
    expect(pushDueAt('counts', T0, T0 - 5 * MIN)).toBe(T0 + 10 * MIN);
    expect(pushDueAt('counts', T0, T0 - 15 * MIN)).toBe(T0);
    expect(pushDueAt('counts', T0, T0 - 40 * MIN)).toBe(T0);
    expect(pushDueAt('counts', T0, undefined)).toBe(T0); // never pushed to this pair yet
  });

  it('an unchanged summary is not written', () => {
    expect(pushDueAt('none', T0, T0 - 60 * MIN)).toBeNull();
    expect(pushDueAt('none', T0, undefined)).toBeNull();
  });
});

describe('retry backoff', () => {
  const middle = () => 0.5;

  it('starts at 30 s and doubles', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, middle))).toEqual([30_000, 60_000, 2 * MIN, 4 * MIN, 8 * MIN, 16 * MIN]);
  });

  it('stops growing at 30 minutes', () => {
    expect(backoffMs(7, middle)).toBe(30 * MIN);
    expect(backoffMs(50, middle)).toBe(30 * MIN);
    expect(backoffMs(5000, middle)).toBe(30 * MIN); // 2^4999 is Infinity: still the cap
  });

  it('jitters by at most 20 % either way, never shrinks as attempts go on, and never exceeds 36 minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const base = Math.min(30 * MIN, 30_000 * 2 ** (attempt - 1));
          const wait = backoffMs(attempt, () => r);
          expect(Number.isInteger(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(0.8 * base);
          expect(wait).toBeLessThanOrEqual(1.2 * base);
          expect(wait).toBeLessThanOrEqual(36 * MIN);
          expect(backoffMs(attempt + 1, () => r)).toBeGreaterThanOrEqual(wait);
        },
      ),
    );
  });

  it('spreads two browsers retrying at the same attempt apart', () => {
    expect(backoffMs(3, () => 0)).toBe(0.8 * 2 * MIN);
    expect(backoffMs(3, () => 0.999999)).toBeGreaterThan(1.19 * 2 * MIN);
  });
});

describe('when to pull', () => {
  it('always when never pulled, or when asked to', () => {
    for (const reason of ['page', 'schedule', 'manual'] as const) expect(shouldPull(T0, undefined, reason)).toBe(true);
    expect(shouldPull(T0, T0 - 1, 'manual')).toBe(true);
    expect(shouldPull(T0, T0, 'manual')).toBe(true);
  });

  it('a page opening pulls at most once every 2 minutes', () => {
    expect(PAGE_PULL_MIN_MS).toBe(2 * MIN);
    expect(shouldPull(T0, T0 - 30_000, 'page')).toBe(false);
    expect(shouldPull(T0, T0 - 2 * MIN + 1, 'page')).toBe(false);
    expect(shouldPull(T0, T0 - 2 * MIN, 'page')).toBe(true);
  });

  it('the schedule skips a pull when one happened in the last 15 minutes', () => {
    expect(PULL_EVERY_MIN).toBe(30);
    expect(shouldPull(T0, T0 - 3 * MIN, 'schedule')).toBe(false);
    expect(shouldPull(T0, T0 - 15 * MIN + 1, 'schedule')).toBe(false);
    expect(shouldPull(T0, T0 - 15 * MIN, 'schedule')).toBe(true);
    expect(shouldPull(T0, T0 - 31 * MIN, 'schedule')).toBe(true);
  });
});

describe('a clock that was ahead', () => {
  it('does not hold pulls or pushes back until the old time comes round again', () => {
    const now = 1_800_000_000_000;
    expect(shouldPull(now, now + 3 * 3600_000, 'page')).toBe(true);
    expect(shouldPull(now, now + 3 * 3600_000, 'schedule')).toBe(true);
    expect(pushDueAt('counts', now, now + 3 * 3600_000)).toBe(now);
  });
});
