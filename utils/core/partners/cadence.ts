import { SHARED_KEYS, type SharedCommitment, type Summary } from './summary';

/**
 * When sync talks to the server. Reads and writes are kept low (target ≤ 100 reads and ≤ 50 writes per
 * person-day with one partner; `npm run bench` simulates a day and prints both):
 * - push: a change starts a short wait (PUSH_DELAY_MS) so a burst becomes one write; a summary that
 *   differs only in today's counts waits until COUNTS_EVERY_MS after the last push; an unchanged one is
 *   not written at all;
 * - pull: on a schedule (PULL_EVERY_MIN, skipped if a pull happened in the last half of it) and when a
 *   popup or block page opens (at most once per PAGE_PULL_MIN_MS);
 * - retries back off from 30 s, doubling, up to 30 min, with jitter so two browsers do not retry in step.
 */
export const PUSH_DELAY_MS = 30_000;
export const COUNTS_EVERY_MS = 15 * 60_000;
export const PULL_EVERY_MIN = 30;
export const PAGE_PULL_MIN_MS = 2 * 60_000;

export type Change = 'none' | 'counts' | 'status';

/** Today's counts: a change in them alone can wait (COUNTS_EVERY_MS); any other shared field is a status change. */
const COUNT_KEYS: readonly (keyof SharedCommitment)[] = ['focusMinutes', 'turnedBack', 'wentAnyway'];
const STATUS_KEYS = SHARED_KEYS.filter((k) => !COUNT_KEYS.includes(k));

/** By value: what is ahead (a pause, a pledge …) is an object, built anew for every summary. */
const differs = (a: unknown, b: unknown) => a !== b && JSON.stringify(a) !== JSON.stringify(b);

/** How a new summary differs from the last one delivered: what the partner would notice first. */
export function changeBetween(last: Summary | undefined, next: Summary): Change {
  if (!last || last.name !== next.name || last.day !== next.day || last.commitments.length !== next.commitments.length) return 'status';
  let counts = false;
  for (let i = 0; i < next.commitments.length; i++) {
    const a = last.commitments[i]!;
    const b = next.commitments[i]!;
    if (STATUS_KEYS.some((k) => differs(a[k], b[k]))) return 'status';
    if (COUNT_KEYS.some((k) => differs(a[k], b[k]))) counts = true;
  }
  return counts ? 'counts' : 'none';
}

/** When a summary with this kind of change should go out, given when the last one went. */
export function pushDueAt(change: Change, now: number, lastPushAt: number | undefined): number | null {
  if (change === 'none') return null;
  // A last push "in the future" (the clock was ahead then) does not hold pushes back until it is reached.
  if (change === 'status' || lastPushAt === undefined || lastPushAt > now) return now;
  return Math.max(now, lastPushAt + COUNTS_EVERY_MS);
}

/** Wait before retry number `attempt` (1 = first retry): 30 s, 1 min, 2 min … 30 min, ±20 %. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Whether a pull should happen now. `page`: a popup or block page opened; otherwise the schedule. */
export function shouldPull(now: number, lastPullAt: number | undefined, reason: 'page' | 'schedule' | 'manual'): boolean {
  if (reason === 'manual' || lastPullAt === undefined) return true;
  const since = now - lastPullAt;
  if (since < 0) return true; // the clock was ahead at the last pull
  return reason === 'page' ? since >= PAGE_PULL_MIN_MS : since >= (PULL_EVERY_MIN * 60_000) / 2;
}
