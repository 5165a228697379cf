import { useMemo } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadReview } from '@/utils/db/review-queries';
import { pastByCommitment, viewToday, type CommitmentView } from '@/utils/core/today';
import { dayOf } from '@/utils/core/days';
import { settingsItem } from '@/utils/settings';
import { clockOf } from '@/utils/clock-of';
import type { Clock, DayKey, Settings } from '@/utils/core/types';
import type { ReportInput } from '@/utils/core/review/report';
import type { WeeklyReview } from '@/utils/core/review/types';
import type { Pair } from '@/utils/core/partners/types';
import { liveSource, storedSource, useNow, useSource, type Source } from '../hooks';

type Data = Awaited<ReturnType<typeof loadReview>>;
let reads: { data: Source<Data>; settings: Source<Settings> } | undefined;

/** Starts the review page's reads once (before its first render, like the popup's). */
export function startReviewReads(): { data: Source<Data>; settings: Source<Settings> } {
  return (reads ??= { data: liveSource((now) => loadReview(getDb(), now)), settings: storedSource(settingsItem) });
}

export interface ReviewData {
  clock: Clock;
  input: ReportInput;
  reviews: Map<DayKey, WeeklyReview>;
  pairs: Pair[];
  /** Commitments kept too rarely lately, for which a recalibration is offered (issue 11), as the popup offers it. */
  recalibrations: CommitmentView[];
}

/** The records as the report needs them, the reviews by week, the clock (each minute): undefined until read. */
export function useReviewData(): ReviewData | undefined {
  const sources = startReviewReads();
  const data = useSource(sources.data);
  const settings = useSource(sources.settings);
  const now = useNow(60_000);
  const clock = settings && clockOf(settings, now);
  const day = clock && dayOf(clock.now, clock);
  return useMemo(() => {
    if (!data || !clock) return undefined;
    const past = pastByCommitment(data.commitments, data.history, clock, data.caches);
    return {
      clock,
      input: { commitments: data.commitments, past, history: data.history, caches: data.caches, sessions: data.sessions, attempts: data.attempts },
      reviews: new Map(data.reviews.map((r) => [r.weekStart, r])),
      pairs: data.pairs,
      recalibrations: viewToday(data.commitments, data.history, clock, { caches: data.caches, past }).filter((v) => v.recalibrate),
    };
  }, [data, settings, day]);
}
