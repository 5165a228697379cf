import { ok } from '../result';
import type { RequirementKind } from './index';
import { tr } from '../i18n';

export type CheckinRequirement = { kind: 'checkin' };

/** "I did it": one honest check-in on the day meets the requirement. */
export const checkinRequirement: RequirementKind<CheckinRequirement> = {
  kind: 'checkin',
  initial: { kind: 'checkin' },
  gates: true,
  checkIn: 'once',
  describe: () => tr('checkin_check_in'),
  validate: ok,
  whatIsLeft: () => tr('checkin_a_check_in'),
  rank: 1,
  compare: () => 'neutral',
  progress(_r, records) {
    const done = records.checkIns.length > 0;
    const doneAt = done ? Math.min(...records.checkIns.map((c) => c.at)) : undefined;
    return { done, doneAt, value: done ? 1 : 0, target: 1, unit: 'check-in' };
  },
};
