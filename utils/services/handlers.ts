import type { Clock } from '../core/types';
import type { TandemDB } from '../db/db';
import type { LocalHandlers } from '../messages';
import { archiveCommitment, pauseCommitment, restoreCommitment, resumeCommitment, saveCommitment } from './commitments';
import { startFocus, stopFocus } from './focus';
import { checkIn, describeCheckIn, undoCheckIn } from './checkin';
import { goAnyway, recordArrival, setAttemptOutcome } from './block-page';
import { commitmentsGating, type GateState } from '../core/gate';

export interface WorkerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  /** Recompute and apply the gate (after any write that may change it). */
  refresh: () => Promise<GateState>;
  /** The gate as last published. */
  gateState: () => Promise<GateState>;
  /** After a write that changes only today's counts (an arrival: no gate refresh, but partners see counts). */
  countsChanged?: () => Promise<void>;
}

/**
 * What the worker does for each message: the write, then the gate is recompiled before answering.
 * A failed recompile does not turn a saved write into an error (the person would retry and save twice):
 * it is logged, and the hourly recheck alarm set by the last good refresh tries again.
 */
export function createHandlers({ db, clock, refresh, gateState, countsChanged }: WorkerDeps): LocalHandlers {
  const thenRefresh = async <T>(result: T): Promise<T> => {
    await refresh().catch((err: unknown) => console.error('Tandem: gate refresh failed', err));
    return result;
  };
  const now = async () => (await clock()).now;
  return {
    'commitment.save': async ({ id, draft }) => thenRefresh(await saveCommitment(db, draft, await clock(), id)),
    'commitment.archive': async ({ id }) => thenRefresh(await archiveCommitment(db, id, await now())),
    'commitment.restore': async ({ id }) => thenRefresh(await restoreCommitment(db, id, await now())),
    'commitment.pause': async ({ id }) => thenRefresh(await pauseCommitment(db, id, await clock())),
    'commitment.resume': async ({ id }) => thenRefresh(await resumeCommitment(db, id, await clock())),
    'focus.start': async ({ commitmentId, attemptIds }) => {
      const result = await startFocus(db, commitmentId, await clock());
      if (result.ok && attemptIds?.length) {
        const mine = (await db.attempts.bulkGet(attemptIds)).filter((a) => a?.commitmentId === commitmentId).map((a) => a!.id);
        await setAttemptOutcome(db, mine, 'started-session');
      }
      return thenRefresh(result);
    },
    'focus.stop': async ({ sessionId }) => thenRefresh(await stopFocus(db, sessionId, await now())),
    checkin: async ({ commitmentId, day }) => thenRefresh(await checkIn(db, commitmentId, await clock(), day)),
    'checkin.undo': async ({ checkInId }) => thenRefresh(await undoCheckIn(db, checkInId, await clock())),
    'checkin.describe': async ({ checkInId, note, rating }) => describeCheckIn(db, checkInId, note, rating, await clock()),
    'block.arrive': async ({ url }) => {
      const attempts = await recordArrival(db, commitmentsGating(await gateState(), url), await clock());
      await countsChanged?.().catch(() => undefined);
      return attempts;
    },
    'block.goAnyway': async ({ url, minutes, attemptIds }) => {
      const result = await goAnyway(db, url, minutes, await now());
      if (result.ok) await setAttemptOutcome(db, attemptIds, 'went-anyway');
      return thenRefresh(result);
    },
    'gate.refresh': async () => {
      await refresh();
      return null;
    },
  };
}
