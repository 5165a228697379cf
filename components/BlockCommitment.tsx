import type { CommitmentView } from '@/utils/core/today';
import { formatProgress } from '@/utils/core/format';
import { stakeSentence } from '@/utils/core/block-page';
import { tr } from '@/utils/core/i18n';

/**
 * One commitment holding the site: its reason, today's progress (the bar's track shows at 0 too), the streak at
 * stake and what keeps it, then `children` (its next step, in the full app). The page's one h1 is above; each
 * commitment is an h2. Plain markup with no hooks, so block-early.js can paint it before the app has loaded.
 */
export function BlockCommitment({ view, children }: { view: CommitmentView; children?: preact.ComponentChildren }) {
  const { commitment: c, today } = view;
  const labelId = `progress-${c.id}`;
  return (
    <section class="card" data-testid="blocking-commitment" aria-labelledby={`title-${c.id}`}>
      <h2 id={`title-${c.id}`}>{c.title}</h2>
      {c.why && <p class="why">“{c.why}”</p>}
      <div class="meter">
        <progress data-testid="progress-bar" max={today.progress.target} value={today.progress.value} aria-labelledby={labelId} />
        <span class="meta" id={labelId} data-testid="progress">{tr('block_commitment_today', { value: formatProgress(today.progress) })}</span>
      </div>
      <p class="stake" data-testid="stake">{stakeSentence(view)}</p>
      {children}
    </section>
  );
}
