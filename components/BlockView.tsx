import type { Result } from '@/utils/core/types';
import type { CommitmentView } from '@/utils/core/today';
import { holdingSentence, turnedBackSentence, type TurnedBack } from '@/utils/core/block-page';
import type { CheckInActions } from './CommitmentCard';
import { BlockCommitment } from './BlockCommitment';
import { GoAnyway } from './GoAnyway';

export interface BlockActions extends CheckInActions {
  notNow(): void;
  goAnyway(minutes: number): Promise<Result<unknown>>;
}

/**
 * The gentle gate: what Tandem is doing and why (the person set it up), what each commitment asks and the streak
 * at stake, how often the person has turned back already, and the ways forward. One h1, however many commitments.
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
  const turned = turnedBackSentence(turnedBack);
  return (
    <main class="page block" data-testid="block-page">
      <p class="eyebrow">Tandem</p>
      <h1>{host} can wait a little.</h1>
      <p class="about" data-testid="about">{holdingSentence(views.length)}</p>
      {views.map((view) => <BlockCommitment key={view.commitment.id} view={view} now={now} actions={actions} />)}
      {turned && <p class="turned-back" data-testid="turned-back">{turned}</p>}
      <GoAnyway now={now} minutes={goAnywayMinutes} notNow={actions.notNow} goAnyway={actions.goAnyway} />
      {error && <p class="error" role="alert">{error}</p>}
      {children}
    </main>
  );
}
