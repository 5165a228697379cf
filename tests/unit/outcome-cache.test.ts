import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cacheEnd, cachedCounts, cachedWeekCounts, extendCache, finalThrough } from '@/utils/core/outcome-cache';
import { viewToday } from '@/utils/core/today';
import { weekStartOf } from '@/utils/core/streak-engine';
import { addDays, localInstant } from '@/utils/core/days';
import type { Clock, Commitment, DayKey, Requirement, Weekday } from '@/utils/core/types';
import type { DayRecords } from '@/utils/core/requirements';

const TZ = 'America/New_York';
const at = (d: DayKey, m: number) => localInstant(d, m, TZ);

describe('the cache of final days', () => {
  it('gives the same streaks, rates and calendar as judging every day from its records', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Requirement>({ kind: 'focus', minutes: 30 }, { kind: 'checkin' }, { kind: 'habit', times: 2, per: 'day' }, { kind: 'habit', times: 3, per: 'week' }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 320 }),
        fc.integer({ min: 0, max: 2 }),
        (requirement, days, perDay, staleDays) => {
          const first = '2026-08-01'; // spans the autumn DST change
          const c: Commitment = {
            id: 'c', title: 't', why: '', sites: requirement.kind === 'habit' ? [] : ['a.example'], requirement,
            schedule: [{ days: requirement.kind === 'habit' && requirement.per === 'week' ? [0, 1, 2, 3, 4, 5, 6] : days, untilMinutes: 12 * 60 }],
            createdAt: at(first, 6 * 60), updatedAt: 0, pauses: [{ from: addDays(first, 20), until: addDays(first, 25) }],
          };
          const history = new Map<DayKey, DayRecords>();
          perDay.forEach((n, i) => {
            const d = addDays(first, i);
            const r: DayRecords = { sessions: [], checkIns: [] };
            for (let k = 0; k < n; k++) {
              if (requirement.kind === 'focus') r.sessions.push({ id: `${d}${k}`, commitmentId: 'c', day: d, startedAt: at(d, 8 * 60 + 20 * k), endsAt: at(d, 8 * 60 + 20 * k + 15), endedAt: at(d, 8 * 60 + 20 * k + 15), outcome: 'completed' });
              else r.checkIns.push({ id: `${d}${k}`, commitmentId: 'c', day: d, at: at(d, 9 * 60 + k) });
            }
            if (n) history.set(d, r);
          });
          const today = addDays(first, perDay.length - 1);
          const clock: Clock = { now: at(today, 13 * 60), timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 };
          // The worker last refreshed the cache `staleDays` days ago.
          const cache = extendCache(c, undefined, history, { ...clock, now: at(addDays(today, -staleDays), 13 * 60) });
          expect(cacheEnd(cache) <= addDays(finalThrough(today), 1)).toBe(true);
          // Pages only read the records the cache does not cover (from a day before, as loadCheckIn does).
          const recent = new Map([...history].filter(([d]) => d >= addDays(cacheEnd(cache), -1)));
          const caches = new Map([['c', cache]]);
          const full = viewToday([c], new Map([['c', history]]), clock)[0]!;
          const cached = viewToday([c], new Map([['c', recent]]), clock, { caches })[0]!;
          expect(cached.streak).toEqual(full.streak);
          expect(cached.heatmap).toEqual(full.heatmap);
          expect(cached.today.status).toBe(full.today.status);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('extends day by day without judging a day twice', () => {
    const c: Commitment = { id: 'c', title: 't', why: '', sites: ['a.example'], requirement: { kind: 'checkin' }, schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }], createdAt: at('2026-11-02', 6 * 60), updatedAt: 0 };
    const clock = (d: DayKey): Clock => ({ now: at(d, 13 * 60), timeZone: TZ, dayStartMinutes: 240 });
    const monday = extendCache(c, undefined, new Map(), clock('2026-11-02'));
    expect(monday.codes).toBe('');
    const thursday = extendCache(c, monday, new Map([['2026-11-03', { sessions: [], checkIns: [{ id: 'x', commitmentId: 'c', day: '2026-11-03', at: 0 }] }]]), clock('2026-11-05'));
    expect(thursday).toEqual({ commitmentId: 'c', from: '2026-11-02', codes: 'md', best: 1 });
    expect(extendCache(c, thursday, new Map(), clock('2026-11-05'))).toEqual(thursday);
  });
});

describe('weekly sums of a weekly habit’s cache', () => {
  it('equal its day-by-day counts added up by week, whatever day the week starts on', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,60}$/), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 13 }), (codes, startsOn, shift) => {
        const cache = { commitmentId: 'c', from: addDays('2026-03-01', shift), codes };
        const wso = startsOn as Weekday;
        const byWeek = new Map<string, number>();
        for (const { day, count } of cachedCounts(cache)) byWeek.set(weekStartOf(day, wso), (byWeek.get(weekStartOf(day, wso)) ?? 0) + count);
        const sums = cachedWeekCounts(cache, wso);
        expect(new Map(sums.map((s) => [weekStartOf(s.day, wso), s.count]))).toEqual(byWeek);
        for (const s of sums) expect(s.day >= cache.from).toBe(true);
      }),
    );
  });
});
