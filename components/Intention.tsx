import { getDb } from '@/utils/db/db';
import { activeCommitments } from '@/utils/db/queries';
import { addDays, dayOf } from '@/utils/core/days';
import { weekStartOf } from '@/utils/core/streak-engine';
import { describeIntention, intentionsInForce, isBlockPageCue } from '@/utils/core/review/intentions';
import { settingsItem } from '@/utils/settings';
import { clockOf } from '@/utils/clock-of';
import { useLive, useNow, useStored } from './hooks';
import { tr } from '@/utils/core/i18n';

/**
 * This week's if-then plans where they apply (issue 10): all of them in the popup; on the block page, those of the
 * commitments holding the site back (a plan cued by the block page first). Reads its own data, so a page adds it
 * with one line. Nothing shows without a plan in force.
 */
export function Intentions({ commitmentIds }: { commitmentIds?: string[] }) {
  const settings = useStored(settingsItem);
  const now = useNow(60_000);
  const data = useLive(() => Promise.all([getDb().reviews.toArray(), activeCommitments(getDb())]), []);
  if (!settings || !data) return null;
  const clock = clockOf(settings, now);
  const thisWeek = weekStartOf(dayOf(clock.now, clock), clock.weekStartsOn ?? 1);
  const [reviews, commitments] = data;
  const plans = intentionsInForce(reviews.filter((r) => r.weekStart >= addDays(thisWeek, -7)), thisWeek)
    .filter((p) => commitments.some((c) => c.id === p.commitmentId) && (!commitmentIds || commitmentIds.includes(p.commitmentId)))
    .sort((a, b) => Number(isBlockPageCue(b.cue)) - Number(isBlockPageCue(a.cue)));
  if (plans.length === 0) return null;
  return (
    <section class="intentions" aria-label={tr('intention_your_plans_for_this_week')} data-testid="intentions">
      <p class="eyebrow">{plans.length === 1 ? tr('intention_your_plan_for_this_week') : tr('intention_your_plans_for_this_week')}</p>
      <ul>
        {plans.map((p) => (
          <li key={p.id} data-testid="intention">{describeIntention(p, commitments.find((c) => c.id === p.commitmentId))}</li>
        ))}
      </ul>
    </section>
  );
}
