import type { Clock } from '../core/types';
import type { TandemDB } from '../db/db';
import type { LocalHandlers, MessageType, RequestMeta } from '../messages';
import { archiveCommitment, cancelPendingChange, keepPledge, pauseAll, pauseCommitment, recalibrate, setPledge, restoreCommitment, resumeCommitment, saveCommitment } from './commitments';
import { startFocus, stopFocus } from './focus';
import { checkIn, describeCheckIn, undoCheckIn } from './checkin';
import { arrivalTables, blockPageData, composeBlockPage, goAnyway, readBlockPage, recordArrival, setAttemptOutcome } from './block-page';
import { applyOnce } from './apply-once';
import { saveReview } from './review';
import type { GateState } from '../core/gate';

export interface HandlerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  /** The time alone, without reading the settings: for reads that need no time zone and should not wait. */
  now?: () => number;
  /** Recompute and apply the gate, in a run that starts after this call (after any write that may change it). */
  refresh: () => Promise<GateState>;
  /** After a write that changes only today's counts (an arrival: no gate refresh, but partners see counts). */
  countsChanged?: () => Promise<void>;
}

/**
 * What the worker does for each page's message. Every write is applied once per action id (apply-once.ts), then
 * the gate is recompiled before answering — for a retried action too, since the first try may have stopped
 * between its write and its refresh. A failed recompile does not turn a saved write into an error (the person
 * would retry): it is logged, and the worker's next start or the hourly alarm recompiles.
 */
export function createHandlers({ db, clock, now, refresh, countsChanged }: HandlerDeps): LocalHandlers {
  const once = async <T>(type: MessageType, meta: RequestMeta, write: (clock: Clock) => Promise<T>): Promise<T> => {
    const c = await clock();
    return applyOnce(db, { id: meta.id, type, at: c.now }, () => write(c));
  };
  const thenRefresh = async <T>(result: T): Promise<T> => {
    await refresh().catch((err: unknown) => console.error('Tandem: gate refresh failed', err));
    return result;
  };
  const onceThenRefresh = async <T>(type: MessageType, meta: RequestMeta, write: (clock: Clock) => Promise<T>) =>
    thenRefresh(await once(type, meta, write));
  return {
    'commitment.save': ({ id, draft }, meta) => onceThenRefresh('commitment.save', meta, (c) => saveCommitment(db, draft, c, id)),
    'commitment.archive': ({ id }, meta) => onceThenRefresh('commitment.archive', meta, (c) => archiveCommitment(db, id, c)),
    'commitment.restore': ({ id }, meta) => onceThenRefresh('commitment.restore', meta, (c) => restoreCommitment(db, id, c)),
    'commitment.pause': ({ id, until, reason }, meta) => onceThenRefresh('commitment.pause', meta, (c) => pauseCommitment(db, id, c, { until, reason })),
    'commitment.pauseAll': ({ until, reason }, meta) => onceThenRefresh('commitment.pauseAll', meta, (c) => pauseAll(db, c, { until, reason })),
    'commitment.recalibrate': ({ id, choice, note }, meta) => onceThenRefresh('commitment.recalibrate', meta, (c) => recalibrate(db, id, c, choice, note)),
    'commitment.pledge': ({ id, pledge, dueWeek }, meta) => onceThenRefresh('commitment.pledge', meta, (c) => setPledge(db, id, c, pledge, dueWeek)),
    'commitment.pledgeKept': ({ id, weekStart }, meta) => onceThenRefresh('commitment.pledgeKept', meta, (c) => keepPledge(db, id, c, weekStart)),
    'commitment.cancelPending': ({ id }, meta) => onceThenRefresh('commitment.cancelPending', meta, (c) => cancelPendingChange(db, id, c)),
    'commitment.resume': ({ id }, meta) => onceThenRefresh('commitment.resume', meta, (c) => resumeCommitment(db, id, c)),
    'focus.start': ({ commitmentId, attemptIds }, meta) =>
      onceThenRefresh('focus.start', meta, async (c) => {
        const result = await startFocus(db, commitmentId, c);
        if (result.ok && attemptIds?.length) {
          const mine = (await db.attempts.bulkGet(attemptIds)).filter((a) => a?.commitmentId === commitmentId).map((a) => a!.id);
          await setAttemptOutcome(db, mine, 'started-session');
        }
        return result;
      }),
    'focus.stop': ({ sessionId }, meta) => onceThenRefresh('focus.stop', meta, (c) => stopFocus(db, sessionId, c)),
    checkin: ({ commitmentId, day }, meta) => onceThenRefresh('checkin', meta, (c) => checkIn(db, commitmentId, c, day)),
    'checkin.undo': ({ checkInId }, meta) => onceThenRefresh('checkin.undo', meta, (c) => undoCheckIn(db, checkInId, c)),
    'checkin.describe': ({ checkInId, note, rating }, meta) =>
      once('checkin.describe', meta, (c) => describeCheckIn(db, checkInId, note, rating, c)),
    // The page paints from this answer. Its reads start first, before the clock is read, and the write touches only
    // its own tables, so the two run side by side; this visit is left out of the counts either way (a retry finds it).
    'block.arrive': async ({ commitmentIds }, meta) => {
      const reads = readBlockPage(db, now ? now() : (await clock()).now);
      reads.catch(() => undefined); // awaited below, after the write
      const c = await clock();
      const request = { id: meta.id, type: 'block.arrive', at: c.now };
      const attempts = await applyOnce(db, request, () => recordArrival(db, commitmentIds, c), arrivalTables(db));
      const [read] = await Promise.all([reads, countsChanged?.().catch(() => undefined)]);
      return { attempts, page: composeBlockPage(read, commitmentIds, c, attempts.map((a) => a.id)) };
    },
    'block.view': async ({ commitmentIds, attemptIds }) => blockPageData(db, commitmentIds, await clock(), attemptIds),
    'block.goAnyway': ({ url, minutes, attemptIds }, meta) =>
      onceThenRefresh('block.goAnyway', meta, async (c) => {
        const result = await goAnyway(db, url, minutes, c);
        if (result.ok) await setAttemptOutcome(db, attemptIds, 'went-anyway');
        return result;
      }),
    // A review's draft changes no gate; finishing one does not either (its plans are read by the pages).
    // A finished one is shared with partners at the next push (issue 10).
    'review.save': async (save, meta) => {
      const saved = await once('review.save', meta, (c) => saveReview(db, save, c));
      if (saved.ok && saved.value.status === 'done') await countsChanged?.().catch(() => undefined);
      return saved;
    },
    // Asked by pages after they change settings (the storage event alone can be lost with a stopping worker) and
    // when a running session's end passes while a page is open.
    'gate.refresh': async () => {
      await refresh();
      return null;
    },
  };
}
