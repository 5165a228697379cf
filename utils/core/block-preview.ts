import type { Attempt, Clock, DayKey, Weekday } from './types';
import type { CommitmentView } from './today';
import { dayEndInstant, dayOf } from './days';
import { formatProgress } from './format';
import { stakeSentence, turnedBackCounts, type BlockPageData } from './block-page';
import { weekStartOf } from './streak-engine';

/**
 * What the block page first shows, prepared by the worker ahead of time (after each gate refresh and arrival) so
 * the page can paint it before the worker answers: the views of the commitments the gate holds (without
 * calendars), and this week's arrivals that may count as turned back. It holds from `at` until `until` on `day`.
 */
export interface BlockPreview {
  day: DayKey;
  at: number;
  /** The first instant what it shows may read differently (a window, a session's minutes, the day's end). */
  until: number;
  views: CommitmentView[];
  attempts: Attempt[];
}

/** This week's arrivals on commitments in `ids` that can count as turned back (going anyway never does). */
export function previewAttempts(attempts: readonly Attempt[], ids: ReadonlySet<string>, today: DayKey, weekStartsOn: Weekday): Attempt[] {
  const from = weekStartOf(today, weekStartsOn);
  return attempts.filter((a) => ids.has(a.commitmentId) && a.outcome !== 'went-anyway' && a.day >= from && a.day <= today);
}

/** What a person reads of a view on the block page before its choices: when this changes, a preview has ended. */
export function visibleOf({ commitment, today, streak }: CommitmentView): string {
  const { progress } = today;
  return JSON.stringify([commitment.title, commitment.why, progress.value, progress.target, formatProgress(progress), stakeSentence({ commitment, today, streak })]);
}

/**
 * The first instant in [from, to) at which `read(t)` differs from `read(from)`, to within `precisionMs` (early
 * rather than late); `to` when it never does. What a view shows moves one way over a day (minutes only add up),
 * so once different it stays different and halving the interval finds the change.
 */
export function stableUntil(from: number, to: number, read: (at: number) => string, precisionMs = 1000): number {
  const first = read(from);
  if (to <= from || read(to - 1) === first) return Math.max(from, to);
  let same = from;
  let changed = to - 1;
  while (changed - same > precisionMs) {
    const mid = Math.floor((same + changed) / 2);
    if (read(mid) === first) same = mid;
    else changed = mid;
  }
  return same;
}

/**
 * The preview at `clock.now`: `viewsAt(t)` composes the views as they would be at `t` from the same records, and
 * `nextChangeAt` is the gate's. It lasts until the gate may change, the day ends or what it shows would read
 * differently.
 */
export function composeBlockPreview(
  viewsAt: (at: number) => CommitmentView[],
  attempts: readonly Attempt[],
  clock: Clock,
  nextChangeAt: number,
): BlockPreview {
  const day = dayOf(clock.now, clock);
  const views = viewsAt(clock.now);
  const ids = new Set(views.map((v) => v.commitment.id));
  const horizon = Math.min(nextChangeAt, dayEndInstant(day, clock.timeZone, clock.dayStartMinutes));
  const until = stableUntil(clock.now, horizon, (at) => viewsAt(at).map(visibleOf).join('\n'));
  return { day, at: clock.now, until, views, attempts: previewAttempts(attempts, ids, day, clock.weekStartsOn ?? 1) };
}

/**
 * What the block page can paint from the preview for the commitments gating its URL (`gating`, from the published
 * gate), or null when the preview is missing, from another day, past its time, or lacks one of them: the page then
 * waits for the worker. `visit`: this visit's own attempts, left out of the counts (a reload).
 */
export function previewPage(preview: BlockPreview | null | undefined, gating: readonly string[], clock: Clock, visit: readonly string[] = []): BlockPageData | null {
  if (!preview || gating.length === 0) return null;
  const today = dayOf(clock.now, clock);
  if (preview.day !== today || clock.now < preview.at || clock.now >= preview.until) return null;
  const wanted = new Set(gating);
  const views = preview.views.filter((v) => wanted.has(v.commitment.id));
  if (views.length !== wanted.size) return null;
  const mine = preview.attempts.filter((a) => wanted.has(a.commitmentId));
  return { views, turnedBack: turnedBackCounts(mine, today, clock.weekStartsOn ?? 1, new Set(visit)) };
}
