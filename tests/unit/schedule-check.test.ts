import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCommitment } from '@/utils/core/commitment';
import { validateSchedule } from '@/utils/core/schedule-check';
import { describeSchedule, gateNowSentence, summarizeForm } from '@/utils/core/form-summary';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import type { Schedule, Weekday } from '@/utils/core/types';

const H = 60;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const error = (schedule: Schedule, dayStart = 4 * H) => {
  const r = validateSchedule(schedule, dayStart);
  return r.ok ? null : r.error;
};

describe('impossible windows are refused in words, and nothing is saved', () => {
  it('a start after the end, or equal to it', () => {
    expect(error([{ days: WEEKDAYS, fromMinutes: 12 * H, untilMinutes: 9 * H }])).toBe(
      "A window can't run from 12:00 until 09:00: your day starts at 04:00, so 09:00 comes first. Choose a start before the end.",
    );
    expect(error([{ days: WEEKDAYS, fromMinutes: 9 * H, untilMinutes: 9 * H }])).toMatch(/has no time in it/);
    // Across the day start: 03:00 is the end of the day before, 05:00 the start of the next.
    expect(error([{ days: WEEKDAYS, fromMinutes: 3 * H, untilMinutes: 5 * H }])).toMatch(/can't run from 03:00 until 05:00/);
  });

  it('windows that overlap on a weekday they share', () => {
    expect(error([
      { days: WEEKDAYS, fromMinutes: 9 * H, untilMinutes: 12 * H },
      { days: [5, 6], fromMinutes: 11 * H, untilMinutes: 13 * H },
    ])).toBe('On Friday, 09:00–12:00 and 11:00–13:00 overlap. Make them one window, or move one.');
    // A window without a start runs from the day start, so it overlaps a later one that starts before it ends.
    expect(error([{ days: [1], untilMinutes: 12 * H }, { days: [1], fromMinutes: 10 * H, untilMinutes: 14 * H }])).toMatch(/04:00–12:00 and 10:00–14:00 overlap/);
  });

  it('no weekday, too many windows in a day, times that are not times', () => {
    expect(error([{ days: [], fromMinutes: 9 * H, untilMinutes: 12 * H }])).toBe('Pick at least one day of the week.');
    expect(error([])).toBe('Add at least one window of time.');
    const five = [8, 10, 12, 14, 16].map((h) => ({ days: [2] as Weekday[], fromMinutes: h * H, untilMinutes: h * H + 30 }));
    expect(error(five)).toBe('Tuesday has 5 windows: 4 a day at most. Join some of them into one.');
    expect(error(five.slice(0, 4))).toBeNull();
    expect(error([{ days: [1], fromMinutes: 1440, untilMinutes: 12 * H }])).toBe('The start time must be a time of day, 00:00 to 23:59.');
    expect(error([{ days: [1], untilMinutes: -1 }])).toBe('The end time must be a time of day, 00:00 to 23:59.');
  });

  it('the commitment is refused with the schedule\'s message', () => {
    const draft = { ...deepWorkBeforeEmail(), schedule: [{ days: WEEKDAYS, fromMinutes: 12 * H, untilMinutes: 9 * H }] };
    expect(validateCommitment(draft)).toEqual({ ok: false, error: expect.stringMatching(/can't run from 12:00 until 09:00/) });
  });
});

describe('what is accepted, normalised', () => {
  it('touching windows, windows after midnight, other times on other days; a start at the day start is "from the start of my day"', () => {
    const r = validateSchedule([
      { days: [5, 1, 1, 2, 3, 4], fromMinutes: 9 * H, untilMinutes: 12 * H },
      { days: WEEKDAYS, fromMinutes: 12 * H, untilMinutes: 13 * H },
      { days: [6], fromMinutes: 22 * H, untilMinutes: 1 * H },
      { days: [0], fromMinutes: 4 * H, untilMinutes: 4 * H },
    ], 4 * H);
    expect(r).toEqual({ ok: true, value: [
      { days: WEEKDAYS, fromMinutes: 9 * H, untilMinutes: 12 * H },
      { days: WEEKDAYS, fromMinutes: 12 * H, untilMinutes: 13 * H },
      { days: [6], fromMinutes: 22 * H, untilMinutes: 1 * H },
      { days: [0], untilMinutes: 4 * H },
    ] });
  });

  it('any set of non-overlapping windows on a day is accepted; one more window overlapping one of them is not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.nat(),
        (cuts, dayStart, pick) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const schedule: Schedule = [];
          for (let i = 0; i + 1 < sorted.length; i += 2) {
            schedule.push({ days: [3], fromMinutes: (dayStart + sorted[i]! * 15) % 1440, untilMinutes: (dayStart + sorted[i + 1]! * 15) % 1440 });
          }
          expect(error(schedule, dayStart)).toBeNull();
          const copy = schedule[pick % schedule.length]!;
          expect(error([...schedule, { ...copy, days: [3, 4] }], dayStart)).toMatch(schedule.length < 4 ? /overlap/ : /5 windows: 4 a day at most/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the form says the schedule in words', () => {
  const berlin = (iso: string) => ({ now: Date.parse(`${iso}+01:00`), timeZone: 'Europe/Berlin', dayStartMinutes: 4 * H });
  const split = [
    { days: WEEKDAYS, fromMinutes: 9 * H, untilMinutes: 12 * H },
    { days: WEEKDAYS, fromMinutes: 14 * H, untilMinutes: 17 * H },
    { days: [6] as Weekday[], fromMinutes: 10 * H, untilMinutes: 11 * H },
  ];

  it('start times, several windows, other times on Saturday', () => {
    expect(summarizeForm({ requirement: { kind: 'checkin' }, schedule: split }, 4 * H)).toBe(
      'Check in, Monday to Friday, from 09:00 until 12:00 and from 14:00 until 17:00; Saturday, from 10:00 until 11:00',
    );
    expect(describeSchedule([{ days: [1], fromMinutes: 20 * H, untilMinutes: 4 * H }], 4 * H)).toBe('Monday, from 20:00 until your day ends');
    expect(describeSchedule([{ days: [1], fromMinutes: null, untilMinutes: 12 * H }], 4 * H)).toBe('Monday');
  });

  it('before the first window, between windows, and in one', () => {
    expect(gateNowSentence(split, berlin('2026-03-09T07:00'))).toBe("It's 07:00. Created now, it first holds the sites back today at 09:00.");
    expect(gateNowSentence(split, berlin('2026-03-09T12:30'))).toBe("It's 12:30. Created now, it first holds the sites back today at 14:00.");
    expect(gateNowSentence(split, berlin('2026-03-09T15:00'))).toBe("It's 15:00. Created now, it holds the sites back right away, until 17:00.");
    expect(gateNowSentence(split, berlin('2026-03-13T18:00'))).toBe(
      "It's 18:00. Today's last window closed at 17:00, so it first holds the sites back tomorrow (Saturday) from 10:00.",
    );
  });
});
