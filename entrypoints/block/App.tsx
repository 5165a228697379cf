import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadCheckIn } from '@/utils/db/queries';
import { commitmentsGating } from '@/utils/core/gate';
import { hostOf } from '@/utils/core/site-pattern';
import { viewToday } from '@/utils/core/today';
import { send } from '@/utils/messages';
import { leaveBlockPage } from '@/utils/browser/pages';
import { clockOf, gateStateItem, settingsItem } from '@/utils/settings';
import { useLive, useNow, useReadyMark, useStored } from '@/components/hooks';
import { BlockView, type BlockActions } from '@/components/BlockView';

/** The URL the gate held back: everything after the first '#', exactly as the redirect wrote it. */
function heldBackUrl(): string | null {
  const href = location.href;
  const i = href.indexOf('#');
  const target = i < 0 ? '' : href.slice(i + 1);
  return hostOf(target) === null ? null : target;
}

/**
 * The block page: names the commitment and the reason, shows progress, and offers ways forward.
 * It goes on to the held-back page by itself as soon as the gate no longer covers it.
 */
export function BlockApp() {
  const target = useMemo(heldBackUrl, []);
  const gate = useStored(gateStateItem);
  const settings = useStored(settingsItem);
  const data = useLive(() => loadCheckIn(getDb()), []);
  const now = useNow(1000);
  const [attemptIds, setAttemptIds] = useState<string[] | null>(null);
  const gating = gate && target ? commitmentsGating(gate, target) : null;
  useReadyMark('tandem:block-rendered', !!gating?.length && !!data && !!settings);

  useEffect(() => {
    if (target && gating && gating.length === 0) location.replace(target);
  }, [target, gating?.length]);

  // One arrival per visit: a reload of the same block page is not a new attempt.
  useEffect(() => {
    if (!target || !gating?.length || attemptIds) return;
    const key = `tandem:arrival:${target}`;
    const reloaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type === 'reload';
    const previous = sessionStorage.getItem(key);
    if (reloaded && previous) return setAttemptIds(JSON.parse(previous) as string[]);
    setAttemptIds([]);
    void send('block.arrive', { url: target }).then((attempts) => {
      const ids = attempts.map((a) => a.id);
      sessionStorage.setItem(key, JSON.stringify(ids));
      setAttemptIds(ids);
    });
  }, [target, gating?.length]);

  if (!target) {
    return (
      <main class="page block">
        <h1>Nothing to go back to</h1>
        <p>Tandem could not read which page this was.</p>
      </main>
    );
  }
  if (!gating || !data || !settings) {
    return (
      <main class="page block" aria-busy="true">
        <p class="eyebrow">Tandem</p>
        <h1>This site can wait a little.</h1>
      </main>
    );
  }

  const views = viewToday(data.commitments.filter((c) => gating.includes(c.id)), data.history, clockOf(settings, now));
  const ids = attemptIds ?? [];
  const actions: BlockActions = {
    startFocus: (commitmentId) => void send('focus.start', { commitmentId, attemptIds: ids }),
    stopFocus: (sessionId) => void send('focus.stop', { sessionId }),
    checkIn: (commitmentId) => void send('checkin', { commitmentId }),
    notNow: () => void send('block.turnBack', { attemptIds: ids }).then(leaveBlockPage),
    goAnyway: async (minutes) => {
      const result = await send('block.goAnyway', { url: target, minutes, attemptIds: ids });
      if (result.ok) location.replace(target);
      return result;
    },
  };
  return <BlockView views={views} host={hostOf(target)!} now={now} actions={actions} />;
}
