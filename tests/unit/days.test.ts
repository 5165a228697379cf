import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayEndInstant,
  dayKeyAt,
  dayStartInstant,
  daysBetween,
  formatClockTime,
  localInstant,
  localMinutesAt,
  parseClockTime,
  weekdayOf,
} from '../../utils/core/days';
import { isActiveDay, windowsOn } from '../../utils/core/schedule';
import type { DayKey, TimeWindow } from '../../utils/core/types';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const MIN = 60_000;
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const LORD_HOWE = 'Australia/Lord_Howe';
const KOLKATA = 'Asia/Kolkata';

const dayLength = (day: DayKey, tz: string, start: number) => dayEndInstant(day, tz, start) - dayStartInstant(day, tz, start);
const window = (untilMinutes: number): TimeWindow => ({ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes });
/** The one window of a day, from the day start (the schema-5 window, as a schedule of one). */
const windowBounds = (day: DayKey, w: TimeWindow, tz: string, dayStart: number) => windowsOn(day, [w], tz, dayStart)[0]!;

describe('calendar arithmetic', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-08', 0)).toBe('2026-03-08');
    expect(addDays('2026-03-07', 365)).toBe('2027-03-07');
  });

  it('daysBetween is b − a, unaffected by DST', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('weekdayOf is the weekday of the calendar date', () => {
    expect(weekdayOf('2026-03-08')).toBe(0); // Sunday
    expect(weekdayOf('2026-03-09')).toBe(1);
    expect(weekdayOf('2026-01-01')).toBe(4); // Thursday
    expect(weekdayOf('2028-02-29')).toBe(2);
  });

  it('isActiveDay looks at the weekday only', () => {
    const weekdays: TimeWindow[] = [{ days: [1, 2, 3, 4, 5], untilMinutes: 1320 }];
    expect(isActiveDay('2026-03-09', weekdays)).toBe(true);
    expect(isActiveDay('2026-03-08', weekdays)).toBe(false);
    expect(isActiveDay('2026-03-08', [{ days: [], untilMinutes: 0 }])).toBe(false);
    expect(isActiveDay('2026-03-08', [...weekdays, { days: [0], fromMinutes: 600, untilMinutes: 660 }])).toBe(true);
  });

  it('refuses malformed day keys loudly', () => {
    for (const bad of ['2026-3-8', '2026-02-30', '20260308', '', '2026-13-01']) {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    }
  });
});

describe('dayKeyAt', () => {
  it('puts the small hours in yesterday, up to the day start', () => {
    // New York in January is UTC−5.
    expect(dayKeyAt(at('2026-01-15T06:30:00Z'), NY, 240)).toBe('2026-01-14'); // 01:30
    expect(dayKeyAt(at('2026-01-15T08:59:59Z'), NY, 240)).toBe('2026-01-14'); // 03:59:59
    expect(dayKeyAt(at('2026-01-15T09:00:00Z'), NY, 240)).toBe('2026-01-15'); // 04:00
    expect(dayKeyAt(at('2026-01-16T04:59:00Z'), NY, 240)).toBe('2026-01-15'); // 23:59
    expect(dayKeyAt(at('2026-01-16T05:00:00Z'), NY, 240)).toBe('2026-01-15'); // midnight
  });

  it('with a midnight day start, is the calendar date', () => {
    expect(dayKeyAt(at('2026-01-15T04:59:59Z'), NY, 0)).toBe('2026-01-14');
    expect(dayKeyAt(at('2026-01-15T05:00:00Z'), NY, 0)).toBe('2026-01-15');
  });

  it('follows the time zone it is given (the person travelled)', () => {
    const t = at('2026-06-01T02:00:00Z');
    expect(dayKeyAt(t, 'Europe/London', 240)).toBe('2026-05-31'); // 03:00 BST
    expect(dayKeyAt(t, 'Asia/Tokyo', 240)).toBe('2026-06-01'); // 11:00
    expect(dayKeyAt(t, 'America/Los_Angeles', 240)).toBe('2026-05-31'); // 19:00 the day before
    expect(dayKeyAt(t, 'UTC', 0)).toBe('2026-06-01');
  });

  it('handles half-hour offsets: Kolkata +5:30', () => {
    expect(dayKeyAt(at('2026-01-14T22:29:59Z'), KOLKATA, 240)).toBe('2026-01-14'); // 03:59:59
    expect(dayKeyAt(at('2026-01-14T22:30:00Z'), KOLKATA, 240)).toBe('2026-01-15'); // 04:00
    expect(localMinutesAt(at('2026-01-14T22:30:00Z'), KOLKATA)).toBe(240);
  });

  it('handles Lord Howe (+10:30, +11 in summer)', () => {
    // January is summer: +11. 04:00 local = 17:00Z the day before.
    expect(dayKeyAt(at('2026-01-14T16:59:00Z'), LORD_HOWE, 240)).toBe('2026-01-14');
    expect(dayKeyAt(at('2026-01-14T17:00:00Z'), LORD_HOWE, 240)).toBe('2026-01-15');
    // July is winter: +10:30. 04:00 local = 17:30Z the day before.
    expect(dayKeyAt(at('2026-07-14T17:29:00Z'), LORD_HOWE, 240)).toBe('2026-07-14');
    expect(dayKeyAt(at('2026-07-14T17:30:00Z'), LORD_HOWE, 240)).toBe('2026-07-15');
  });

  it('stays consistent when the day start is in a DST gap or overlap', () => {
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT. A 02:30 day start happens at 03:30 EDT.
    expect(dayStartInstant('2026-03-08', NY, 150)).toBe(at('2026-03-08T07:30:00Z'));
    expect(dayKeyAt(at('2026-03-08T07:15:00Z'), NY, 150)).toBe('2026-03-07'); // 03:15 EDT
    expect(dayKeyAt(at('2026-03-08T07:30:00Z'), NY, 150)).toBe('2026-03-08');
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST. A 01:30 day start is the first 01:30 (EDT).
    expect(dayStartInstant('2026-11-01', NY, 90)).toBe(at('2026-11-01T05:30:00Z'));
    expect(dayKeyAt(at('2026-11-01T06:15:00Z'), NY, 90)).toBe('2026-11-01'); // 01:15 EST, the second time round
  });

  it('keeps the new day when the clock falls back across midnight', () => {
    // St John's until 2011 changed at 00:01: on 2010-11-07, 00:01 NDT became 23:01 NST on the 6th.
    const t = at('2010-11-07T02:45:00Z'); // reads 23:15 on the 6th, the second time
    expect(localMinutesAt(t, 'America/St_Johns')).toBe(23 * 60 + 15);
    expect(dayKeyAt(t, 'America/St_Johns', 0)).toBe('2010-11-07');
    expect(dayKeyAt(at('2010-11-07T02:29:00Z'), 'America/St_Johns', 0)).toBe('2010-11-06');
  });
});

describe('day length across DST', () => {
  it('New York: 23 hours in spring, 25 in autumn', () => {
    // With a 04:00 start the short logical day is Saturday: it runs to 04:00 EDT on Sunday.
    expect(dayLength('2026-03-07', NY, 240)).toBe(23 * HOUR);
    expect(dayLength('2026-03-08', NY, 240)).toBe(24 * HOUR);
    expect(dayLength('2026-10-31', NY, 240)).toBe(25 * HOUR);
    expect(dayLength('2026-11-01', NY, 240)).toBe(24 * HOUR);
    expect(dayLength('2026-03-08', NY, 0)).toBe(23 * HOUR);
    expect(dayLength('2026-11-01', NY, 0)).toBe(25 * HOUR);
    expect(dayStartInstant('2026-03-08', NY, 240)).toBe(at('2026-03-08T08:00:00Z'));
    expect(dayEndInstant('2026-03-07', NY, 240)).toBe(at('2026-03-08T08:00:00Z'));
  });

  it('Berlin: 23 hours in spring, 25 in autumn', () => {
    expect(dayLength('2026-03-28', BERLIN, 240)).toBe(23 * HOUR);
    expect(dayLength('2026-03-29', BERLIN, 240)).toBe(24 * HOUR);
    expect(dayLength('2026-10-24', BERLIN, 240)).toBe(25 * HOUR);
    expect(dayLength('2026-03-29', BERLIN, 0)).toBe(23 * HOUR);
    expect(dayLength('2026-10-25', BERLIN, 0)).toBe(25 * HOUR);
  });

  it('Lord Howe: half-hour DST', () => {
    expect(dayLength('2026-04-05', LORD_HOWE, 0)).toBe(24.5 * HOUR);
    expect(dayLength('2026-10-04', LORD_HOWE, 0)).toBe(23.5 * HOUR);
    expect(dayLength('2026-04-04', LORD_HOWE, 240)).toBe(24.5 * HOUR);
  });

  it('Kolkata: always 24 hours', () => {
    expect(dayLength('2026-03-08', KOLKATA, 240)).toBe(24 * HOUR);
    expect(dayLength('2026-11-01', KOLKATA, 0)).toBe(24 * HOUR);
  });
});

describe('localInstant', () => {
  it('is the plain conversion outside transitions', () => {
    expect(localInstant('2026-01-15', 240, NY)).toBe(at('2026-01-15T09:00:00Z'));
    expect(localInstant('2026-07-15', 240, NY)).toBe(at('2026-07-15T08:00:00Z'));
    expect(localInstant('2026-01-15', 0, KOLKATA)).toBe(at('2026-01-14T18:30:00Z'));
  });

  it('shifts forward across a spring-forward gap', () => {
    const ny = localInstant('2026-03-08', 150, NY); // 02:30 does not exist
    expect(ny).toBe(at('2026-03-08T07:30:00Z'));
    expect(localMinutesAt(ny, NY)).toBe(210); // 03:30
    const berlin = localInstant('2026-03-29', 150, BERLIN);
    expect(berlin).toBe(at('2026-03-29T01:30:00Z'));
    expect(localMinutesAt(berlin, BERLIN)).toBe(210);
    const lh = localInstant('2026-10-04', 135, LORD_HOWE); // 02:15 in a 30-minute gap
    expect(localMinutesAt(lh, LORD_HOWE)).toBe(165); // 02:45
    expect(lh).toBe(at('2026-10-03T15:45:00Z'));
  });

  it('takes the earlier instant in a fall-back overlap', () => {
    expect(localInstant('2026-11-01', 90, NY)).toBe(at('2026-11-01T05:30:00Z')); // 01:30 EDT, not EST
    expect(localInstant('2026-10-25', 150, BERLIN)).toBe(at('2026-10-25T00:30:00Z')); // 02:30 CEST, not CET
    expect(localInstant('2026-04-05', 105, LORD_HOWE)).toBe(at('2026-04-04T14:45:00Z')); // 01:45 at +11
  });
});

describe('one window from the day start (windowsOn)', () => {
  it('ends later the same date, or the next morning if before the day start', () => {
    const day = '2026-01-15';
    expect(windowBounds(day, window(22 * 60), NY, 240)).toEqual({
      start: at('2026-01-15T09:00:00Z'),
      end: at('2026-01-16T03:00:00Z'),
    });
    expect(windowBounds(day, window(60), NY, 240)).toEqual({
      start: at('2026-01-15T09:00:00Z'),
      end: at('2026-01-16T06:00:00Z'), // 01:00 the next morning
    });
    expect(windowBounds(day, window(240), NY, 240)).toEqual({
      start: at('2026-01-15T09:00:00Z'),
      end: dayEndInstant(day, NY, 240),
    });
  });

  it('spans DST changes by wall-clock time', () => {
    // Saturday 04:00 EST → Sunday 03:00 EDT: 23 hours on the clock, 22 real hours.
    const spring = windowBounds('2026-03-07', window(180), NY, 240);
    expect(spring.end).toBe(at('2026-03-08T07:00:00Z'));
    expect(spring.end - spring.start).toBe(22 * HOUR);
    // Ending 02:30 on the night the clocks skip it: when the clock first reads 02:30 or later, the jump to 03:00 EDT.
    expect(windowBounds('2026-03-07', window(150), NY, 240).end).toBe(at('2026-03-08T07:00:00Z'));
    // Ending 01:30 on the night it happens twice: the first time.
    const autumn = windowBounds('2026-10-31', window(90), NY, 240);
    expect(autumn.end).toBe(at('2026-11-01T05:30:00Z'));
    expect(autumn.end - autumn.start).toBe(21.5 * HOUR);
    // Whole day is 25 hours that night.
    const whole = windowBounds('2026-10-31', window(240), NY, 240);
    expect(whole.end - whole.start).toBe(25 * HOUR);
    // Berlin, ending 23:00 on the day the clocks go forward.
    const berlin = windowBounds('2026-03-29', window(23 * 60), BERLIN, 240);
    expect(berlin).toEqual({ start: at('2026-03-29T02:00:00Z'), end: at('2026-03-29T21:00:00Z') });
  });
});

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['04:00', 240],
    ['9:30', 570],
    [' 21:30 ', 1290],
    ['23:59', 1439],
  ])('parses %j', (text, minutes) => {
    expect(parseClockTime(text)).toEqual({ ok: true, value: minutes });
  });

  it.each(['', '24:00', '12:60', '12', '12:5', '7pm', '12:30:00', '-1:00', '１２:００', 'ab:cd'])('refuses %j', (text) => {
    const r = parseClockTime(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });

  it('formats and round-trips every minute of the day', () => {
    expect(formatClockTime(0)).toBe('00:00');
    expect(formatClockTime(570)).toBe('09:30');
    expect(formatClockTime(1439)).toBe('23:59');
    expect(formatClockTime(1440)).toBe('00:00');
    expect(formatClockTime(-60)).toBe('23:00');
    for (let m = 0; m < 1440; m++) expect(parseClockTime(formatClockTime(m))).toEqual({ ok: true, value: m });
  });
});

// ---- properties ----

const ZONES = [
  'UTC',
  NY,
  BERLIN,
  LORD_HOWE,
  KOLKATA,
  'Europe/London',
  'America/Santiago', // DST changes at midnight
  'America/Havana', // DST changes at midnight
  'America/St_Johns', // −3:30
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kathmandu', // +5:45
  'Asia/Tokyo',
];
const arbZone = fc.constantFrom(...ZONES);
const arbDayStart = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 60, 90, 120, 150, 180, 240));

// Uniform instants, plus instants within a few hours of DST changes (where bugs live).
const TRANSITIONS = [
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-04-05T03:00:00Z',
  '2026-09-06T04:00:00Z',
  '2026-03-08T05:00:00Z',
  '2026-11-01T05:00:00Z',
].map(at);
const arbInstant = fc.oneof(
  fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T23:59:59Z') }),
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -30 * HOUR, max: 30 * HOUR })).map(([t, d]) => t + d),
);
const arbDay = fc.integer({ min: at('2020-01-01T00:00:00Z') / 86_400_000, max: at('2035-12-31T00:00:00Z') / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/** Wall-clock reading as (calendar date, minutes). */
const wallAt = (t: number, tz: string) => ({ date: dayKeyAt(t, tz, 0), minutes: localMinutesAt(t, tz) });

describe('properties', () => {
  it('every instant lies within its logical day', () => {
    fc.assert(
      fc.property(arbInstant, arbZone, arbDayStart, (t, tz, start) => {
        const day = dayKeyAt(t, tz, start);
        expect(dayStartInstant(day, tz, start)).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(dayEndInstant(day, tz, start));
      }),
      { numRuns: 1500 },
    );
  });

  it('logical days are between 22 and 26 hours long', () => {
    fc.assert(
      fc.property(arbDay, arbZone, arbDayStart, (day, tz, start) => {
        const len = dayLength(day, tz, start);
        expect(len).toBeGreaterThanOrEqual(22 * HOUR);
        expect(len).toBeLessThanOrEqual(26 * HOUR);
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(arbDay, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        expect(daysBetween(day, addDays(day, n))).toBe(n);
        expect(addDays(addDays(day, n), -n)).toBe(day);
        expect(weekdayOf(addDays(day, n))).toBe((((weekdayOf(day) + n) % 7) + 7) % 7);
      }),
    );
  });

  it('localInstant maps back to the same wall clock, except in gaps; overlaps give the earlier instant', () => {
    // Dates near transitions, as well as any date.
    const arbDate = fc.oneof(arbDay, fc.constantFrom(...TRANSITIONS).chain((t) => fc.integer({ min: -1, max: 1 }).map((n) => addDays(new Date(t).toISOString().slice(0, 10), n))));
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 1439 }), arbZone, (date, m, tz) => {
        const t = localInstant(date, m, tz);
        const wall = wallAt(t, tz);
        if (wall.date === date && wall.minutes === m) {
          // No earlier instant (by a usual DST shift) reads the same wall clock.
          for (const back of [30, 60, 120]) expect(wallAt(t - back * MIN, tz)).not.toEqual(wall);
        } else {
          // A gap: shifted forward by the gap, and the clock read earlier than m just before it.
          const shift = daysBetween(date, wall.date) * 1440 + wall.minutes - m;
          expect(shift).toBeGreaterThan(0);
          expect(shift).toBeLessThanOrEqual(120);
          const before = wallAt(t - shift * MIN, tz);
          expect(daysBetween(date, before.date) * 1440 + before.minutes).toBeLessThan(m);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('window ends after it starts and by the end of the day', () => {
    fc.assert(
      fc.property(arbDay, arbZone, arbDayStart, fc.integer({ min: 0, max: 1439 }), (day, tz, start, until) => {
        const b = windowBounds(day, window(until), tz, start);
        expect(b.end).toBeGreaterThan(b.start);
        expect(b.end).toBeLessThanOrEqual(dayEndInstant(day, tz, start));
      }),
    );
  });
});
