import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGateState } from '@/utils/core/gate';
import { dayStartInstant, localInstant } from '@/utils/core/days';
import { statusOn } from '@/utils/core/status';
import { pastDays } from '@/utils/core/history';
import { withEdit } from '@/utils/core/rules';
import { windowHint } from '@/utils/core/status-words';
import type { Clock, Commitment, Schedule, TimeWindow, Weekday } from '@/utils/core/types';

const BERLIN = 'Europe/Berlin';
const NY = 'America/New_York';
const H = 60;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const at = (iso: string) => Date.parse(iso);
const clock = (now: number, timeZone = BERLIN, dayStartMinutes = 4 * H): Clock => ({ now, timeZone, dayStartMinutes });

const commitment = (schedule: Schedule, createdAt = at('2026-01-01T00:00:00Z')): Commitment => ({
  id: 'c', title: 'Mail later', why: '', sites: ['mail.google.com'], requirement: { kind: 'checkin' }, schedule, createdAt, updatedAt: createdAt,
});
const checkedIn = (day: string, when: number) => new Map([['c', { sessions: [], checkIns: [{ id: 'k', commitmentId: 'c', day, at: when }] }]]);
const gate = (c: Commitment, now: number, today = new Map(), tz = BERLIN, dayStart = 4 * H) =>
  compileGateState({ commitments: [c], today, overrides: [], clock: clock(now, tz, dayStart) });
const closed = (c: Commitment, now: number, tz = BERLIN, dayStart = 4 * H) => gate(c, now, new Map(), tz, dayStart).closed.length > 0;

// Monday 2026-03-09 in Berlin (UTC+1): mornings and afternoons on weekdays, a short hour on Saturdays.
const SPLIT: Schedule = [
  { days: WEEKDAYS, fromMinutes: 9 * H, untilMinutes: 12 * H },
  { days: WEEKDAYS, fromMinutes: 14 * H, untilMinutes: 17 * H },
  { days: [6], fromMinutes: 10 * H, untilMinutes: 11 * H },
];
const mon = (hhmm: string) => at(`2026-03-09T${hhmm}:00+01:00`);
const sat = (hhmm: string) => at(`2026-03-14T${hhmm}:00+01:00`);

describe('a day with several windows, with start times and other times on Saturday', () => {
  const c = commitment(SPLIT);

  it('holds the gate exactly inside the windows, and says when it will look again', () => {
    expect(closed(c, mon('08:59'))).toBe(false);
    expect(gate(c, mon('08:59')).nextChangeAt).toBe(mon('09:00'));
    expect(closed(c, mon('09:00'))).toBe(true);
    expect(gate(c, mon('09:00')).nextChangeAt).toBe(mon('12:00'));
    expect(closed(c, mon('11:59'))).toBe(true);
    expect(closed(c, mon('12:00'))).toBe(false);
    expect(gate(c, mon('12:00')).nextChangeAt).toBe(mon('14:00'));
    expect(closed(c, mon('14:00'))).toBe(true);
    expect(closed(c, mon('16:59'))).toBe(true);
    expect(closed(c, mon('17:00'))).toBe(false);
    expect(closed(c, sat('09:30'))).toBe(false);
    expect(closed(c, sat('10:30'))).toBe(true);
    expect(closed(c, sat('11:00'))).toBe(false);
    expect(closed(c, at('2026-03-15T10:30:00+01:00'))).toBe(false); // Sunday: none of its days
  });

  it('opens once the day is done, and stays open in the later window', () => {
    const done = checkedIn('2026-03-09', mon('12:30'));
    expect(gate(c, mon('14:30'), done).closed).toEqual([]);
    expect(gate(c, mon('10:00'), checkedIn('2026-03-09', mon('09:30'))).closed).toEqual([]);
  });

  it('is missed only once the last window has closed undone', () => {
    const status = (hhmm: string) => statusOn(c, '2026-03-09', { sessions: [], checkIns: [] }, clock(mon(hhmm))).status;
    expect(['07:00', '10:00', '13:00', '16:59'].map(status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(status('17:00')).toBe('missed');
    // Done between the windows is done in time; done after the last one is not.
    const between = statusOn(c, '2026-03-09', { sessions: [], checkIns: [{ id: 'k', commitmentId: 'c', day: '2026-03-09', at: mon('13:00') }] }, clock(mon('18:00')));
    expect(between.status).toBe('done');
    const late = statusOn(c, '2026-03-09', { sessions: [], checkIns: [{ id: 'k', commitmentId: 'c', day: '2026-03-09', at: mon('17:30') }] }, clock(mon('18:00')));
    expect(late.status).toBe('missed');
  });

  it('judges past days the same way, and a commitment made after the last window starts the next day', () => {
    const records = new Map([['2026-03-10', { sessions: [], checkIns: [{ id: 'k', commitmentId: 'c', day: '2026-03-10', at: at('2026-03-10T16:00:00+01:00') }] }]]);
    const made = commitment(SPLIT, mon('17:05'));
    expect(pastDays(made, records, '2026-03-15', clock(at('2026-03-15T12:00:00+01:00')))).toEqual([
      { day: '2026-03-09', outcome: 'not-active' },
      { day: '2026-03-10', outcome: 'done' },
      { day: '2026-03-11', outcome: 'missed' },
      { day: '2026-03-12', outcome: 'missed' },
      { day: '2026-03-13', outcome: 'missed' },
      { day: '2026-03-14', outcome: 'missed' },
    ]);
    // Made between the windows: today still counts, by its afternoon window.
    expect(statusOn(commitment(SPLIT, mon('12:30')), '2026-03-09', { sessions: [], checkIns: [] }, clock(mon('13:00'))).status).toBe('pending');
  });

  it('says when the first window starts, when the next one starts, and counts down the current one', () => {
    const hint = (hhmm: string) => windowHint(statusOn(c, '2026-03-09', { sessions: [], checkIns: [] }, clock(mon(hhmm))), mon(hhmm));
    expect(hint('07:00')).toBe('Starts at 09:00');
    expect(hint('11:00')).toBe('Window closes in 1:00:00');
    expect(hint('12:30')).toBe('Next window starts at 14:00');
    expect(hint('16:59')).toBe('Window closes in 1:00');
    expect(hint('17:00')).toBeNull();
  });

  it('keeps earlier days under the earlier schedule after an edit', () => {
    const before = commitment([{ days: WEEKDAYS, untilMinutes: 12 * H }]);
    const edited: Commitment = { ...before, schedule: SPLIT, ...withEdit(before, { requirement: before.requirement, schedule: SPLIT }, '2026-03-10') };
    const at13 = (day: string) => ({ sessions: [], checkIns: [{ id: 'k', commitmentId: 'c', day, at: at(`${day}T13:00:00+01:00`) }] });
    expect(statusOn(edited, '2026-03-09', at13('2026-03-09'), clock(at('2026-03-11T20:00:00+01:00'))).status).toBe('missed');
    expect(statusOn(edited, '2026-03-10', at13('2026-03-10'), clock(at('2026-03-11T20:00:00+01:00'))).status).toBe('done');
  });
});

/** Non-overlapping windows of one weekday, as offsets from the day start in quarter hours. */
const arbSpans = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 8 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) spans.push([sorted[i]! * 15, sorted[i + 1]! * 15]);
    return spans;
  });

describe('properties, on ordinary days in Berlin', () => {
  it('the gate is closed exactly inside a window while the day is not done, and open once it is', () => {
    fc.assert(
      fc.property(arbSpans, fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 0, max: 1439 }), (spans, dayStart, minute) => {
        const toWindow = ([from, until]: [number, number]): TimeWindow => ({
          days: [2],
          ...(from === 0 ? {} : { fromMinutes: (dayStart + from) % 1440 }),
          untilMinutes: (dayStart + until) % 1440,
        });
        const c = commitment(spans.map(toWindow));
        const day = '2026-01-13'; // a Tuesday, far from DST
        const now = dayStartInstant(day, BERLIN, dayStart) + minute * 60_000;
        const inside = spans.some(([from, until]) => from <= minute && minute < until);
        expect(gate(c, now, new Map(), BERLIN, dayStart).closed.length > 0).toBe(inside);
        expect(gate(c, now, checkedIn(day, now - 1), BERLIN, dayStart).closed).toEqual([]);
        const status = statusOn(c, day, { sessions: [], checkIns: [] }, clock(now, BERLIN, dayStart));
        expect(status.status).toBe(minute >= spans[spans.length - 1]![1] ? 'missed' : 'pending');
        const next = spans.find(([from]) => from > minute);
        if (!inside && next) expect(gate(c, now, new Map(), BERLIN, dayStart).nextChangeAt).toBe(now - minute * 60_000 + next[0] * 60_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('DST days: windows crossing the changed hour', () => {
  it('New York, spring forward (Sunday 02:00 → 03:00): Saturday 22:00 until 03:30 the next morning', () => {
    const c = commitment([{ days: [6], fromMinutes: 22 * H, untilMinutes: 3 * H + 30 }]);
    expect(closed(c, at('2026-03-08T02:59:00Z'), NY)).toBe(false); // 21:59 EST
    expect(closed(c, at('2026-03-08T03:00:00Z'), NY)).toBe(true); // 22:00 EST
    expect(closed(c, at('2026-03-08T06:59:00Z'), NY)).toBe(true); // 01:59 EST
    expect(closed(c, at('2026-03-08T07:29:00Z'), NY)).toBe(true); // 03:29 EDT
    expect(closed(c, at('2026-03-08T07:30:00Z'), NY)).toBe(false); // 03:30 EDT: 4.5 h on the clock, 3.5 h real
    expect(statusOn(c, '2026-03-07', { sessions: [], checkIns: [] }, clock(at('2026-03-08T07:30:00Z'), NY)).status).toBe('missed');
  });

  it('New York, spring forward: a window 01:30–02:30 ends when the clock jumps to 03:00', () => {
    const c = commitment([{ days: [6], fromMinutes: 1 * H + 30, untilMinutes: 2 * H + 30 }]);
    expect(closed(c, at('2026-03-08T06:29:00Z'), NY)).toBe(false);
    expect(closed(c, at('2026-03-08T06:30:00Z'), NY)).toBe(true); // 01:30 EST
    expect(closed(c, at('2026-03-08T06:59:00Z'), NY)).toBe(true);
    expect(closed(c, at('2026-03-08T07:00:00Z'), NY)).toBe(false); // 03:00 EDT: past 02:30
  });

  it('Berlin, spring forward (02:00 → 03:00), day starting at midnight: 01:00–04:00 is two real hours', () => {
    const c = commitment([{ days: [0], fromMinutes: 1 * H, untilMinutes: 4 * H }]);
    expect(closed(c, at('2026-03-28T23:59:00Z'), BERLIN, 0)).toBe(false); // 00:59 CET
    expect(closed(c, at('2026-03-29T00:00:00Z'), BERLIN, 0)).toBe(true); // 01:00 CET
    expect(closed(c, at('2026-03-29T01:30:00Z'), BERLIN, 0)).toBe(true); // 03:30 CEST
    expect(closed(c, at('2026-03-29T02:00:00Z'), BERLIN, 0)).toBe(false); // 04:00 CEST
    const s = statusOn(c, '2026-03-29', { sessions: [], checkIns: [] }, clock(at('2026-03-29T00:30:00Z'), BERLIN, 0));
    expect(s.windowEnd! - at('2026-03-29T00:00:00Z')).toBe(2 * 3_600_000);
  });

  it('Berlin, fall back (03:00 → 02:00), day starting at midnight: 01:30–03:30 is three real hours', () => {
    const c = commitment([{ days: [0], fromMinutes: 1 * H + 30, untilMinutes: 3 * H + 30 }]);
    expect(closed(c, at('2026-10-24T23:29:00Z'), BERLIN, 0)).toBe(false); // 01:29 CEST
    expect(closed(c, at('2026-10-24T23:30:00Z'), BERLIN, 0)).toBe(true); // 01:30 CEST
    expect(closed(c, at('2026-10-25T01:15:00Z'), BERLIN, 0)).toBe(true); // 02:15 CET, the second time
    expect(closed(c, at('2026-10-25T02:29:00Z'), BERLIN, 0)).toBe(true); // 03:29 CET
    expect(closed(c, at('2026-10-25T02:30:00Z'), BERLIN, 0)).toBe(false);
  });

  it('New York, fall back (02:00 → 01:00): until 01:30 is the first 01:30; 23:00–03:00 is five real hours', () => {
    const first = commitment([{ days: [6], fromMinutes: 30, untilMinutes: 90 }]);
    expect(closed(first, at('2026-11-01T05:29:00Z'), NY)).toBe(true); // 01:29 EDT
    expect(closed(first, at('2026-11-01T05:30:00Z'), NY)).toBe(false); // 01:30 EDT
    expect(closed(first, at('2026-11-01T06:15:00Z'), NY)).toBe(false); // 01:15 EST: that window is over
    const night = commitment([{ days: [6], fromMinutes: 23 * H, untilMinutes: 3 * H }]);
    const s = statusOn(night, '2026-10-31', { sessions: [], checkIns: [] }, clock(at('2026-11-01T04:00:00Z'), NY));
    expect(s.windowEnd).toBe(at('2026-11-01T08:00:00Z'));
    expect(s.windowEnd! - localInstant('2026-10-31', 23 * H, NY)).toBe(5 * 3_600_000);
    expect(closed(night, at('2026-11-01T07:59:00Z'), NY)).toBe(true);
    expect(closed(night, at('2026-11-01T08:00:00Z'), NY)).toBe(false);
  });
});
