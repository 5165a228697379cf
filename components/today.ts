import { useEffect, useMemo, useRef } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadCheckIn } from '@/utils/db/queries';
import { pastByCommitment, viewToday, type CommitmentView } from '@/utils/core/today';
import { dayOf } from '@/utils/core/days';
import { IDLE_THRESHOLD_MS, todayVisits } from '@/utils/core/visits';
import { send } from '@/utils/messages';
import { settingsItem } from '@/utils/settings';
import { clockOf } from '@/utils/clock-of';
import type { Settings } from '@/utils/core/types';
import { liveSource, storedSource, useNow, useSource, type Source } from './hooks';

type CheckInData = Awaited<ReturnType<typeof loadCheckIn>>;
let reads: { data: Source<CheckInData>; settings: Source<Settings> } | undefined;

/**
 * Starts reading what today's views need (the database, live, and the settings), once per page. A page calls
 * it before its first render so the reads run while it loads and renders; useTodayViews calls it otherwise.
 */
export function startTodayReads(): { data: Source<CheckInData>; settings: Source<Settings> } {
  if (reads) return reads;
  reads = { data: liveSource((now) => loadCheckIn(getDb(), now)), settings: storedSource(settingsItem) };
  return reads;
}

/** Sources that never have a value: for a page that starts its reads later. */
const NOT_YET: ReturnType<typeof startTodayReads> = { data: { current: undefined, subscribe: () => () => undefined }, settings: { current: undefined, subscribe: () => () => undefined } };

/**
 * Today's view of every live commitment, kept current: records from the database (live), the clock
 * ticking each second for countdowns. Undefined until the first read. Every commitment's status and streak are
 * computed; a calendar only when a page reads it (CommitmentView.heatmap).
 * With `wait`, no read starts yet (a page that paints first from something else: the block page).
 */
export function useTodayViews({ wait = false }: { wait?: boolean } = {}): { views: CommitmentView[]; now: number } | undefined {
  const sources = wait ? NOT_YET : startTodayReads();
  const data = useSource(sources.data);
  const settings = useSource(sources.settings);
  const now = useNow(1000);
  const commitments = data?.commitments;
  const clock = settings && clockOf(settings, now);
  const day = clock && dayOf(clock.now, clock);
  // Past days change only with the records, the settings or the date: not every second.
  const past = useMemo(
    () => (data && commitments && clock ? pastByCommitment(commitments, data.history, clock, data.caches) : undefined),
    [data, commitments, settings, day],
  );
  if (!data || !commitments || !clock || !past) return undefined;
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  return { views: viewToday(commitments, data.history, clock, { caches: data.caches, past, visits }), now };
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
