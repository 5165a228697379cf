import { useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadCheckIn } from '@/utils/db/queries';
import { viewToday } from '@/utils/core/today';
import { send } from '@/utils/messages';
import { openPage } from '@/utils/browser/pages';
import { clockOf, settingsItem } from '@/utils/settings';
import type { Result } from '@/utils/core/types';
import { CommitmentCard, type CheckInActions } from '@/components/CommitmentCard';
import { useLive, useNow, useReadyMark, useStored } from '@/components/hooks';

/** The daily check-in: each commitment's status today, its next action, and its streak. */
export function PopupApp() {
  const data = useLive(() => loadCheckIn(getDb()), []);
  const settings = useStored(settingsItem);
  const now = useNow(1000);
  const [error, setError] = useState<string | null>(null);
  const ready = data !== undefined && settings !== undefined;
  useReadyMark('tandem:popup-ready', ready);

  const report = async (pending: Promise<Result<unknown>>) => {
    const result = await pending;
    setError(result.ok ? null : result.error);
  };
  const actions: CheckInActions = {
    startFocus: (commitmentId) => void report(send('focus.start', { commitmentId })),
    stopFocus: (sessionId) => void report(send('focus.stop', { sessionId })),
    checkIn: (commitmentId) => void report(send('checkin', { commitmentId })),
  };

  if (!ready) return <main class="popup" aria-busy="true" />;
  const views = viewToday(data.commitments, data.history, clockOf(settings, now));
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>Today</h1>
        <button class="link" data-testid="open-options" onClick={() => void openPage('/options.html')}>Commitments</button>
      </header>
      {error && <p class="error" role="alert">{error}</p>}
      {views.length === 0 ? (
        <section class="empty" data-testid="empty">
          <p>No commitments yet. A specific one works best, like “60 minutes of deep work before email”.</p>
          <button class="primary" onClick={() => void openPage('/onboarding.html')}>Make a commitment</button>
        </section>
      ) : (
        views.map((view) => <CommitmentCard key={view.commitment.id} view={view} now={now} actions={actions} />)
      )}
      <footer class="local-only">Local only: nothing leaves this device.</footer>
    </main>
  );
}
