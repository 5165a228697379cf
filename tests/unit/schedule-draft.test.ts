import { describe, expect, it } from 'vitest';
import { formWindows, groupsOf, scheduleOf } from '@/components/schedule-draft';
import type { Schedule } from '@/utils/core/types';

describe("the form's schedule draft", () => {
  it('shows a stored schedule as groups of weekdays, and saves it back unchanged', () => {
    const stored: Schedule = [
      { days: [1, 2, 3, 4, 5], fromMinutes: 540, untilMinutes: 720 },
      { days: [6], fromMinutes: 600, untilMinutes: 660 },
      { days: [1, 2, 3, 4, 5], fromMinutes: 840, untilMinutes: 1020 },
    ];
    const groups = groupsOf(stored);
    expect(groups).toEqual([
      { days: [1, 2, 3, 4, 5], windows: [{ from: '09:00', until: '12:00' }, { from: '14:00', until: '17:00' }] },
      { days: [6], windows: [{ from: '10:00', until: '11:00' }] },
    ]);
    expect(scheduleOf(groups)).toEqual({ ok: true, value: [stored[0], stored[2], stored[1]] });
  });

  it('the simple case: one window from the start of my day; a time not typed right is named, and null for the summary', () => {
    const groups = groupsOf([{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }]);
    expect(groups).toEqual([{ days: [1, 2, 3, 4, 5], windows: [{ from: null, until: '12:00' }] }]);
    expect(scheduleOf(groups)).toEqual({ ok: true, value: [{ days: [1, 2, 3, 4, 5], untilMinutes: 720 }] });
    const typo = [{ days: [1], windows: [{ from: '9', until: '12:00' }] }] as Parameters<typeof scheduleOf>[0];
    expect(scheduleOf(typo)).toEqual({ ok: false, error: expect.stringMatching(/^Start time: “9” isn't a time/) });
    expect(formWindows(typo)).toEqual([{ days: [1], fromMinutes: null, untilMinutes: 720 }]);
  });
});
