import type { CommitmentView } from '@/utils/core/today';
import { formatProgress } from '@/utils/core/format';
import { stakeSentence } from '@/utils/core/block-page';
import { NextStep } from './NextStep';
import type { CheckInActions } from './CommitmentCard';

/**
 * One commitment holding the site: its reason, today's progress (the bar's track shows at 0 too), the streak at
 * stake and what keeps it, and its next step. The page's one h1 is above; each commitment is an h2.
 */
export function BlockCommitment({ view, now, actions }: { view: CommitmentView; now: number; actions: CheckInActions }) {
  const { commitment: c, today } = view;
  const labelId = `progress-${c.id}`;
  return (
    <section class="card" data-testid="blocking-commitment" aria-labelledby={`title-${c.id}`}>
      <h2 id={`title-${c.id}`}>{c.title}</h2>
      {c.why && <p class="why">“{c.why}”</p>}
      <div class="meter">
        <progress data-testid="progress-bar" max={today.progress.target} value={today.progress.value} aria-labelledby={labelId} />
        <span class="meta" id={labelId} data-testid="progress">{formatProgress(today.progress)} today</span>
      </div>
      <p class="stake" data-testid="stake">{stakeSentence(view)}</p>
      <NextStep view={view} now={now} actions={actions} />
    </section>
  );
}
