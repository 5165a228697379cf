import { useEffect, useMemo, useState } from 'preact/hooks';
import { commitmentsGating, heldBackUrl } from '@/utils/core/gate';
import { hostOf } from '@/utils/core/site-pattern';
import { attempt, send } from '@/utils/messages';
import { leaveBlockPage } from '@/utils/browser/pages';
import { gateStateItem } from '@/utils/settings';
import type { Result } from '@/utils/core/types';
import { useReadyMark, useStored } from '@/components/hooks';
import { useRefreshWhenDue, useTodayViews } from '@/components/today';
import { BlockView, type BlockActions } from '@/components/BlockView';
import { PartnerProgress } from '@/components/PartnerProgress';
import { usePartnersView } from '@/components/partners-data';
import { partnerActions } from '@/components/partner-actions';
import { useArrival } from './arrival';
import { Intentions } from '@/components/Intention';

function Shell({ title }: { title: string }) {
  return (
    <main class="page block" aria-busy="true">
      <p class="eyebrow">Tandem</p>
      <h1>{title}</h1>
    </main>
  );
}

/**
 * The block page: names the commitment and the reason, shows progress, and offers ways forward.
 * It goes on to the held-back page by itself as soon as the gate no longer covers it.
 */
export function BlockApp() {
  const target = useMemo(() => heldBackUrl(location.href), []);
  const swept = useMemo(() => new URLSearchParams(location.search).has('swept'), []);
  const gate = useStored(gateStateItem);
  const today = useTodayViews();
  const [error, setError] = useState<string | null>(null);
  const gating = gate && target ? commitmentsGating(gate, target) : null;
  const attemptIds = useArrival(target, gating);
  useRefreshWhenDue(today?.views, today?.now ?? 0);
  useReadyMark('tandem:block-rendered', !!gating?.length && !!today);

  useEffect(() => {
    if (target && gating && gating.length === 0) location.replace(target);
  }, [target, gating?.length]);

  // The page is web-accessible (the redirect needs that); never act inside another site's frame.
  if (window.top !== window) return <Shell title="Tandem" />;
  if (!target) return <Shell title="Nothing to go back to" />;
  if (!gating?.length || !today) return <Shell title="This site can wait a little." />;

  const report = async (pending: Promise<Result<unknown>>) => {
    const result = await attempt(pending);
    setError(result.ok ? null : result.error);
    return result;
  };
  const actions: BlockActions = {
    startFocus: (commitmentId) => void report(send('focus.start', { commitmentId, attemptIds })),
    stopFocus: (sessionId) => void report(send('focus.stop', { sessionId })),
    checkIn: (commitmentId, day) => void report(send('checkin', { commitmentId, day })),
    undoCheckIn: (checkInId) => void report(send('checkin.undo', { checkInId })),
    describeCheckIn: (checkInId, note, rating) => void report(send('checkin.describe', { checkInId, note, rating })),
    notNow: () => void leaveBlockPage({ swept }),
    goAnyway: async (minutes) => {
      const result = await report(send('block.goAnyway', { url: target, minutes, attemptIds }));
      if (result.ok) location.replace(target);
      return result;
    },
  };
  const views = today.views.filter((v) => gating.includes(v.commitment.id));
  return (
    <BlockView views={views} host={hostOf(target)!} now={today.now} actions={actions} error={error}>
      <Intentions commitmentIds={gating} />
      <Partners />
    </BlockView>
  );
}

/** What partners have done today, a component of its own so partner updates re-render only it. */
function Partners() {
  const view = usePartnersView();
  return view ? <PartnerProgress view={view} actions={partnerActions} /> : null;
}
