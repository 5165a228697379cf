import { useState } from 'preact/hooks';
import { HABIT_TIMES_MAX, type HabitRequirement } from '@/utils/core/requirements/habit';
import { HabitControls } from '../HabitControls';
import type { RequirementUi } from './index';
import { tr } from '@/utils/core/i18n';

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
            onInput={(e) => setTimes(e.currentTarget.value)} aria-label={tr('requirement_times')} />
          {tr('requirement_times_a')}<select data-testid="habit-per" value={per} onChange={(e) => setPer(e.currentTarget.value as 'day' | 'week')}>
            <option value="day">{tr('requirement_day')}</option>
            <option value="week">{tr('requirement_week')}</option>
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
