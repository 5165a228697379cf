import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { viewToday } from '@/utils/core/today';
import { statusToday } from '@/utils/core/status';
import { addDays, localInstant } from '@/utils/core/days';
import { isActiveDay } from '@/utils/core/schedule';
import type { Clock, Commitment, DayKey, Weekday } from '@/utils/core/types';
import type { DayRecords } from '@/utils/core/requirements';

const TZ = 'America/New_York';
const clockAt = (date: DayKey, minutes: number): Clock => ({ now: localInstant(date, minutes, TZ), timeZone: TZ, dayStartMinutes: 240 });

function checkinCommitment(days: Weekday[], created: DayKey): Commitment {
  const createdAt = localInstant(created, 8 * 60, TZ);
  return { id: 'c', title: 'Walk', why: '', sites: ['mail.google.com'], requirement: { kind: 'checkin' }, schedule: [{ days, untilMinutes: 22 * 60 }], createdAt, updatedAt: createdAt };
}
/** The streak the check-in shows, through the same path as the popup. */
const currentStreak = (c: Commitment, history: Map<DayKey, DayRecords>, clock: Clock) =>
  viewToday([c], new Map([[c.id, history]]), clock)[0]!.streak.current;
const done = (...days: DayKey[]) => new Map<DayKey, DayRecords>(days.map((d) => [d, { sessions: [], checkIns: [{ id: d, commitmentId: 'c', day: d, at: 0 }] }]));

describe('current streak, as the check-in shows it', () => {
  // 2026-11-02 is a Monday; the US falls back on Sunday 2026-11-01.
  const weekdays: Weekday[] = [1, 2, 3, 4, 5];

  it('counts consecutive active days done, skipping days outside the window (and across the DST change)', () => {
    const c = checkinCommitment(weekdays, '2026-10-26');
    // Thu, Fri, (weekend skipped), Mon, Tue: 4 in a row; today Wednesday not done yet but still open.
    const history = done('2026-10-29', '2026-10-30', '2026-11-02', '2026-11-03');
    expect(currentStreak(c, history, clockAt('2026-11-04', 10 * 60))).toBe(4);
  });

  it('today counts once done, and breaks the streak only once missed', () => {
    const c = checkinCommitment(weekdays, '2026-10-26');
    const history = done('2026-11-02', '2026-11-03', '2026-11-04');
    expect(currentStreak(c, history, clockAt('2026-11-04', 10 * 60))).toBe(3);
    const notToday = done('2026-11-02', '2026-11-03');
    expect(currentStreak(c, notToday, clockAt('2026-11-04', 21 * 60))).toBe(2);
    expect(currentStreak(c, notToday, clockAt('2026-11-04', 23 * 60))).toBe(0);
  });

  it('a missed active day breaks it', () => {
    const c = checkinCommitment(weekdays, '2026-10-26');
    const history = done('2026-10-29', '2026-11-02', '2026-11-03'); // Friday 30th missed
    expect(currentStreak(c, history, clockAt('2026-11-03', 23 * 60))).toBe(2);
  });

  it('a late night before the day start still belongs to the day before', () => {
    const c = checkinCommitment([0, 1, 2, 3, 4, 5, 6], '2026-10-26');
    // 01:30 on the 4th is still the 3rd: the 3rd is not missed until 22:00... of the 3rd, so it is missed now.
    const history = done('2026-11-01', '2026-11-02');
    const clock = clockAt('2026-11-04', 90);
    expect(statusToday(c, history.get('2026-11-03') ?? { sessions: [], checkIns: [] }, clock).day).toBe('2026-11-03');
    expect(currentStreak(c, history, clock)).toBe(0);
    expect(currentStreak(c, done('2026-11-02', '2026-11-03'), clock)).toBe(2);
  });

  it('matches a simple reference count over random schedules', () => {
    fc.assert(
      fc.property(
        fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        (days, doneFlags) => {
          const first = '2026-09-01';
          const c = checkinCommitment(days, first);
          const doneDays = doneFlags.flatMap((f, i) => (f ? [addDays(first, i)] : []));
          const lastDay = addDays(first, doneFlags.length - 1);
          // Evaluate after the last day's window has closed.
          const clock = clockAt(lastDay, 23 * 60);
          let expected = 0;
          for (let i = doneFlags.length - 1; i >= 0; i--) {
            const d = addDays(first, i);
            if (!isActiveDay(d, c.schedule)) continue;
            if (!doneFlags[i]) break;
            expected++;
          }
          expect(currentStreak(c, done(...doneDays), clock)).toBe(expected);
        },
      ),
    );
  });
});
