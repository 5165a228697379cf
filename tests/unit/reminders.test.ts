import { describe, expect, it } from 'vitest';
import { localInstant } from '@/utils/core/days';
import { DEFAULT_REMINDERS, planReminders, type ReminderFacts, type ReminderSettings } from '@/utils/core/reminders';
import { EMPTY_DRAFT, type WeeklyReview } from '@/utils/core/review/types';
import type { Clock, DayKey } from '@/utils/core/types';

const TZ = 'Europe/Berlin';
const at = (date: DayKey, minutes: number) => localInstant(date, minutes, TZ);
const clockAt = (date: DayKey, minutes: number, weekStartsOn: 0 | 1 = 1): Clock => ({ now: at(date, minutes), timeZone: TZ, dayStartMinutes: 240, weekStartsOn });
const on: ReminderSettings = { ...DEFAULT_REMINDERS, review: true, closing: true };
const facts = (clock: Clock, over: Partial<ReminderFacts> = {}): ReminderFacts => ({ clock, reviews: new Map(), today: [], ...over });
const done = (weekStart: DayKey): WeeklyReview => ({ ...EMPTY_DRAFT, weekStart, status: 'done', updatedAt: 0 });
const deep = (status: 'pending' | 'done' | 'in-progress', deadline = at('2026-03-25', 12 * 60)) => ({ commitmentId: 'deep', title: 'Deep work', status, deadline });

describe('reminder times', () => {
  it('reminds of the weekly review on Sunday at 18:00 local time by default, also across the DST change', () => {
    const monday = clockAt('2026-03-23', 9 * 60);
    const lastWeekDone = new Map([['2026-03-16', done('2026-03-16')]]);
    expect(planReminders(on, facts(monday, { reviews: lastWeekDone }), new Set())).toEqual({ due: [], next: at('2026-03-29', 18 * 60) });
    // Last week's review not written yet: a late one is still possible, so its reminder comes now.
    expect(planReminders(on, facts(monday), new Set()).due.map((r) => r.key)).toEqual(['review:2026-03-16']);
    // 18:00 on the 29th is after the clocks went forward: 16:00 UTC, not 17:00.
    expect(new Date(at('2026-03-29', 18 * 60)).toISOString()).toBe('2026-03-29T16:00:00.000Z');
    const due = planReminders(on, facts(clockAt('2026-03-29', 18 * 60 + 1), { reviews: lastWeekDone }), new Set());
    expect(due.due.map((r) => r.key)).toEqual(['review:2026-03-23']);
  });

  it('never reminds of a review already written, nor twice of the same one', () => {
    const sunday = clockAt('2026-03-29', 18 * 60 + 1);
    expect(planReminders(on, facts(sunday, { reviews: new Map([['2026-03-16', done('2026-03-16')], ['2026-03-23', done('2026-03-23')]]) }), new Set()).due).toEqual([]);
    const sent = new Set(['review:2026-03-16', 'review:2026-03-23']);
    const after = planReminders(on, facts(sunday), sent);
    expect(after.due).toEqual([]);
    expect(after.next).toBe(at('2026-04-05', 18 * 60)); // next week's
  });

  it('follows the setting: another day and time, and with a Sunday week start a Sunday reminder is for the week just ended', () => {
    const s = { ...on, reviewDay: 5 as const, reviewMinutes: 17 * 60 + 30 };
    expect(planReminders(s, facts(clockAt('2026-03-23', 9 * 60)), new Set()).next).toBe(at('2026-03-27', 17 * 60 + 30));
    const sundayStart = planReminders(on, facts(clockAt('2026-03-29', 18 * 60 + 1, 0)), new Set());
    expect(sundayStart.due.map((r) => r.key)).toEqual(['review:2026-03-22']);
  });

  it('reminds of a commitment still to do 30 minutes before its window closes, and not once it is done', () => {
    const early = clockAt('2026-03-25', 9 * 60);
    expect(planReminders({ ...on, review: false }, facts(early, { today: [deep('pending')] }), new Set()).next).toBe(at('2026-03-25', 11 * 60 + 30));
    const soon = clockAt('2026-03-25', 11 * 60 + 31);
    const due = planReminders({ ...on, review: false }, facts(soon, { today: [deep('in-progress')] }), new Set()).due;
    expect(due.map((r) => [r.key, r.message])).toEqual([['closing:deep:2026-03-25', 'Its time ends at 12:00. There is still time.']]);
    expect(planReminders({ ...on, review: false }, facts(soon, { today: [deep('done')] }), new Set())).toEqual({ due: [], next: null });
    // Window closed: too late to say anything.
    expect(planReminders({ ...on, review: false }, facts(clockAt('2026-03-25', 12 * 60 + 1), { today: [deep('pending')] }), new Set()).due).toEqual([]);
    expect(planReminders({ ...on, review: false, closing: false }, facts(soon, { today: [deep('pending')] }), new Set()).due).toEqual([]);
  });

  it('keeps quiet hours: a review reminder waits for their end, a closing reminder that would come too late is dropped', () => {
    const quiet = { ...on, reviewMinutes: 22 * 60 + 30, quiet: { from: 22 * 60, until: 7 * 60 } };
    const sent = new Set(['review:2026-03-16']);
    // Sunday 22:30 is quiet: the reminder waits until Monday 07:00, still within the late-review week.
    expect(planReminders(quiet, facts(clockAt('2026-03-23', 9 * 60)), sent).next).toBe(at('2026-03-30', 7 * 60));
    expect(planReminders(quiet, facts(clockAt('2026-03-29', 23 * 60)), sent).due).toEqual([]);
    const night = { ...on, review: false, quiet: { from: 22 * 60, until: 7 * 60 } };
    const lateWindow = deep('pending', at('2026-03-25', 23 * 60)); // closes at 23:00, reminder at 22:30 falls in quiet hours
    expect(planReminders(night, facts(clockAt('2026-03-25', 20 * 60), { today: [lateWindow] }), new Set())).toEqual({ due: [], next: null });
    // Quiet hours within the day (13:00–14:00): a reminder at 13:30 for a window closing 14:00 is dropped too.
    const lunch = { ...night, quiet: { from: 13 * 60, until: 14 * 60 } };
    expect(planReminders(lunch, facts(clockAt('2026-03-25', 13 * 60 + 40), { today: [deep('pending', at('2026-03-25', 14 * 60))] }), new Set()).due).toEqual([]);
    expect(planReminders({ ...lunch, quiet: null }, facts(clockAt('2026-03-25', 13 * 60 + 40), { today: [deep('pending', at('2026-03-25', 14 * 60))] }), new Set()).due).toHaveLength(1);
  });

  it('a reminder missed while the browser was closed comes when it opens, if it still makes sense', () => {
    // Browser closed over the Sunday 18:00 reminder, opened at 20:00 or on Monday (a late review is possible): due;
    // opened a week later, when that review can no longer be written: over.
    const sent = new Set(['review:2026-03-16']);
    expect(planReminders(on, facts(clockAt('2026-03-29', 20 * 60)), sent).due.map((r) => r.key)).toEqual(['review:2026-03-23']);
    expect(planReminders(on, facts(clockAt('2026-03-30', 9 * 60)), sent).due.map((r) => r.key)).toEqual(['review:2026-03-23']);
    expect(planReminders(on, facts(clockAt('2026-04-06', 9 * 60)), sent).due.map((r) => r.key)).toEqual(['review:2026-03-30']);
  });
});

describe('a partner’s week waiting to be read (issue 10)', () => {
  const monday = clockAt('2026-03-23', 9 * 60);
  const lastWeekDone = new Map([['2026-03-16', done('2026-03-16')]]);
  const came = at('2026-03-22', 20 * 60);
  const waiting = (read: boolean, when = came) => [{ pairId: 'p1', name: 'Ana', at: when, read }];

  it('reminds once it has come, with the weekly review’s reminders, and not once read', () => {
    const due = planReminders(on, facts(monday, { reviews: lastWeekDone, partnerReviews: waiting(false) }), new Set());
    expect(due.due).toEqual([expect.objectContaining({ key: `partner-review:p1:${came}`, kind: 'partner-review', title: 'Ana\'s week is waiting' })]);
    expect(planReminders(on, facts(monday, { reviews: lastWeekDone, partnerReviews: waiting(true) }), new Set()).due).toEqual([]);
    expect(planReminders({ ...on, review: false }, facts(monday, { reviews: lastWeekDone, partnerReviews: waiting(false) }), new Set()).due).toEqual([]);
  });

  it('never twice, waits for the quiet hours to end, and is dropped a week after it came', () => {
    expect(planReminders(on, facts(monday, { reviews: lastWeekDone, partnerReviews: waiting(false) }), new Set([`partner-review:p1:${came}`])).due).toEqual([]);
    const late = at('2026-03-22', 23 * 60);
    const quiet = planReminders(on, facts({ ...monday, now: late + 60_000 }, { reviews: lastWeekDone, partnerReviews: waiting(false, late) }), new Set(['review:2026-03-16']));
    expect(quiet.due).toEqual([]);
    expect(quiet.next).toBe(at('2026-03-23', 7 * 60));
    const weekLater = clockAt('2026-03-30', 9 * 60);
    expect(planReminders(on, facts(weekLater, { reviews: new Map([['2026-03-23', done('2026-03-23')]]), partnerReviews: waiting(false) }), new Set()).due).toEqual([]);
  });
});
