import type { Result } from '@/utils/core/types';
import type { CommitmentView } from '@/utils/core/today';
import type { TurnedBack } from '@/utils/core/block-page';
import type { CheckInActions } from './CommitmentCard';
import { BlockFrame } from './BlockFrame';
import { NextStep } from './NextStep';
import { GoAnyway } from './GoAnyway';

export interface BlockActions extends CheckInActions {
  notNow(): void;
  goAnyway(minutes: number): Promise<Result<unknown>>;
}

/**
 * The gentle gate: what the block page says (BlockFrame), each commitment's next step, and the ways forward.
 */
export function BlockView({ views, host, now, turnedBack, goAnywayMinutes, actions, error, children }: {
  views: CommitmentView[];
  host: string;
  now: number;
  turnedBack: TurnedBack;
  goAnywayMinutes: number;
  actions: BlockActions;
  error?: string | null;
  /** Below the ways forward: what partners have done today. */
  children?: preact.ComponentChildren;
}) {
  return (
    <BlockFrame views={views} host={host} turnedBack={turnedBack} step={(view) => <NextStep view={view} now={now} actions={actions} />}>
      <GoAnyway now={now} minutes={goAnywayMinutes} notNow={actions.notNow} goAnyway={actions.goAnyway} />
      {error && <p class="error" role="alert">{error}</p>}
      {children}
    </BlockFrame>
  );
}
