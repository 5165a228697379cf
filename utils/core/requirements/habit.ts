import type { RequirementKind } from './index';

/**
 * A habit done `times` times a day. (A weekly habit is judged over its week by today.ts; a single day's
 * progress is what this day contributes.)
 */
export const habitRequirement: RequirementKind<{ kind: 'habit'; times: number; per: 'day' | 'week' }> = {
  kind: 'habit',
  describe: (r) => (r.times === 1 ? `once a ${r.per}` : `${r.times} times a ${r.per}`),
  progress(r, records) {
    const times = records.checkIns.map((c) => c.at).sort((a, b) => a - b);
    const doneAt = r.per === 'day' ? times[r.times - 1] : undefined;
    return { done: doneAt !== undefined, doneAt, value: times.length, target: r.times, unit: 'times' };
  },
};
