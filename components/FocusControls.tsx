import type { FocusSession } from '@/utils/core/types';
import { formatCountdown } from '@/utils/core/format';
import { tr } from '@/utils/core/i18n';

export interface FocusActions {
  startFocus(commitmentId: string): void;
  stopFocus(sessionId: string): void;
}

/** Start a focus session, or follow the running one with a live countdown (from its stored end time). */
export function FocusControls({ commitmentId, running, now, actions }: {
  commitmentId: string;
  running: FocusSession | undefined;
  now: number;
  actions: FocusActions;
}) {
  if (!running) {
    return <button class="primary" data-testid="start-focus" onClick={() => actions.startFocus(commitmentId)}>{tr('focus_controls_start_focus_session')}</button>;
  }
  return (
    <div class="focus-running">
      <span class="countdown" data-testid="countdown" role="timer">{formatCountdown(running.endsAt - now)}</span>
      <button class="quiet" data-testid="stop-focus" onClick={() => actions.stopFocus(running.id)}>{tr('focus_controls_end_early')}</button>
    </div>
  );
}
