/**
 * The form's schedule as typed: groups of weekdays, each with its windows of time. The simple case is one group
 * (Monday to Friday) with one window "from the start of my day until 12:00"; a start time, more windows and
 * different times on some days are added from there. A weekday belongs to one group at most: ticking it in one
 * group takes it out of the others. Saved, each window of a group becomes one `{ days, fromMinutes?, untilMinutes }`.
 */
import { useState } from 'preact/hooks';
import type { Result, Schedule, TimeWindow, Weekday } from '@/utils/core/types';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import type { FormWindow } from '@/utils/core/form-summary';
import { WINDOWS_PER_DAY_MAX } from '@/utils/core/schedule';
import { tr } from '@/utils/core/i18n';

export interface WindowDraft {
  /** null: from the start of my day. Otherwise the start time as typed. */
  from: string | null;
  until: string;
}

export interface GroupDraft {
  days: Weekday[];
  windows: WindowDraft[];
}

const NEW_WINDOW: WindowDraft = { from: null, until: '12:00' };

/** The groups a stored schedule shows as: windows with the same weekdays together, in the order first seen. */
export function groupsOf(schedule: Schedule): GroupDraft[] {
  const groups: GroupDraft[] = [];
  for (const w of schedule) {
    const key = [...w.days].sort().join();
    let g = groups.find((x) => [...x.days].sort().join() === key);
    if (!g) groups.push((g = { days: [...w.days], windows: [] }));
    g.windows.push({ from: w.fromMinutes === undefined ? null : formatClockTime(w.fromMinutes), until: formatClockTime(w.untilMinutes) });
  }
  return groups.length ? groups : [{ days: [1, 2, 3, 4, 5], windows: [{ ...NEW_WINDOW }] }];
}

const parsed = (text: string): number | null => {
  const r = parseClockTime(text);
  return r.ok ? r.value : null;
};

/** The windows as the summary reads them: a time not valid yet is null. */
export function formWindows(groups: readonly GroupDraft[]): FormWindow[] {
  return groups.flatMap((g) =>
    g.windows.map((w) => ({ days: g.days, untilMinutes: parsed(w.until), ...(w.from === null ? {} : { fromMinutes: parsed(w.from) }) })),
  );
}

/** The schedule to validate, or the first time that is not a time (its message says which). */
export function scheduleOf(groups: readonly GroupDraft[]): Result<Schedule> {
  const out: TimeWindow[] = [];
  for (const g of groups) {
    for (const w of g.windows) {
      const until = parseClockTime(w.until);
      if (!until.ok) return until;
      const from = w.from === null ? null : parseClockTime(w.from);
      if (from && !from.ok) return { ok: false, error: tr('schedule_draft_start_time', { error: from.error }) };
      out.push({ days: [...g.days], untilMinutes: until.value, ...(from ? { fromMinutes: from.value } : {}) });
    }
  }
  return { ok: true, value: out };
}

export interface ScheduleDraft {
  groups: GroupDraft[];
  toggleDay(group: number, day: Weekday): void;
  setWindow(group: number, index: number, change: Partial<WindowDraft>): void;
  addWindow(group: number): void;
  removeWindow(group: number, index: number): void;
  /** A new group for other weekdays' times (no day ticked yet). */
  addGroup(): void;
  removeGroup(group: number): void;
  canAddWindow(group: number): boolean;
}

export function useScheduleDraft(initial: Schedule): ScheduleDraft {
  const [groups, setGroups] = useState<GroupDraft[]>(() => groupsOf(initial));
  const update = (group: number, f: (g: GroupDraft) => GroupDraft) => setGroups(groups.map((g, i) => (i === group ? f(g) : g)));
  return {
    groups,
    toggleDay(group, day) {
      const on = !groups[group]!.days.includes(day);
      setGroups(groups.map((g, i) => ({ ...g, days: i === group && on ? [...g.days, day] : g.days.filter((d) => d !== day) })));
    },
    setWindow(group, index, change) {
      update(group, (g) => ({ ...g, windows: g.windows.map((w, j) => (j === index ? { ...w, ...change } : w)) }));
    },
    addWindow(group) {
      // The next window starts when the last one ends, an hour long: a sensible start the person then changes.
      update(group, (g) => {
        const last = parsed(g.windows[g.windows.length - 1]?.until ?? '') ?? 12 * 60;
        const from = Math.min(last + 60, 22 * 60);
        return { ...g, windows: [...g.windows, { from: formatClockTime(from), until: formatClockTime(from + 60) }] };
      });
    },
    removeWindow(group, index) {
      update(group, (g) => ({ ...g, windows: g.windows.filter((_, j) => j !== index) }));
    },
    addGroup() {
      setGroups([...groups, { days: [], windows: [{ ...NEW_WINDOW }] }]);
    },
    removeGroup(group) {
      setGroups(groups.filter((_, i) => i !== group));
    },
    canAddWindow(group) {
      return (groups[group]?.windows.length ?? 0) < WINDOWS_PER_DAY_MAX;
    },
  };
}
