import type { CommitmentView } from '@/utils/core/today';
import { holdingSentence, turnedBackSentence, type TurnedBack } from '@/utils/core/block-page';
import { BlockCommitment } from './BlockCommitment';
import { tr } from '@/utils/core/i18n';

/**
 * What the block page says before its choices: what Tandem is doing and why (the person set it up), each
 * commitment with its reason, progress and the streak at stake, and how often the person has turned back. One
 * h1, however many commitments. block-early.js paints it alone from the worker's preview (`early`); the full app
 * (BlockView) adds each commitment's next step (`step`) and the ways forward (`children`).
 */
export function BlockFrame({ views, host, turnedBack, step, early, children }: {
  views: CommitmentView[];
  host: string;
  turnedBack: TurnedBack;
  step?: (view: CommitmentView) => preact.ComponentChildren;
  /** Painted ahead of the app: its choices are not there yet (and nothing here can be pressed). */
  early?: boolean;
  children?: preact.ComponentChildren;
}) {
  const turned = turnedBackSentence(turnedBack);
  return (
    <main class="page block" data-testid="block-page" data-early={early ? '' : undefined}>
      <p class="eyebrow">{tr('block_frame_tandem')}</p>
      <h1>{tr('block_frame_can_wait_a_little', { host })}</h1>
      <p class="about" data-testid="about">{holdingSentence(views.length)}</p>
      {views.map((view) => <BlockCommitment key={view.commitment.id} view={view}>{step?.(view)}</BlockCommitment>)}
      {turned && <p class="turned-back" data-testid="turned-back">{turned}</p>}
      {children}
    </main>
  );
}
