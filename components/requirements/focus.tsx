import { useState } from 'preact/hooks';
import { FOCUS_MINUTES_MAX, FOCUS_MINUTES_MIN, type FocusRequirement } from '@/utils/core/requirements/focus';
import { FocusControls } from '../FocusControls';
import type { RequirementUi } from './index';
import { tr } from '@/utils/core/i18n';

/** A focus session of N minutes: typed in the form, started (and followed) from a card or the block page. */
export const focusUi: RequirementUi<FocusRequirement> = {
  kind: 'focus',
  useDraft(initial) {
    const [minutes, setMinutes] = useState(String(initial.minutes));
    return {
      requirement: { kind: 'focus', minutes: Number(minutes.trim() || NaN) },
      fields: ({ active, choice }) => (
        <label class="inline">
          {choice}{tr('requirement_a_focus_session_of')}<input type="number" class="minutes" data-testid="minutes" min={FOCUS_MINUTES_MIN} max={FOCUS_MINUTES_MAX} value={minutes}
            disabled={!active} onInput={(e) => setMinutes(e.currentTarget.value)} aria-label={tr('requirement_focus_minutes')} />
          {tr('requirement_minutes')}</label>
      ),
    };
  },
  NextStep: ({ view, now, actions }) => (
    <FocusControls commitmentId={view.commitment.id} running={view.today.progress.running} now={now} actions={actions} />
  ),
};
