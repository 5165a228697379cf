import { useState } from 'preact/hooks';
import { attempt, send } from '@/utils/messages';
import { openPage } from '@/utils/browser/pages';
import type { Result } from '@/utils/core/types';
import type { CheckInActions } from '@/components/CommitmentCard';
import { CommitmentRow } from '@/components/CommitmentRow';
import { useAfterFirstPaint, useReadyMark } from '@/components/hooks';
import { inTodayOrder } from '@/utils/core/today-order';
import { DataLost } from '@/components/DataLost';
import { useRefreshWhenDue, useTodayViews } from '@/components/today';
import { PartnerPanel } from '@/components/PartnerPanel';
import { usePartnersView } from '@/components/partners-data';
import { partnerActions } from '@/components/partner-actions';
import { Intentions } from '@/components/Intention';
import { Celebrations } from '@/components/Celebrations';
import { TogetherCelebration } from '@/components/TogetherCelebration';
import { PendingChanges } from '@/components/PendingChange';
import { pendingActions } from '@/components/pending-actions';
import { tr } from '@/utils/core/i18n';

/**
 * How many rows the first paint shows: as many as the popup's first screen holds (a row is ~45–70 px, the popup at
 * most 600 px high); the others follow right after that paint.
 */
const FIRST_SCREEN_ROWS = 8;

/**
 * The daily check-in: a compact row per commitment (status today, its next action, its streak), what is still to
 * do first, then what is done, then what does not apply today; a commitment's calendar opens on demand.
 */
export function PopupApp() {
  const today = useTodayViews();
  const painted = useAfterFirstPaint(today !== undefined);
  const [error, setError] = useState<string | null>(null);
  // Ready = the first screen shows the commitments from the database (not the empty shell).
  useReadyMark('tandem:popup-ready', today !== undefined);
  useRefreshWhenDue(today?.views, today?.now ?? 0);

  const report = async (pending: Promise<Result<unknown>>) => {
    const result = await attempt(pending);
    setError(result.ok ? null : result.error);
  };
  const actions: CheckInActions = {
    startFocus: (commitmentId) => void report(send('focus.start', { commitmentId })),
    stopFocus: (sessionId) => void report(send('focus.stop', { sessionId })),
    checkIn: (commitmentId, day) => void report(send('checkin', { commitmentId, day })),
    undoCheckIn: (checkInId) => void report(send('checkin.undo', { checkInId })),
    describeCheckIn: (checkInId, note, rating) => void report(send('checkin.describe', { checkInId, note, rating })),
  };

  if (!today) return <main class="popup" aria-busy="true" />;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{tr('popup_today')}</h1>
        <button class="link" data-testid="open-options" onClick={() => void openPage('/options.html')}>{tr('popup_commitments')}</button>
        <button class="link" data-testid="open-review" onClick={() => void openPage('/review.html')}>{tr('popup_weekly_review')}</button>
      </header>
      <Intentions />
      <Celebrations streaks={painted ? today.views.map((v) => ({ commitmentId: v.commitment.id, title: v.commitment.title, current: v.streak.current, unit: v.streak.unit })) : undefined} />
      {painted && <TogetherCelebration views={today.views} />}
      {error && <p class="error" role="alert">{error}</p>}
      <DataLost />
      {today.views.length === 0 ? (
        <section class="empty" data-testid="empty">
          <p>{tr('popup_no_commitments_yet_a_specific')}</p>
          <button class="primary" onClick={() => void openPage('/onboarding.html')}>{tr('popup_make_a_commitment')}</button>
        </section>
      ) : (
        <div class="rows">
          {inTodayOrder(today.views)
            .slice(0, painted ? undefined : FIRST_SCREEN_ROWS)
            .map((view) => <CommitmentRow key={view.commitment.id} view={view} now={today.now} actions={actions} />)}
        </div>
      )}
      <PendingChanges views={today.views} actions={pendingActions((p) => void report(p))} />
      <Partners />
    </main>
  );
}

/** The partner section, a component of its own so partner updates re-render only it. */
function Partners() {
  const view = usePartnersView();
  return view ? <PartnerPanel view={view} actions={partnerActions} /> : null;
}
