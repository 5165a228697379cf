import { drawHeatmap } from '@/components/heatmap-geometry';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeOf, pastDays } from '@/utils/core/history';
import { attemptsByDay, attemptsByWeek, heldShare } from '@/utils/core/attempt-stats';
import { viewToday } from '@/utils/core/today';
import { addDays, localInstant, weekdayOf } from '@/utils/core/days';
import { rulesOn, withEdit } from '@/utils/core/rules';
import { compileGateState } from '@/utils/core/gate';
import { statusOn } from '@/utils/core/status';
import type { Attempt, Clock, Commitment, DayKey, Weekday } from '@/utils/core/types';
import type { DayRecords } from '@/utils/core/requirements';

const TZ = 'Europe/Berlin';
const at = (date: DayKey, minutes: number) => localInstant(date, minutes, TZ);
const clockAt = (date: DayKey, minutes: number): Clock => ({ now: at(date, minutes), timeZone: TZ, dayStartMinutes: 240 });

function commitment(days: Weekday[], created: DayKey, createdMinutes = 8 * 60): Commitment {
  return {
    id: 'c', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 30 },
    schedule: [{ days, untilMinutes: 12 * 60 }], createdAt: at(created, createdMinutes), updatedAt: 0,
  };
}
const focusOn = (day: DayKey, startMinutes: number, minutes: number): DayRecords => ({
  sessions: [{ id: day, commitmentId: 'c', day, startedAt: at(day, startMinutes), endsAt: at(day, startMinutes + minutes), endedAt: at(day, startMinutes + minutes), outcome: 'completed' }],
  checkIns: [],
});

describe('past days', () => {
  it('judges every past day exactly as a full judgement would (the shortcut for days without records is sound)', () => {
    fc.assert(
      fc.property(
        fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
        fc.integer({ min: 4 * 60, max: 23 * 60 + 59 }), // created on `first` (after its 04:00 day start)
        fc.array(fc.option(fc.record({ start: fc.integer({ min: 5 * 60, max: 14 * 60 }), minutes: fc.integer({ min: 1, max: 60 }) }), { nil: undefined }), { minLength: 1, maxLength: 40 }),
        (days, createdMinutes, plan) => {
          const first = '2026-03-20'; // spans the DST change on 2026-03-29
          const c = commitment(days, first, createdMinutes);
          const history = new Map<DayKey, DayRecords>();
          plan.forEach((p, i) => p && history.set(addDays(first, i), focusOn(addDays(first, i), p.start, p.minutes)));
          const today = addDays(first, plan.length);
          const clock = clockAt(today, 9 * 60);
          const entries = pastDays(c, history, today, clock);
          expect(entries.map((e) => e.day)).toEqual(plan.map((_, i) => addDays(first, i)));
          for (const e of entries) {
            expect(e.outcome).toBe(outcomeOf(statusOn(c, e.day, history.get(e.day) ?? { sessions: [], checkIns: [] }, clock)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the check-in view', () => {
  it('shows the current and best streak, the 30-day rate and a 16-week calendar ending today', () => {
    const c = commitment([1, 2, 3, 4, 5], '2026-11-02'); // a Monday
    const history = new Map<DayKey, DayRecords>();
    // Week 1 all done, Monday of week 2 missed, then done through Thursday the 12th.
    for (const d of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-10', '2026-11-11', '2026-11-12']) history.set(d, focusOn(d, 8 * 60, 30));
    const [view] = viewToday([c], new Map([['c', history]]), clockAt('2026-11-13', 9 * 60));
    expect(view!.today.status).toBe('pending');
    expect(view!.streak).toEqual({ current: 3, best: 5, rate30: 8 / 9, unit: 'day' });
    expect(view!.heatmap).toHaveLength(16);
    const last = view!.heatmap.at(-1)!;
    expect(last.weekStart).toBe('2026-11-09');
    expect(last.days.map((d) => d.outcome)).toEqual(['missed', 'done', 'done', 'done', 'pending', 'future', 'future']);
  });

  it("leaves the calendar blank before a commitment's first day: a new one has no days off behind it", () => {
    const c = commitment([1, 2, 3, 4, 5], '2026-11-12'); // a Thursday
    const [view] = viewToday([c], new Map([['c', new Map()]]), clockAt('2026-11-13', 9 * 60));
    const cells = view!.heatmap.flatMap((w) => w.days);
    expect(cells.filter((d) => d.day < '2026-11-12').every((d) => d.outcome === 'before')).toBe(true);
    expect(cells.filter((d) => d.day >= '2026-11-12' && d.outcome !== 'future').map((d) => d.outcome)).toEqual(['missed', 'pending']);
    const drawn = drawHeatmap(view!.heatmap).layers.map((l) => [l.outcome, l.days]);
    expect(drawn).toEqual([['missed', 1], ['pending', 1]]);
  });
});

describe('block-page record', () => {
  const attempt = (day: DayKey, outcome: Attempt['outcome']): Attempt => ({ id: `${day}${outcome}${Math.random()}`, commitmentId: 'c', day, at: 0, outcome });
  it('counts arrivals per week by outcome, and the share held back', () => {
    const rows = attemptsByWeek(
      [attempt('2026-11-03', 'turned-back'), attempt('2026-11-04', 'went-anyway'), attempt('2026-11-10', 'started-session'), attempt('2026-11-12', 'turned-back'), attempt('2026-09-01', 'went-anyway')],
      '2026-11-13', 2,
    );
    expect(rows.map((r) => [r.weekStart, r.total, r.counts['went-anyway']])).toEqual([['2026-11-02', 2, 1], ['2026-11-09', 2, 0]]);
    expect(heldShare(rows)).toBe(3 / 4);
    expect(heldShare(attemptsByWeek([], '2026-11-13', 4))).toBeNull();
    const days = attemptsByDay([attempt('2026-11-12', 'turned-back'), attempt('2026-11-12', 'went-anyway'), attempt('2026-11-01', 'turned-back')], '2026-11-13', 3);
    expect(days).toEqual([{ day: '2026-11-11', total: 0, wentAnyway: 0 }, { day: '2026-11-12', total: 2, wentAnyway: 1 }, { day: '2026-11-13', total: 0, wentAnyway: 0 }]);
  });
});

describe('habits', () => {
  const habit = (times: number, per: 'day' | 'week', days: Weekday[] = [0, 1, 2, 3, 4, 5, 6]): Commitment => ({
    ...commitment(days, '2026-10-01'), sites: [], requirement: { kind: 'habit', times, per },
  });
  const checkIns = (...days: DayKey[]) => {
    const m = new Map<DayKey, DayRecords>();
    for (const d of days) {
      const r = m.get(d) ?? { sessions: [], checkIns: [] };
      r.checkIns.push({ id: `${d}-${r.checkIns.length}`, commitmentId: 'c', day: d, at: at(d, 18 * 60 + r.checkIns.length) });
      m.set(d, r);
    }
    return m;
  };

  it('a weekly habit is judged by its week: "2 of 3 this week", weekly streaks, never missed on a day', () => {
    const c = habit(3, 'week');
    // Weeks (Monday start): Oct 26 – 3 done, Nov 2 – 3 done, Nov 9 – 2 so far (today is Thu Nov 12).
    const history = checkIns('2026-10-26', '2026-10-28', '2026-10-30', '2026-11-02', '2026-11-03', '2026-11-05', '2026-11-10', '2026-11-11');
    const [view] = viewToday([c], new Map([['c', history]]), { ...clockAt('2026-11-12', 9 * 60), weekStartsOn: 1 });
    expect(view!.today.status).toBe('pending');
    expect(view!.today.progress).toMatchObject({ value: 2, target: 3, done: false });
    expect(view!.streak).toMatchObject({ current: 2, unit: 'week' });
    expect(view!.heatmap.flatMap((w) => w.days).filter((d) => d.outcome === 'missed')).toEqual([]);
  });

  it('a daily habit done twice a day is done on the second check-in and missed once the day is over without it', () => {
    const c = habit(2, 'day');
    const history = checkIns('2026-11-10', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-12');
    const [view] = viewToday([c], new Map([['c', history]]), clockAt('2026-11-12', 20 * 60));
    expect(view!.today.status).toBe('done');
    expect(view!.streak.current).toBe(1); // the 11th had one of two
    const cells = view!.heatmap.flatMap((w) => w.days);
    expect(cells.find((d) => d.day === '2026-11-11')!.outcome).toBe('missed');
    expect(cells.find((d) => d.day === '2026-11-10')!.outcome).toBe('done');
  });

  it('a daily habit logged for yesterday the next morning counts for yesterday (the check-in is the day’s)', () => {
    const c = habit(1, 'day');
    // Logged on the 12th at 09:00 for the 11th (the popup's "Log yesterday"); nothing on the 10th.
    const history = new Map<DayKey, DayRecords>([
      ['2026-11-11', { sessions: [], checkIns: [{ id: 'late', commitmentId: 'c', day: '2026-11-11', at: at('2026-11-12', 9 * 60) }] }],
    ]);
    const [view] = viewToday([c], new Map([['c', history]]), clockAt('2026-11-12', 10 * 60));
    const cells = view!.heatmap.flatMap((w) => w.days);
    expect(cells.find((d) => d.day === '2026-11-11')!.outcome).toBe('done');
    expect(cells.find((d) => d.day === '2026-11-10')!.outcome).toBe('missed');
    expect(view!.streak.current).toBe(1);
  });
});

describe('edits never rewrite past days', () => {
  it('keeps earlier rules for the days before an edit', () => {
    const c = commitment([1, 2, 3, 4, 5], '2026-11-02');
    const edited = { ...c, requirement: { kind: 'focus' as const, minutes: 60 }, schedule: [{ days: [1, 2, 3, 4, 5, 6] as Weekday[], untilMinutes: 12 * 60 }], ...withEdit(c, { requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: [1, 2, 3, 4, 5, 6], untilMinutes: 12 * 60 }] }, '2026-11-09') };
    expect(rulesOn(edited, '2026-11-06').requirement).toEqual({ kind: 'focus', minutes: 30 });
    expect(rulesOn(edited, '2026-11-09').requirement).toEqual({ kind: 'focus', minutes: 60 });
    // 30-minute sessions every weekday of the first week stay "done" after the target became 60.
    const history = new Map<DayKey, DayRecords>();
    for (const d of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']) history.set(d, focusOn(d, 8 * 60, 30));
    history.set('2026-11-09', focusOn('2026-11-09', 8 * 60, 60));
    const [view] = viewToday([edited], new Map([['c', history]]), clockAt('2026-11-09', 13 * 60));
    expect(view!.streak.current).toBe(6);
    // Saturday the 7th was not a commitment day then, although Saturdays are now.
    expect(view!.heatmap.flatMap((w) => w.days).find((d) => d.day === '2026-11-07')!.outcome).toBe('not-active');
  });

  it('matches a day-by-day reference over random schedules, edits and time zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.record({ days: fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }), minutes: fc.integer({ min: 10, max: 60 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 70 }), { minLength: 40, maxLength: 40 }),
        (timeZone, versions, focused) => {
          const first = '2026-10-01'; // spans the autumn DST changes
          const lengthDays = focused.length;
          // Version i is in force from day starts[i]; edits happen on evenly spread days.
          const starts = versions.map((_, i) => Math.floor((i * lengthDays) / versions.length));
          const versionOf = (i: number) => starts.filter((s) => s <= i).length - 1;
          const local = (d: DayKey, m: number) => localInstant(d, m, timeZone);
          const rules = (v: number) => ({ requirement: { kind: 'focus' as const, minutes: versions[v]!.minutes }, schedule: [{ days: versions[v]!.days, untilMinutes: 12 * 60 }] });
          let c: Commitment = { id: 'c', title: 't', why: '', sites: ['a.example'], ...rules(0), createdAt: local(first, 5 * 60), updatedAt: 0 };
          for (let v = 1; v < versions.length; v++) c = { ...c, ...rules(v), ...withEdit(c, rules(v), addDays(first, starts[v]!)) };
          const history = new Map<DayKey, DayRecords>();
          focused.forEach((m, i) => {
            if (m === 0) return;
            const d = addDays(first, i);
            history.set(d, { sessions: [{ id: d, commitmentId: 'c', day: d, startedAt: local(d, 8 * 60), endsAt: local(d, 8 * 60 + m), endedAt: local(d, 8 * 60 + m), outcome: 'completed' }], checkIns: [] });
          });
          const today = addDays(first, lengthDays - 1);
          const clock: Clock = { now: local(today, 13 * 60), timeZone, dayStartMinutes: 240 };
          // Reference: walk back day by day with that day's own rules.
          let expected = 0;
          for (let i = lengthDays - 1; i >= 0; i--) {
            const v = versions[versionOf(i)]!;
            const d = addDays(first, i);
            if (!v.days.includes(weekdayOf(d))) continue;
            if (focused[i]! >= v.minutes) expected++;
            else break;
          }
          const [view] = viewToday([c], new Map([['c', history]]), clock);
          expect(view!.streak.current).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('pauses', () => {
  it('paused days neither count nor break the streak, show as paused, and hold nothing back', () => {
    const c: Commitment = { ...commitment([1, 2, 3, 4, 5], '2026-11-02'), pauses: [{ from: '2026-11-04', until: '2026-11-06' }] };
    const history = new Map<DayKey, DayRecords>();
    for (const d of ['2026-11-02', '2026-11-03', '2026-11-06']) history.set(d, focusOn(d, 8 * 60, 30));
    const [view] = viewToday([c], new Map([['c', history]]), clockAt('2026-11-06', 13 * 60));
    expect(view!.streak.current).toBe(3);
    const cells = view!.heatmap.flatMap((w) => w.days);
    expect(cells.filter((d) => d.outcome === 'paused').map((d) => d.day)).toEqual(['2026-11-04', '2026-11-05']);

    const open: Commitment = { ...c, pauses: [{ from: '2026-11-09' }] };
    const monday = clockAt('2026-11-09', 9 * 60);
    expect(viewToday([open], new Map(), monday)[0]!.today.status).toBe('paused');
    expect(compileGateState({ commitments: [open], today: new Map(), overrides: [], clock: monday }).closed).toEqual([]);
  });
});
