import type { CommitmentView } from '@/utils/core/today';
import type { CheckInActions } from './CommitmentCard';
import { uiOf } from './requirements';

/** The one action that moves a commitment forward today: its requirement kind's (components/requirements/). */
export function NextStep({ view, now, actions }: { view: CommitmentView; now: number; actions: CheckInActions }) {
  const { requirement } = view.commitment;
  const { NextStep: Step } = uiOf(requirement.kind);
  return <Step requirement={requirement} view={view} now={now} actions={actions} />;
}

/**
 * Whether a card shows the next step: while the day is open, or all day (not paused) for a kind that asks it; and
 * once done while a missed day can still be made up (done twice over today, issue 11).
 */
export function showsNextStep({ commitment, today, makeUp }: CommitmentView): boolean {
  if (uiOf(commitment.requirement.kind).allDay) return today.status !== 'paused';
  return today.status === 'pending' || today.status === 'in-progress' || (today.status === 'done' && makeUp !== undefined);
}
