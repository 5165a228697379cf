import type { Commitment } from '@/utils/core/types';
import type { Progress } from '@/utils/core/requirements';
import { FocusControls } from './FocusControls';
import type { CheckInActions } from './CommitmentCard';

/** The one action that moves a commitment forward today, by requirement kind. */
export function NextStep({ c, progress, now, actions }: { c: Commitment; progress: Progress; now: number; actions: CheckInActions }) {
  switch (c.requirement.kind) {
    case 'focus':
      return <FocusControls commitmentId={c.id} running={progress.running} now={now} actions={actions} />;
    case 'checkin':
      return <button class="primary" data-testid="check-in" onClick={() => actions.checkIn(c.id)}>I did it</button>;
    case 'habit':
      return null; // habits have their own controls (HabitControls)
    case 'site-time':
      return (
        <p class="hint" data-testid="site-time-hint">
          Time on {c.requirement.sites.join(', ')} counts by itself{progress.projectedDoneAt ? ' — counting now' : ''}.
        </p>
      );
  }
}
