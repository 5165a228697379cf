import { useState } from 'preact/hooks';
import { attempt, send } from '@/utils/messages';
import { openPage } from '@/utils/browser/pages';
import type { Result } from '@/utils/core/types';
import { CommitmentCard, type CheckInActions } from '@/components/CommitmentCard';
import { useReadyMark } from '@/components/hooks';
import { DataLost } from '@/components/DataLost';
import { useRefreshWhenDue, useTodayViews } from '@/components/today';
import { PartnerPanel } from '@/components/PartnerPanel';
import { usePartnersView } from '@/components/partners-data';
import { partnerActions } from '@/components/partner-actions';
import { PendingChanges } from '@/components/PendingChange';
import { pendingActions } from '@/components/pending-actions';

/**
 * How many cards the first paint shows: at least as many as the popup's first screen holds (a card with its
 * calendar is 250–330 px high, the popup at most 600 px); the others follow right after that paint.
 */
const FIRST_SCREEN_CARDS = 3;

/** The daily check-in: each commitment's status today, its next action, and its streak. */
export function PopupApp() {
  // The first paint with data shows the cards of the first screen, without calendars; the other cards and all the
  // calendars follow right after it, in one render.
  const today = useTodayViews({ firstPaint: FIRST_SCREEN_CARDS });
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
        <h1>Today</h1>
        <button class="link" data-testid="open-options" onClick={() => void openPage('/options.html')}>Commitments</button>
      </header>
      {error && <p class="error" role="alert">{error}</p>}
      <DataLost />
      {today.views.length === 0 ? (
        <section class="empty" data-testid="empty">
          <p>No commitments yet. A specific one works best, like “60 minutes of deep work before email”.</p>
          <button class="primary" onClick={() => void openPage('/onboarding.html')}>Make a commitment</button>
        </section>
      ) : (
        today.views.map((view) => <CommitmentCard key={view.commitment.id} view={view} now={today.now} actions={actions} calendar={today.complete} />)
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
