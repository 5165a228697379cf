import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type DayEntry,
  type DayOutcome,
  type WeekEntry,
  calendarDays,
  dailyStreaks,
  heatmap,
  todayOf,
  weekStartOf,
  weeklyStreaks,
  weeksOf,
} from '@/utils/core/streak-engine';
import { addDays, dayKeyAt, daysBetween, localInstant, weekdayOf } from '@/utils/core/days';
import type { Clock, DayKey, Weekday } from '@/utils/core/types';

/** Entries from a compact string, one letter per day from `first`: d done, m missed, n not active, p paused, ? pending, . no entry. */
function seq(first: DayKey, pattern: string): DayEntry[] {
  const letters: Record<string, DayOutcome> = { d: 'done', m: 'missed', n: 'not-active', p: 'paused', '?': 'pending' };
  const out: DayEntry[] = [];
  [...pattern].forEach((c, i) => {
    const outcome = letters[c];
    if (outcome) out.push({ day: addDays(first, i), outcome });
  });
  return out;
}
const lastDayOf = (first: DayKey, pattern: string) => addDays(first, pattern.length - 1);

// 2026-11-02 is a Monday.
const MON = '2026-11-02';

describe('dailyStreaks', () => {
  it('pauses, inactive days and gaps neither count nor break', () => {
    const p = 'ddpppdnnd..d';
    expect(dailyStreaks(seq(MON, p), lastDayOf(MON, p))).toEqual({ current: 5, best: 5, rate30: 1 });
  });

  it('today pending does not break; today missed does; today done counts', () => {
    expect(dailyStreaks(seq(MON, 'ddd?'), addDays(MON, 3)).current).toBe(3);
    expect(dailyStreaks(seq(MON, 'dddm'), addDays(MON, 3)).current).toBe(0);
    expect(dailyStreaks(seq(MON, 'dddd'), addDays(MON, 3)).current).toBe(4);
    // With nothing at all for today (a day it does not apply), yesterday's run stands.
    expect(dailyStreaks(seq(MON, 'ddd'), addDays(MON, 3)).current).toBe(3);
  });

  it('keeps the best run across a break', () => {
    const p = 'ddddnddmddm?';
    expect(dailyStreaks(seq(MON, p), lastDayOf(MON, p))).toMatchObject({ current: 0, best: 6 });
    expect(dailyStreaks(seq(MON, 'ddmdd'), addDays(MON, 4))).toMatchObject({ current: 2, best: 2 });
  });

  it('rate30 counts done / (done + missed) over the 30 days ending today', () => {
    // 10 old missed days, then 30 days: 20 done, 10 missed, with inactive days and today pending in between.
    const p = 'm'.repeat(10) + 'ddm'.repeat(10);
    const today = lastDayOf(MON, p);
    expect(dailyStreaks(seq(MON, p), today).rate30).toBeCloseTo(20 / 30);
    const q = 'm'.repeat(10) + 'dnp'.repeat(9) + 'dm?';
    expect(dailyStreaks(seq(MON, q), lastDayOf(MON, q)).rate30).toBeCloseTo(10 / 11);
    expect(dailyStreaks(seq(MON, 'nnp?'), addDays(MON, 3)).rate30).toBeNull();
    expect(dailyStreaks([], MON)).toEqual({ current: 0, best: 0, rate30: null });
  });

  it('takes entries in any order, ignores days after today, and lets the later of duplicates win', () => {
    const entries = seq(MON, 'dddmd').reverse();
    expect(dailyStreaks(entries, addDays(MON, 4))).toMatchObject({ current: 1, best: 3 });
    expect(dailyStreaks(entries, addDays(MON, 2))).toMatchObject({ current: 3, best: 3 });
    const corrected = [...entries, { day: addDays(MON, 3), outcome: 'done' as const }];
    expect(dailyStreaks(corrected, addDays(MON, 4))).toMatchObject({ current: 5, best: 5 });
  });

  it('judges each day by the outcome it was given: a schedule change does not rewrite history', () => {
    // Weekdays only until Friday 6th (weekend not active), then every day: the weekend before stays transparent.
    const before = seq(MON, 'dddddnn');
    const after = seq(addDays(MON, 7), 'ddddddd');
    expect(dailyStreaks([...before, ...after], addDays(MON, 13)).current).toBe(12);
  });
});

describe('weeks', () => {
  it('weekStartOf: Monday by default, Sunday when asked', () => {
    // Sunday 2026-11-08 ends a Monday week but starts a Sunday one.
    expect(weekStartOf('2026-11-08')).toBe('2026-11-02');
    expect(weekStartOf('2026-11-08', 0)).toBe('2026-11-08');
    expect(weekStartOf('2026-11-07', 0)).toBe('2026-11-01');
    expect(weekStartOf('2026-11-02', 1)).toBe('2026-11-02');
    expect(weekStartOf('2027-01-01', 1)).toBe('2026-12-28');
    expect(weekStartOf('2026-11-04', 6)).toBe('2026-10-31');
  });

  it('weeksOf groups counts by Monday or Sunday weeks, with zero weeks and the target in force', () => {
    const days = [
      { day: '2026-11-02', count: 1 }, // Mon
      { day: '2026-11-08', count: 1 }, // Sun
      { day: '2026-11-08', count: 1 }, // a second check-in that Sunday
      { day: '2026-11-25', count: 1 }, // Wed, two weeks on
    ];
    const target = (ws: DayKey) => (ws < '2026-11-16' ? 3 : 2); // edited from 3 to 2 a week
    const monday = weeksOf(days, target, 1, '2026-11-26');
    expect(monday).toEqual([
      { weekStart: '2026-11-02', target: 3, count: 3, complete: true },
      { weekStart: '2026-11-09', target: 3, count: 0, complete: true },
      { weekStart: '2026-11-16', target: 2, count: 0, complete: true },
      { weekStart: '2026-11-23', target: 2, count: 1, complete: false },
    ]);
    const sunday = weeksOf(days, target, 0, '2026-11-26');
    expect(sunday.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-11-01', 1],
      ['2026-11-08', 2],
      ['2026-11-15', 0],
      ['2026-11-22', 1],
    ]);
  });

  it('weeksOf starts at `from` when given, ignores days after today, and is empty without data', () => {
    const days = [{ day: '2026-11-20', count: 1 }, { day: '2026-12-01', count: 5 }];
    const weeks = weeksOf(days, () => 1, 1, '2026-11-26', '2026-11-04');
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([['2026-11-02', 0], ['2026-11-09', 0], ['2026-11-16', 1], ['2026-11-23', 0]]);
    expect(weeksOf([], () => 1, 1, '2026-11-26')).toEqual([]);
    expect(weeksOf([], () => 1, 1, '2026-11-26', '2026-11-26')).toHaveLength(1);
  });

  const week = (weekStart: DayKey, target: number, count: number, complete = true): WeekEntry => ({ weekStart, target, count, complete });

  it('weeklyStreaks: the running week counts once met and never breaks while unmet', () => {
    const past = [week('2026-10-12', 3, 3), week('2026-10-19', 3, 4), week('2026-10-26', 3, 3)];
    expect(weeklyStreaks([...past, week(MON, 3, 1, false)], MON)).toEqual({ current: 3, best: 3, rate: 1 });
    expect(weeklyStreaks([...past, week(MON, 3, 3, false)], MON)).toEqual({ current: 4, best: 4, rate: 1 });
    // Once over, the unmet week breaks it.
    const next = addDays(MON, 7);
    expect(weeklyStreaks([...past, week(MON, 3, 1), week(next, 3, 0, false)], next)).toEqual({ current: 0, best: 3, rate: 3 / 4 });
  });

  it('weeklyStreaks: target 0 weeks (paused) are skipped, later weeks ignored, rate over the last 13 weeks', () => {
    const w = [week('2026-10-19', 2, 2), week('2026-10-26', 0, 0), week(MON, 2, 2, false), week('2026-11-09', 2, 0, false)];
    expect(weeklyStreaks(w, MON)).toEqual({ current: 2, best: 2, rate: 1 });
    // 20 complete weeks: the first 8 met, then 12 alternating missed/met; only the last 13 weeks count toward rate.
    const start = '2026-01-05';
    const many = Array.from({ length: 20 }, (_, i) => week(addDays(start, 7 * i), 1, i < 8 || i % 2 === 1 ? 1 : 0));
    const current = addDays(start, 7 * 20);
    const s = weeklyStreaks([...many, week(current, 1, 0, false)], current);
    expect(s).toEqual({ current: 1, best: 8, rate: 6 / 12 });
    expect(weeklyStreaks([], current)).toEqual({ current: 0, best: 0, rate: null });
  });
});

describe('heatmap', () => {
  it('is `weeks` rows of 7 days, oldest first, ending with today’s week, future days marked', () => {
    const today = '2026-11-04'; // Wednesday
    const entries = seq('2026-10-20', 'ddmpnd?'.padStart(16, 'd')); // ends …, Mon 2nd not active, Tue done, today pending
    const rows = heatmap([...entries, { day: '2026-11-05', outcome: 'done' }], today, 16, 1);
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      expect(r.days).toHaveLength(7);
      expect(weekdayOf(r.weekStart)).toBe(1);
      expect(r.days[0]!.day).toBe(r.weekStart);
    }
    expect(rows[0]!.weekStart).toBe(addDays('2026-11-02', -7 * 15));
    const last = rows[15]!.days;
    expect(last.map((d) => d.day)).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']);
    expect(last.map((d) => d.outcome)).toEqual(['not-active', 'done', 'pending', 'future', 'future', 'future', 'future']);
    expect(rows[0]!.days.every((d) => d.outcome === 'not-active')).toBe(true);
  });

  it('starts weeks on Sunday when asked, and marks a pending today', () => {
    const rows = heatmap(seq('2026-11-01', 'dm?'), '2026-11-03', 2, 0);
    expect(rows.map((r) => r.weekStart)).toEqual(['2026-10-25', '2026-11-01']);
    expect(rows[1]!.days.slice(0, 4).map((d) => d.outcome)).toEqual(['done', 'missed', 'pending', 'future']);
    expect(heatmap([], '2026-11-03', 0, 1)).toEqual([]);
  });
});

describe('calendar helpers', () => {
  it('todayOf reads the logical day from the clock (late night belongs to yesterday)', () => {
    const clock: Clock = { now: localInstant('2026-11-04', 90, 'America/New_York'), timeZone: 'America/New_York', dayStartMinutes: 240 };
    expect(todayOf(clock)).toBe('2026-11-03');
  });

  it('calendarDays agrees with addDays and weekdayOf, across leap and non-leap century years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 366 }), fc.integer({ min: 0, max: 800 }), (offset, length) => {
        const from = addDays('1899-12-01', offset);
        const to = addDays(from, length);
        const days = calendarDays(from, to);
        expect(days).toHaveLength(length + 1);
        for (let i = 0; i < days.length; i += 37) {
          expect(days[i]).toEqual({ day: addDays(from, i), weekday: weekdayOf(addDays(from, i)) });
        }
        expect(days[days.length - 1]!.day).toBe(to);
      }),
      { numRuns: 200 },
    );
    expect(calendarDays('2026-11-02', '2026-11-01')).toEqual([]);
    expect(calendarDays('2000-02-28', '2000-03-01').map((d) => d.day)).toEqual(['2000-02-28', '2000-02-29', '2000-03-01']);
    expect(calendarDays('2100-02-28', '2100-03-01').map((d) => d.day)).toEqual(['2100-02-28', '2100-03-01']);
  });
});

// ---- property-based: the engine against a naive day-by-day reference ----

const OUTCOMES: (DayOutcome | null)[] = ['done', 'done', 'missed', 'not-active', 'paused', null];

/** The obvious computation: a map of days, walked one calendar day at a time with addDays. */
function referenceDaily(entries: DayEntry[], today: DayKey) {
  const byDay = new Map<DayKey, DayOutcome>();
  for (const e of entries) byDay.set(e.day, e.outcome); // later duplicates overwrite
  const days = [...byDay.keys()].filter((d) => d <= today).sort();
  let current = 0;
  let best = 0;
  if (days.length) {
    for (let d = today; d >= days[0]!; d = addDays(d, -1)) {
      const o = byDay.get(d);
      if (o === 'done') current++;
      else if (o === 'missed') break;
    }
    let run = 0;
    for (let d = days[0]!; d <= today; d = addDays(d, 1)) {
      const o = byDay.get(d);
      if (o === 'done') run++;
      if (o === 'missed') run = 0;
      best = Math.max(best, run);
    }
  }
  let done = 0;
  let judged = 0;
  for (let i = 0; i < 30; i++) {
    const o = byDay.get(addDays(today, -i));
    if (o === 'done') done++;
    if (o === 'done' || o === 'missed') judged++;
  }
  return { current, best, rate30: judged ? done / judged : null };
}

const historyArb = fc.record({
  first: fc.integer({ min: 0, max: 40 * 365 }).map((n) => addDays('1995-01-01', n)),
  outcomes: fc.array(fc.constantFrom(...OUTCOMES), { maxLength: 120 }),
  todayOffset: fc.integer({ min: -5, max: 140 }),
  pendingToday: fc.boolean(),
  duplicates: fc.array(fc.record({ at: fc.nat(), outcome: fc.constantFrom<DayOutcome>('done', 'missed', 'paused') }), { maxLength: 3 }),
  seed: fc.integer(),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function buildHistory(h: History): { entries: DayEntry[]; today: DayKey } {
  const today = addDays(h.first, h.todayOffset);
  const entries: DayEntry[] = [];
  h.outcomes.forEach((o, i) => o && entries.push({ day: addDays(h.first, i), outcome: o }));
  if (h.pendingToday) entries.push({ day: today, outcome: 'pending' });
  for (const d of h.duplicates) entries.push({ day: addDays(h.first, d.at % 130), outcome: d.outcome });
  // Shuffle (by a seeded hash) after collapsing duplicates, so that "later wins" is not at the mercy of the shuffle;
  // duplicates have their own property below.
  const unique = new Map<DayKey, DayEntry>();
  for (const e of entries) unique.set(e.day, e);
  const shuffled = [...unique.values()].sort((a, b) => hash(a.day, h.seed) - hash(b.day, h.seed));
  return { entries: shuffled, today };
}
const hash = (s: string, seed: number) => [...s].reduce((x, c) => Math.imul(x ^ c.charCodeAt(0), 16777619), seed) >>> 0;

describe('properties', () => {
  it('dailyStreaks matches the day-by-day reference over random histories with gaps', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const { entries, today } = buildHistory(h);
        const got = dailyStreaks(entries, today);
        const want = referenceDaily(entries, today);
        expect(got.current).toBe(want.current);
        expect(got.best).toBe(want.best);
        expect(got.rate30).toBe(want.rate30);
        expect(got.best).toBeGreaterThanOrEqual(got.current);
      }),
      { numRuns: 400 },
    );
  });

  it('duplicates: the later entry in input order wins, in sorted or unsorted input', () => {
    fc.assert(
      fc.property(historyArb, fc.boolean(), (h, sorted) => {
        const { entries, today } = buildHistory(h);
        const list = sorted ? [...entries].sort((a, b) => (a.day < b.day ? -1 : 1)) : entries;
        const flipped: DayEntry[] = [...list, ...list.map((e) => ({ day: e.day, outcome: e.outcome === 'done' ? 'missed' as const : 'done' as const }))];
        expect(dailyStreaks(flipped, today)).toEqual(referenceDaily(flipped, today));
      }),
      { numRuns: 150 },
    );
  });

  const weeksArb = fc.record({
    firstWeek: fc.integer({ min: 0, max: 2000 }).map((n) => addDays('1990-01-01', 7 * n)),
    weeks: fc.array(fc.option(fc.record({ target: fc.integer({ min: 0, max: 3 }), count: fc.integer({ min: 0, max: 4 }) }), { freq: 6 }), { maxLength: 60 }),
    currentIndex: fc.integer({ min: 0, max: 70 }),
  });

  it('weeklyStreaks matches a week-by-week reference', () => {
    fc.assert(
      fc.property(weeksArb, ({ firstWeek, weeks, currentIndex }) => {
        const current = addDays(firstWeek, 7 * currentIndex);
        const entries: WeekEntry[] = [];
        weeks.forEach((w, i) => w && entries.push({ weekStart: addDays(firstWeek, 7 * i), ...w, complete: i < currentIndex }));
        const byWeek = new Map(entries.map((e) => [e.weekStart, e]));
        const judged = (e: WeekEntry | undefined): 'met' | 'unmet' | 'skip' =>
          !e || e.target === 0 ? 'skip' : e.count >= e.target ? 'met' : e.complete ? 'unmet' : 'skip';
        let want = 0;
        for (let ws = current; ws >= firstWeek; ws = addDays(ws, -7)) {
          const j = judged(byWeek.get(ws));
          if (j === 'met') want++;
          if (j === 'unmet') break;
        }
        let best = 0;
        let run = 0;
        for (let ws = firstWeek; ws <= current; ws = addDays(ws, 7)) {
          const j = judged(byWeek.get(ws));
          run = j === 'met' ? run + 1 : j === 'unmet' ? 0 : run;
          best = Math.max(best, run);
        }
        let met = 0;
        let complete = 0;
        for (let k = 0; k < 13; k++) {
          const e = byWeek.get(addDays(current, -7 * k));
          if (e?.complete && e.target > 0) {
            complete++;
            if (e.count >= e.target) met++;
          }
        }
        expect(weeklyStreaks([...entries].reverse(), current)).toEqual({ current: want, best, rate: complete ? met / complete : null });
      }),
      { numRuns: 400 },
    );
  });

  it('weeksOf matches summing each day into weekStartOf(day), every week present and 7 days apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 365 }).map((n) => addDays('1995-01-01', n)),
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 120 }), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 130 }),
        fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6),
        (first, raw, todayOffset, startsOn) => {
          const today = addDays(first, todayOffset);
          const days = raw.map((r) => ({ day: addDays(first, r.offset), count: r.count }));
          const target = (ws: DayKey) => weekdayOf(addDays(ws, 3)) + 1; // any deterministic function of the week
          const weeks = weeksOf(days, target, startsOn, today, first);
          const want = new Map<DayKey, number>();
          for (const d of days) if (d.day <= today) want.set(weekStartOf(d.day, startsOn), (want.get(weekStartOf(d.day, startsOn)) ?? 0) + d.count);
          expect(weeks[0]!.weekStart).toBe(weekStartOf(first, startsOn));
          expect(weeks[weeks.length - 1]!.weekStart).toBe(weekStartOf(today, startsOn));
          weeks.forEach((w, i) => {
            if (i > 0) expect(daysBetween(weeks[i - 1]!.weekStart, w.weekStart)).toBe(7);
            expect(weekdayOf(w.weekStart)).toBe(startsOn);
            expect(w.count).toBe(want.get(w.weekStart) ?? 0);
            expect(w.target).toBe(target(w.weekStart));
            expect(w.complete).toBe(i < weeks.length - 1);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('heatmap: consecutive days, rows start on the week start, today in the last row, outcomes looked up', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 30 }), fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6), (h, weeks, startsOn) => {
        const { entries, today } = buildHistory(h);
        const byDay = new Map(entries.map((e) => [e.day, e.outcome]));
        const rows = heatmap(entries, today, weeks, startsOn);
        expect(rows).toHaveLength(weeks);
        const cells = rows.flatMap((r) => r.days);
        expect(cells).toHaveLength(7 * weeks);
        const start = cells[0]!.day;
        cells.forEach((c, i) => {
          expect(c.day).toBe(addDays(start, i));
          expect(c.outcome).toBe(c.day > today ? 'future' : byDay.get(c.day) ?? 'not-active');
        });
        rows.forEach((r) => expect(weekdayOf(r.weekStart)).toBe(startsOn));
        expect(rows[weeks - 1]!.days.some((d) => d.day === today)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('DST and time-zone changes (DayKeys come from days.ts only)', () => {
  // Local dates of DST changes: spring and autumn in New York and Berlin, Lord Howe's half hour,
  // Santiago's midnight change (the day start can fall in the gap).
  const changes: [string, DayKey][] = [
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['America/Santiago', '2026-09-06'],
  ];

  it('logical days advance one at a time through the change, and streaks count every day once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.constantFrom(0, 90, 120, 150, 240, 1380),
        fc.array(fc.constantFrom<DayOutcome>('done', 'done', 'done', 'missed', 'paused'), { minLength: 20, maxLength: 20 }),
        ([zone, change], dayStartMinutes, pattern) => {
          const from = localInstant(addDays(change, -2), 12 * 60, zone);
          const to = localInstant(addDays(change, 2), 12 * 60, zone);
          let prev: DayKey | undefined;
          for (let now = from; now <= to; now += 30 * 60_000) {
            const clock: Clock = { now, timeZone: zone, dayStartMinutes };
            const today = todayOf(clock);
            expect(today).toBe(dayKeyAt(now, zone, dayStartMinutes));
            if (prev !== undefined) expect(daysBetween(prev, today)).toBeGreaterThanOrEqual(0);
            if (prev !== undefined) expect(daysBetween(prev, today)).toBeLessThanOrEqual(1);
            if (prev === today) continue;
            prev = today;
            // The 20 days up to today span the change; the engine sees dates, never instants.
            const entries = pattern.map((outcome, i) => ({ day: addDays(today, i - 19), outcome }));
            expect(dailyStreaks(entries, today)).toEqual(referenceDaily(entries, today));
            const rows = heatmap(entries, today, 4, 1);
            const cells = rows.flatMap((r) => r.days.map((d) => d.day));
            cells.forEach((d, i) => i > 0 && expect(daysBetween(cells[i - 1]!, d)).toBe(1));
            expect(cells).toContain(today);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a time-zone change moves only `today`: days already judged keep their outcome', () => {
    // Done every day up to Tuesday 3rd in New York; at 20:00 there it is already Wednesday 4th in Tokyo.
    const entries = seq('2026-10-20', 'd'.repeat(15));
    const now = localInstant('2026-11-03', 20 * 60, 'America/New_York');
    const ny = todayOf({ now, timeZone: 'America/New_York', dayStartMinutes: 240 });
    const tokyo = todayOf({ now, timeZone: 'Asia/Tokyo', dayStartMinutes: 240 });
    expect([ny, tokyo]).toEqual(['2026-11-03', '2026-11-04']);
    expect(dailyStreaks(entries, ny).current).toBe(15);
    // Wednesday is not judged yet in Tokyo (pending): the streak stands.
    expect(dailyStreaks([...entries, { day: tokyo, outcome: 'pending' }], tokyo).current).toBe(15);
    expect(heatmap(entries, tokyo, 1, 1)[0]!.days.map((d) => d.outcome)).toEqual(['done', 'done', 'not-active', 'future', 'future', 'future', 'future']);
  });
});
