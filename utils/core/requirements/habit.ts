import { fail, ok } from '../result';
import type { RequirementKind } from './index';
import { verdictOf } from '../verdict';
import { tr } from '../i18n';

/** A habit, not tied to any site: done `times` times a day (on the window's days) or a week. */
export type HabitRequirement = { kind: 'habit'; times: number; per: 'day' | 'week' };

export const HABIT_TIMES_MAX = 20;

/**
 * A habit done `times` times a day or a week. A weekly one is judged over its week by today.ts; a single day's
 * progress is what this day contributes.
 */
export const habitRequirement: RequirementKind<HabitRequirement> = {
  kind: 'habit',
  initial: { kind: 'habit', times: 3, per: 'week' },
  gates: false,
  checkIn: 'counted',
  describe: (r) => (r.per === 'week' ? (r.times === 1 ? tr('habit_once_a_week') : tr('habit_times_a_week', { times: r.times })) : r.times === 1 ? tr('habit_once_a_day') : tr('habit_times_a_day', { times: r.times })),
  validate(r) {
    if (!Number.isInteger(r.times) || r.times < 1 || r.times > HABIT_TIMES_MAX) return fail(r.per === 'week' ? tr('habit_a_habit_is_done_1_to_times_a_week', { HABIT_TIMES_MAX }) : tr('habit_a_habit_is_done_1_to_times_a_day', { HABIT_TIMES_MAX }));
    if (r.per !== 'day' && r.per !== 'week') return fail(tr('habit_choose_a_day_or_a_week'));
    return ok(r);
  },
  perWeek: (r) => (r.per === 'week' ? r.times : undefined),
  whatIsLeft: (_r, p) => {
    const left = Math.max(1, p.target - p.value);
    return left === 1 ? tr('habit_one_more_time') : tr('habit_more_times', { left });
  },
  rank: 0,
  smaller: (r) => ({ ...r, times: Math.max(1, r.times - 1) }),
  // A weekly habit is judged by its week: no single day to make up.
  twiceOver: (r, records) => r.per === 'day' && records.checkIns.length >= 2 * r.times,
  // Per day asks for every day: a daily habit becomes weekly only as easier (it may bunch), however many times.
  compare(a, b) {
    if (a.per === b.per) return verdictOf(a.times, b.times);
    return a.per === 'week' && b.times * 7 >= a.times ? 'harder' : 'easier';
  },
  progress(r, records) {
    const times = records.checkIns.map((c) => c.at).sort((a, b) => a - b);
    const doneAt = r.per === 'day' ? times[r.times - 1] : undefined;
    return { done: doneAt !== undefined, doneAt, value: times.length, target: r.times, unit: 'times' };
  },
};
