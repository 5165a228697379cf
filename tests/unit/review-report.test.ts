import { describe, expect, it } from 'vitest';
import { localInstant } from '@/utils/core/days';
import { pastByCommitment } from '@/utils/core/today';
import { completionByWeek, weekHours, weekOf, weekReport, type ReportInput } from '@/utils/core/review/report';
import type { Attempt, CheckIn, Clock, Commitment, DayKey, FocusSession } from '@/utils/core/types';
import { groupRecords } from '@/utils/db/queries';
import type { DayRecords } from '@/utils/core/requirements';

const TZ = 'Europe/Berlin';
const at = (date: DayKey, minutes: number) => localInstant(date, minutes, TZ);
const clockAt = (date: DayKey, minutes: number, weekStartsOn: 0 | 1 = 1): Clock => ({ now: at(date, minutes), timeZone: TZ, dayStartMinutes: 240, weekStartsOn });

const deep: Commitment = {
  id: 'deep', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 30 },
  schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 12 * 60 }], createdAt: at('2026-03-01', 8 * 60), updatedAt: 0,
};
const gym: Commitment = {
  id: 'gym', title: 'Gym', why: '', sites: [], requirement: { kind: 'habit', times: 3, per: 'week' },
  schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }], createdAt: at('2026-03-01', 8 * 60), updatedAt: 0,
};
const session = (day: DayKey, start: number, minutes: number): FocusSession => ({
  id: `${day}-${start}`, commitmentId: 'deep', day, startedAt: at(day, start), endsAt: at(day, start + minutes), endedAt: at(day, start + minutes), outcome: 'completed',
});
const checkIn = (day: DayKey, n: number): CheckIn => ({ id: `${day}-${n}`, commitmentId: 'gym', day, at: at(day, 19 * 60 + n) });
const attempt = (day: DayKey, outcome: Attempt['outcome'], n = 0): Attempt => ({ id: `${day}-${outcome}-${n}`, commitmentId: 'deep', day, at: at(day, 9 * 60), outcome });

/** Everything the review page reads, built from records as the database would group them. */
function inputOf(sessions: FocusSession[], checkIns: CheckIn[], attempts: Attempt[], clock: Clock): ReportInput {
  const grouped = groupRecords(sessions, checkIns, (r) => `${r.commitmentId} ${r.day}`);
  const history = new Map<string, Map<DayKey, DayRecords>>([['deep', new Map()], ['gym', new Map()]]);
  for (const [key, records] of grouped) {
    const [id, day] = key.split(' ') as [string, DayKey];
    history.get(id)!.set(day, records);
  }
  const commitments = [deep, gym];
  return { commitments, past: pastByCommitment(commitments, history, clock), history, caches: new Map(), sessions, attempts };
}

// The week of 23–29 March 2026 (Monday start): Berlin's clocks go forward at 02:00 on Sunday the 29th.
const lastWeek = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'].map((d) => session(d, 9 * 60, 30));
const sessions = [
  ...lastWeek,
  session('2026-03-23', 9 * 60, 30), // Mon done
  session('2026-03-24', 8 * 60, 45), // Tue done
  session('2026-03-25', 13 * 60, 40), // Wed too late: missed, but its minutes count as focus
  session('2026-03-26', 9 * 60, 30), // Thu done
  session('2026-03-27', 10 * 60, 30), // Fri done
];
const checkIns = [checkIn('2026-03-17', 0), checkIn('2026-03-23', 0), checkIn('2026-03-23', 1), checkIn('2026-03-25', 0)];
const attempts = [attempt('2026-03-23', 'turned-back'), attempt('2026-03-24', 'started-session'), attempt('2026-03-25', 'went-anyway'), attempt('2026-03-29', 'turned-back')];

describe("the week's report", () => {
  it('counts a DST week in hours as it was lived: 167 in spring, 169 in autumn, 168 otherwise', () => {
    const c = { timeZone: TZ, dayStartMinutes: 240 };
    expect(weekHours('2026-03-23', c)).toBe(167);
    expect(weekHours('2026-10-19', c)).toBe(169);
    expect(weekHours('2026-03-16', c)).toBe(168);
    // With a Sunday week start the spring change (02:00 on Sunday, before the 04:00 day start) belongs to Saturday's day.
    expect(weekHours('2026-03-22', c)).toBe(167);
    expect(weekHours('2026-03-29', c)).toBe(168);
    expect(weekHours('2026-03-23', { timeZone: 'America/New_York', dayStartMinutes: 0 })).toBe(168); // New York changed on 8 March
  });

  it("gives each commitment's days done of its days, focus minutes, arrivals and the streak's change, across the DST change", () => {
    const clock = clockAt('2026-03-29', 18 * 60); // Sunday evening, after the clocks went forward
    const report = weekReport(inputOf(sessions, checkIns, attempts, clock), weekOf('2026-03-29', clock), clock);
    expect(report.weekStart).toBe('2026-03-23');
    expect(report.hours).toBe(167);
    const d = report.commitments.find((r) => r.commitmentId === 'deep')!;
    expect(d).toMatchObject({ unit: 'days', done: 4, target: 5, missedDays: ['2026-03-25'], focusMinutes: 30 + 45 + 40 + 30 + 30 });
    expect(d).toMatchObject({ turnedBack: 3, wentAnyway: 1, streakBefore: 5, streakAfter: 2, streakUnit: 'day' });
    const g = report.commitments.find((r) => r.commitmentId === 'gym')!;
    expect(g).toMatchObject({ unit: 'times', done: 3, target: 3, streakBefore: 0, streakAfter: 1, streakUnit: 'week' });
    expect(report.completion).toBeCloseTo((4 + 3) / (5 + 3));
  });

  it('follows the week-start setting: a Sunday start moves the days, the arrivals and the habit count', () => {
    const clock = clockAt('2026-03-28', 18 * 60, 0); // Saturday: the week of Sunday 22 March
    const report = weekReport(inputOf(sessions, checkIns, attempts, clock), weekOf('2026-03-28', clock), clock);
    expect(report.weekStart).toBe('2026-03-22');
    const d = report.commitments.find((r) => r.commitmentId === 'deep')!;
    expect(d).toMatchObject({ done: 4, target: 5, turnedBack: 2, wentAnyway: 1 }); // Sunday the 29th's arrival is next week's
    // Habit check-ins of the 23rd and 25th: 3 of 3; the 17th is the week before.
    expect(report.commitments.find((r) => r.commitmentId === 'gym')).toMatchObject({ done: 3, target: 3 });
  });

  it('counts the days still to come in this week as to do, and a day today not over as not missed yet', () => {
    const clock = clockAt('2026-03-25', 10 * 60); // Wednesday 10:00: the day's window is still open
    const report = weekReport(inputOf(sessions.filter((s) => s.day < '2026-03-25'), checkIns, attempts, clock), '2026-03-23', clock);
    expect(report.commitments.find((r) => r.commitmentId === 'deep')).toMatchObject({ done: 2, target: 5, missedDays: [], streakAfter: 7 });
  });

  it('a habit is judged by its count for the week, not day by day', () => {
    const clock = clockAt('2026-03-22', 20 * 60); // the Sunday ending the week of 16 March: one check-in of three
    const report = weekReport(inputOf(sessions, checkIns, attempts, clock), '2026-03-16', clock);
    expect(report.commitments.find((r) => r.commitmentId === 'gym')).toMatchObject({ done: 1, target: 3, missedDays: [], streakAfter: 0 });
  });

  it('gives the completion rate of each week for the chart, from the same days', () => {
    const clock = clockAt('2026-03-29', 18 * 60);
    const rates = completionByWeek(inputOf(sessions, checkIns, attempts, clock), ['2026-03-09', '2026-03-16', '2026-03-23'], clock);
    expect(rates[0]).toBeCloseTo(0 / (5 + 3)); // created on the 1st: every day missed, no check-in
    expect(rates[1]).toBeCloseTo((5 + 1) / (5 + 3));
    expect(rates[2]).toBeCloseTo((4 + 3) / (5 + 3));
  });
});
