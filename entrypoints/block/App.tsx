import { useEffect, useState } from 'preact/hooks';
import { commitmentsGating } from '@/utils/core/gate';
import { hostOf } from '@/utils/core/site-pattern';
import { goAnywayMinutesOf } from '@/utils/core/go-anyway';
import type { Result } from '@/utils/core/types';
import { attempt, send } from '@/utils/messages';
import { leaveBlockPage } from '@/utils/browser/pages';
import { gateStateItem, settingsItem } from '@/utils/settings';
import { useAfterFirstPaint, useNow, useReadyMark, useStored } from '@/components/hooks';
import { useRefreshWhenDue, useTodayViews } from '@/components/today';
import { BlockView, type BlockActions } from '@/components/BlockView';
import { PartnerProgress } from '@/components/PartnerProgress';
import { usePartnersView } from '@/components/partners-data';
import { partnerActions } from '@/components/partner-actions';
import type { FirstLoad } from './load';
import { Intentions } from '@/components/Intention';
import { tr } from '@/utils/core/i18n';

export function Shell({ title }: { title: string }) {
  return (
    <main class="page block" aria-busy="true">
      <p class="eyebrow">{tr('block_frame_tandem')}</p>
      <h1>{title}</h1>
    </main>
  );
}

/**
 * The block page: names the commitments and their reasons, the streaks at stake, and offers ways forward. It paints
 * from the worker's one answer (load.ts), then follows the database itself; it goes on to the held-back page by
 * itself as soon as the gate no longer covers it.
 */
export function BlockApp({ first }: { first: FirstLoad }) {
  const { target, attemptIds } = first;
  const swept = new URLSearchParams(location.search).has('swept');
  const gate = useStored(gateStateItem) ?? first.gate;
  const settings = useStored(settingsItem) ?? first.settings;
  const gating = commitmentsGating(gate, target);
  // The database is read here only after the first paint: that paint needs nothing but the worker's answer.
  const painted = useAfterFirstPaint();
  const live = useTodayViews({ wait: !painted && first.page !== null });
  const ticking = useNow(1000);
  const now = live?.now ?? Math.max(ticking, first.at);
  const views = (live?.views ?? first.page?.views ?? []).filter((v) => gating.includes(v.commitment.id));
  const [error, setError] = useState<string | null>(null);
  useReadyMark('tandem:block-rendered', views.length > 0);
  useRefreshWhenDue(live?.views, now);

  useEffect(() => {
    if (gating.length === 0) location.replace(target);
  }, [gating.length]);

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
  if (views.length === 0) return <Shell title={tr('block_this_site_can_wait_a_little')} />;
  return (
    <BlockView views={views} host={hostOf(target)!} now={now} turnedBack={first.page?.turnedBack ?? { today: 0, week: 0 }}
      goAnywayMinutes={goAnywayMinutesOf(settings)} actions={actions} error={error}>
      {painted && <Intentions commitmentIds={gating} />}
      {painted && <Partners />}
    </BlockView>
  );
}

/** What partners have done today, a component of its own so partner updates re-render only it. */
function Partners() {
  const view = usePartnersView();
  return view ? <PartnerProgress view={view} actions={partnerActions} /> : null;
}
