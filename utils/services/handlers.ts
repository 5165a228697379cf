import type { Clock } from '../core/types';
import type { TandemDB } from '../db/db';
import type { Handlers } from '../messages';
import { archiveCommitment, restoreCommitment, saveCommitment } from './commitments';
import { startFocus, stopFocus } from './focus';
import { checkIn } from './checkin';
import { goAnyway, recordArrival, setAttemptOutcome } from './block-page';
import { commitmentsGating, type GateState } from '../core/gate';

export interface WorkerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  /** Recompute and apply the gate (after any write that may change it). */
  refresh: () => Promise<GateState>;
  /** The gate as last published. */
  gateState: () => Promise<GateState>;
}

/** What the worker does for each message. Writes first, then the gate is recompiled before answering. */
export function createHandlers({ db, clock, refresh, gateState }: WorkerDeps): Handlers {
  const thenRefresh = async <T>(result: T): Promise<T> => {
    await refresh();
    return result;
  };
  return {
    'commitment.save': async ({ id, draft }) => thenRefresh(await saveCommitment(db, draft, Date.now(), id)),
    'commitment.archive': async ({ id }) => thenRefresh(await archiveCommitment(db, id, Date.now())),
    'commitment.restore': async ({ id }) => thenRefresh(await restoreCommitment(db, id, Date.now())),
    'focus.start': async ({ commitmentId, attemptIds }) => {
      const result = await startFocus(db, commitmentId, await clock());
      if (result.ok && attemptIds?.length) await setAttemptOutcome(db, attemptIds, 'started-session');
      return thenRefresh(result);
    },
    'focus.stop': async ({ sessionId }) => thenRefresh(await stopFocus(db, sessionId, Date.now())),
    checkin: async ({ commitmentId }) => thenRefresh(await checkIn(db, commitmentId, await clock())),
    'block.arrive': async ({ url }) => recordArrival(db, commitmentsGating(await gateState(), url), await clock()),
    'block.turnBack': async ({ attemptIds }) => {
      await setAttemptOutcome(db, attemptIds, 'turned-back');
      return null;
    },
    'block.goAnyway': async ({ url, minutes, attemptIds }) => {
      const result = await goAnyway(db, url, minutes, Date.now());
      if (result.ok) await setAttemptOutcome(db, attemptIds, 'went-anyway');
      return thenRefresh(result);
    },
    'gate.refresh': async () => {
      await refresh();
      return null;
    },
  };
}
