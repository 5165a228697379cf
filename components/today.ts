import { useEffect, useMemo, useRef } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadCheckIn } from '@/utils/db/queries';
import { pastByCommitment, viewToday, type CommitmentView } from '@/utils/core/today';
import { dayKeyAt } from '@/utils/core/days';
import { IDLE_THRESHOLD_MS, todayVisits } from '@/utils/core/visits';
import { send } from '@/utils/messages';
import { clockOf, settingsItem } from '@/utils/settings';
import { useLive, useNow, useStored } from './hooks';

/**
 * Today's view of every live commitment, kept current: records from the database (live), the clock
 * ticking each second for countdowns. Undefined until the first read.
 */
export function useTodayViews(): { views: CommitmentView[]; now: number } | undefined {
  const data = useLive(() => loadCheckIn(getDb()), []);
  const settings = useStored(settingsItem);
  const now = useNow(1000);
  const clock = settings && clockOf(settings, now);
  const day = clock && dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
  // Past days change only with the records, the settings or the date: not every second.
  const past = useMemo(() => (data && clock ? pastByCommitment(data.commitments, data.history, clock, data.caches) : undefined), [data, settings, day]);
  if (!data || !clock || !past) return undefined;
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  return { views: viewToday(data.commitments, data.history, clock, { caches: data.caches, past, visits }), now };
}

/**
 * Asks the worker to look again when a running session reaches its end while this page is open:
 * packed extensions' alarms may fire up to 30 s late, and the person is watching the countdown.
 */
export function useRefreshWhenDue(views: CommitmentView[] | undefined, now: number): void {
  const ends = useRef(new Set<number>());
  for (const v of views ?? []) if (v.today.progress.running) ends.current.add(v.today.progress.running.endsAt);
  const due = [...ends.current].filter((end) => end <= now);
  useEffect(() => {
    if (due.length === 0) return;
    for (const end of due) ends.current.delete(end);
    void send('gate.refresh', {}).catch(() => undefined);
  }, [due.length]);
}
