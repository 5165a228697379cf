import { useStored } from '../hooks';
import { syncStateItem } from '@/utils/settings';
import { DEFAULT_SHARE_CHOICE } from '@/utils/core/partners/shared-review';
import { usePartnersView, usePullOnOpen, type PartnerActions, type PartnersView } from '../partners-data';
import { useTalk } from '../talk-data';
import { PartnerWeek } from './PartnerWeek';
import { tr, uiLocale } from '@/utils/core/i18n';

/**
 * The review page's partner half (issue 10): what the finished review shares with partners (two choices), and each
 * partner's week with cheers, messages and a drafted nudge. Nothing shows without a partner.
 */
export function PartnersOnReview({ actions, locale }: { actions: PartnerActions; locale: string | undefined }) {
  const view = usePartnersView();
  if (!view || !view.available || view.live.length === 0) return null;
  return <Partners view={view} actions={actions} locale={locale} />;
}

function Partners({ view, actions, locale }: { view: Extract<PartnersView, { available: true }>; actions: PartnerActions; locale: string | undefined }) {
  usePullOnOpen(view, actions);
  const talk = useTalk();
  return (
    <>
      <ShareChoice actions={actions} names={view.live.map((p) => p.partnerName)} />
      {view.live.map((pair) => (
        <PartnerWeek
          key={pair.id} pair={pair} summary={view.summaries.get(pair.id)} record={talk?.reviews.get(pair.id)}
          messages={talk?.messages ?? []} now={view.now} locale={locale} actions={actions}
        />
      ))}
    </>
  );
}

/** Finished, the review goes to partners with the figures of what is shared with each; plans and ratings by choice. */
function ShareChoice({ actions, names }: { actions: PartnerActions; names: string[] }) {
  const state = useStored(syncStateItem);
  if (!state || !actions.reviewShare) return null;
  const choice = state.reviewShare ?? DEFAULT_SHARE_CHOICE;
  const set = (patch: Partial<typeof choice>) => void actions.reviewShare!({ ...choice, ...patch });
  return (
    <section class="card" aria-labelledby="share-title">
      <h2 id="share-title">{tr('partners_on_review_shared_with', { names: new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names) })}</h2>
      <p class="hint">{tr('partners_on_review_what_is_shared')}</p>
      <label class="check">
        <input type="checkbox" data-testid="share-plans" checked={choice.plans} onChange={(e) => set({ plans: e.currentTarget.checked })} /> {tr('partners_on_review_share_plans')}
      </label>
      <label class="check">
        <input type="checkbox" data-testid="share-ratings" checked={choice.ratings} onChange={(e) => set({ ratings: e.currentTarget.checked })} /> {tr('partners_on_review_share_ratings')}
      </label>
    </section>
  );
}
