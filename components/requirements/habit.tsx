import { useState } from 'preact/hooks';
import { HABIT_TIMES_MAX, type HabitRequirement } from '@/utils/core/requirements/habit';
import { HabitControls } from '../HabitControls';
import type { RequirementUi } from './index';

/** N times a day or a week: typed in the form; checked in, undone and described from a card all day. */
export const habitUi: RequirementUi<HabitRequirement> = {
  kind: 'habit',
  useDraft(initial) {
    const [times, setTimes] = useState(String(initial.times));
    const [per, setPer] = useState(initial.per);
    return {
      requirement: { kind: 'habit', times: Number(times.trim() || NaN), per },
      fields: ({ choice }) => (
        <label class="inline">
          {choice}
          <input type="number" class="minutes" data-testid="habit-times" min={1} max={HABIT_TIMES_MAX} value={times}
            onInput={(e) => setTimes(e.currentTarget.value)} aria-label="Times" />
          times a
          <select data-testid="habit-per" value={per} onChange={(e) => setPer(e.currentTarget.value as 'day' | 'week')}>
            <option value="day">day</option>
            <option value="week">week</option>
          </select>
        </label>
      ),
    };
  },
  NextStep: ({ view, actions }) => (
    <HabitControls commitmentId={view.commitment.id} checkIns={view.checkIns} canLogYesterday={view.canLogYesterday} actions={actions} />
  ),
  allDay: true,
};
