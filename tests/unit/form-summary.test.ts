import { describe, expect, it } from 'vitest';
import { dayStartRule, describeDays, describeUntil, gateNowSentence, summarizeForm } from '../../utils/core/form-summary';
import type { Weekday } from '../../utils/core/types';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const BERLIN = 'Europe/Berlin';
const H = 60;
// 2026-03-09 is a Monday; Berlin is UTC+1 then.
const berlin = (iso: string) => ({ now: Date.parse(`${iso}+01:00`), timeZone: BERLIN, dayStartMinutes: 4 * H });

describe('the summary line follows the fields', () => {
  it('says the preset as it is', () => {
    expect(summarizeForm({ requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: WEEKDAYS, untilMinutes: 12 * H }] }, 4 * H))
      .toBe('60 min focus, Monday to Friday, until 12:00');
  });

  it('changes with each field', () => {
    expect(summarizeForm({ requirement: { kind: 'focus', minutes: 45 }, schedule: [{ days: [1, 2, 3, 4], untilMinutes: 11 * H }] }, 4 * H))
      .toBe('45 min focus, Monday to Thursday, until 11:00');
    expect(summarizeForm({ requirement: { kind: 'checkin' }, schedule: [{ days: EVERY_DAY, untilMinutes: 4 * H }] }, 4 * H))
      .toBe('Check in, every day, all day');
    expect(summarizeForm({ requirement: { kind: 'focus', minutes: 30 }, schedule: [{ days: [6, 0], untilMinutes: 1 * H }] }, 4 * H))
      .toBe('30 min focus, Saturday and Sunday, until 01:00 the next morning');
  });

  it('leaves out what is not filled in correctly yet, rather than show it wrong', () => {
    expect(summarizeForm({ requirement: { kind: 'focus', minutes: NaN }, schedule: [{ days: WEEKDAYS, untilMinutes: null }] }, 4 * H))
      .toBe('Monday to Friday');
    expect(summarizeForm({ requirement: { kind: 'focus', minutes: 500 }, schedule: [{ days: [], untilMinutes: 9 * H }] }, 4 * H))
      .toBe('No days chosen yet, until 09:00');
  });

  it('a habit has no "until"; a weekly one no days', () => {
    expect(summarizeForm({ requirement: { kind: 'habit', times: 1, per: 'day' }, schedule: [{ days: WEEKDAYS, untilMinutes: 12 * H }] }, 4 * H))
      .toBe('Once a day, Monday to Friday');
    expect(summarizeForm({ requirement: { kind: 'habit', times: 3, per: 'week' }, schedule: [{ days: WEEKDAYS, untilMinutes: 12 * H }] }, 4 * H))
      .toBe('3 times a week');
  });

  it('names days in runs, Monday first', () => {
    expect(describeDays(EVERY_DAY)).toBe('every day');
    expect(describeDays([5, 3, 1])).toBe('Monday, Wednesday and Friday');
    expect(describeDays([1, 2, 3, 6])).toBe('Monday to Wednesday and Saturday');
    expect(describeDays([1, 2])).toBe('Monday and Tuesday');
    expect(describeDays([0])).toBe('Sunday');
  });

  it('"until" the day start means all day; before it, the next morning', () => {
    expect(describeUntil(4 * H, 4 * H)).toBe('all day');
    expect(describeUntil(12 * H, 4 * H)).toBe('until 12:00');
    expect(describeUntil(2 * H + 30, 4 * H)).toBe('until 02:30 the next morning');
    expect(describeUntil(0, 0)).toBe('all day');
  });
});

describe('the day start, explained', () => {
  it('says when the day starts and what "until" that time means', () => {
    expect(dayStartRule(4 * H)).toBe('Your day starts at 04:00: until then, late nights still count as the day before. “Until 04:00” means all day.');
    expect(dayStartRule(6 * H + 30)).toContain('“Until 06:30” means all day');
  });

  it('at 01:30 on a Tuesday the preset does not hold the gate: it is still Monday, whose window closed at 12:00', () => {
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-10T01:30'))).toBe(
      "It's 01:30, which still counts as yesterday (Monday): your day starts at 04:00. " +
        "Monday's window closed at 12:00, so it first holds the sites back on Tuesday from 04:00.",
    );
  });

  it('at 01:30 on a Monday it is still Sunday, not one of its days', () => {
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-09T01:30'))).toBe(
      "It's 01:30, which still counts as yesterday (Sunday): your day starts at 04:00. " +
        "Sunday isn't one of its days, so it first holds the sites back on Monday from 04:00.",
    );
  });

  it('in the window it holds the sites back at once', () => {
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-10T09:15'))).toBe(
      "It's 09:15. Created now, it holds the sites back right away, until 12:00.",
    );
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 4 * H }], berlin('2026-03-10T23:00'))).toBe(
      "It's 23:00. Created now, it holds the sites back right away, for the rest of the day, until 04:00.",
    );
    // "until" the day start is the whole day: at 01:30 it is yesterday's day, still open.
    expect(gateNowSentence([{ days: EVERY_DAY, untilMinutes: 4 * H }], berlin('2026-03-10T01:30'))).toBe(
      "It's 01:30, which still counts as yesterday (Monday): your day starts at 04:00. " +
        'Created now, it holds the sites back right away, for the rest of the day, until 04:00.',
    );
  });

  it('after the window, or on a day it skips, says from when', () => {
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-10T15:00'))).toBe(
      "It's 15:00. Today's window closed at 12:00, so it first holds the sites back tomorrow (Wednesday) from 04:00.",
    );
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-13T15:00'))).toBe(
      "It's 15:00. Today's window closed at 12:00, so it first holds the sites back on Monday from 04:00.",
    );
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: 12 * H }], berlin('2026-03-14T10:00'))).toBe(
      "It's 10:00. Today isn't one of its days, so it first holds the sites back on Monday from 04:00.",
    );
    expect(gateNowSentence([{ days: [2], untilMinutes: 12 * H }], berlin('2026-03-10T15:00'))).toBe(
      "It's 15:00. Today's window closed at 12:00, so it first holds the sites back next Tuesday from 04:00.",
    );
  });

  it('says nothing of now while no day or no time is chosen', () => {
    expect(gateNowSentence([{ days: [], untilMinutes: 12 * H }], berlin('2026-03-10T09:00'))).toBeNull();
    expect(gateNowSentence([{ days: WEEKDAYS, untilMinutes: null }], berlin('2026-03-10T09:00'))).toBeNull();
  });
});
