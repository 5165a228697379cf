import type { Weekday } from '@/utils/core/types';
import { formatClockTime } from '@/utils/core/days';
import { weekdayName } from '@/utils/core/i18n';
import type { ScheduleDraft, WindowDraft } from './schedule-draft';
import { tr } from '@/utils/core/i18n';

/** Monday first, as most calendars people use for work weeks. */
const DAY_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/**
 * Test ids keep the simple case's names (`day-1`, `until`, `from`) for the first group and window; the others
 * carry their group and window: `day-1-3` (group 1, Wednesday), `until-1-0`.
 */
const dayId = (g: number, d: Weekday) => (g === 0 ? `day-${d}` : `day-${g}-${d}`);
const winId = (name: string, g: number, w: number) => (g === 0 && w === 0 ? name : `${name}-${g}-${w}`);

/**
 * The "When" of the form: weekdays and, for a commitment that holds sites back (`times`), its windows of time.
 * `describedBy` points at the note under the fields (the day start and what "now" means for this schedule).
 */
export function ScheduleFields({ draft, times, dayStartMinutes, describedBy }: {
  draft: ScheduleDraft;
  times: boolean;
  dayStartMinutes: number;
  describedBy?: string;
}) {
  const groups = times ? draft.groups : draft.groups.slice(0, 1);
  return (
    <>
      {groups.map((g, gi) => (
        <div class="schedule-group" key={gi} data-testid={`schedule-group-${gi}`}>
          {gi > 0 && <p class="hint">{tr('schedule_fields_different_times_on')}</p>}
          <div class="days" role="group" aria-label={gi === 0 ? tr('schedule_fields_days_of_the_week') : tr('schedule_fields_days_of_the_week_times', { value: gi + 1 })}>
            {DAY_ORDER.map((d) => (
              <label class="day" key={d}>
                <input type="checkbox" data-testid={dayId(gi, d)} checked={g.days.includes(d)} onChange={() => draft.toggleDay(gi, d)} />
                {weekdayName(d, 'short')}
              </label>
            ))}
          </div>
          {times && g.windows.map((w, wi) => (
            <WindowRow key={wi} window={w} g={gi} w={wi} draft={draft} dayStartMinutes={dayStartMinutes}
              removable={g.windows.length > 1} describedBy={describedBy} />
          ))}
          {times && (
            <p class="schedule-actions">
              {draft.canAddWindow(gi) && (
                <button type="button" class="link" data-testid={`add-window-${gi}`} onClick={() => draft.addWindow(gi)}>{tr('schedule_fields_add_another_time')}</button>
              )}
              {gi > 0 && (
                <button type="button" class="link" data-testid={`remove-group-${gi}`} onClick={() => draft.removeGroup(gi)}>{tr('schedule_fields_remove_these_days')}</button>
              )}
            </p>
          )}
        </div>
      ))}
      {times && draft.groups.length < 7 && (
        <p class="schedule-actions">
          <button type="button" class="link" data-testid="add-group" onClick={() => draft.addGroup()}>{tr('schedule_fields_different_times_on_some_days')}</button>
        </p>
      )}
    </>
  );
}

function WindowRow({ window: w, g, w: wi, draft, dayStartMinutes, removable, describedBy }: {
  window: WindowDraft;
  g: number;
  w: number;
  draft: ScheduleDraft;
  dayStartMinutes: number;
  removable: boolean;
  describedBy?: string;
}) {
  const set = (change: Partial<WindowDraft>) => draft.setWindow(g, wi, change);
  return (
    <div class="inline window-row" data-testid={winId('window', g, wi)}>
      {w.from === null ? (
        <>
          <span>{tr('schedule_fields_from_the_start_of_my_day')}</span>
          <button type="button" class="link" data-testid={winId('set-start', g, wi)} onClick={() => set({ from: formatClockTime(Math.max(dayStartMinutes, 9 * 60)) })}>
            {tr('schedule_fields_set_a_start_time')}</button>
        </>
      ) : (
        <label class="inline">
          {tr('schedule_fields_from')}<input type="time" data-testid={winId('from', g, wi)} value={w.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          <button type="button" class="link" data-testid={winId('clear-start', g, wi)} onClick={() => set({ from: null })}>{tr('schedule_fields_start_with_my_day')}</button>
        </label>
      )}
      <label class="inline">
        {tr('schedule_fields_until')}<input type="time" data-testid={winId('until', g, wi)} value={w.until} onInput={(e) => set({ until: e.currentTarget.value })} aria-describedby={describedBy} />
      </label>
      {removable && (
        <button type="button" class="link" data-testid={winId('remove-window', g, wi)} onClick={() => draft.removeWindow(g, wi)}>{tr('schedule_fields_remove')}</button>
      )}
    </div>
  );
}
