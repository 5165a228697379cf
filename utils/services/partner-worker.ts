import type { Clock } from '../core/types';
import { PULL_EVERY_MIN, PUSH_DELAY_MS } from '../core/partners/cadence';
import type { TandemDB } from '../db/db';
import type { PartnerHandlers } from '../messages';
import { ALARMS, type AlarmName, type Alarms } from './alarms';
import { serialized } from '../core/serialized';
import { deliver, hasPartners, notifyTogether, pull, pullWanted, queueReviews, queueSummaries, type SyncDeps } from './sync';
import { createSyncHandlers } from './sync-handlers';
import { rememberAnswer } from './apply-once';
import { forgetMeOnServer } from './partners/forget';

export interface PartnerWorkerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  alarms: Alarms;
  /** This build's sync (a Firebase config): null when local-only. */
  sync: Omit<SyncDeps, 'effects'> | null;
  /** The toolbar badge, recomputed by the worker (partner sync changes the partner's streak it may show). */
  badgeChanged: () => Promise<void>;
  /** "Sam is done for today", if the person turned it on. */
  partnerDone: (name: string) => Promise<void>;
  /** "You and Sam both did everything today" (issue 10), if the person turned partner notifications on. */
  together?: (name: string) => Promise<void>;
}

/**
 * Partner sync's policy in the worker: when to push, deliver and pull, one step at a time, and what the
 * badge (through the worker) and the pull schedule show after each step. Everything is read again from storage at each step.
 */
export function createPartnerWorker({ db, clock, alarms, sync, badgeChanged, partnerDone, together }: PartnerWorkerDeps) {
  const deps: SyncDeps | null = sync && {
    ...sync,
    effects: {
      scheduleDelivery: (at) => (at === null ? alarms.clear(ALARMS.syncDeliver) : alarms.at(ALARMS.syncDeliver, at)),
      partnerDone,
      together,
      changedHere: () => pushWanted(),
    },
  };
  // One sync step at a time, like the gate: a push and a pull never interleave their outbox reads.
  const queue = serialized(async (step: () => Promise<unknown>) => step());
  const exclusive = <T>(step: () => Promise<T>) => queue(step) as Promise<T>;

  const show = async () => {
    if (!deps) return;
    const needed = await deps.state.getValue().then((s) => pullWanted(db, s));
    await Promise.all([badgeChanged(), alarms.every(ALARMS.syncPull, PULL_EVERY_MIN, needed)]);
  };
  /** A local change: a push soon (a burst joins the first), when there is someone to send it to. */
  const pushWanted = async () => {
    if (deps && (await hasPartners(db))) await alarms.atUnlessSet(ALARMS.syncPush, (await clock()).now + PUSH_DELAY_MS);
  };
  const step = async (run: (deps: SyncDeps) => Promise<unknown>) => {
    if (!deps) return;
    await exclusive(async () => {
      await run(deps);
      await show();
    }).catch((e: unknown) => console.error('Tandem: sync', e));
  };

  const handlers = createSyncHandlers(db, deps, {
    exclusive,
    changed: async () => {
      await pushWanted();
      await show();
    },
  });
  // A partner action retried after a lost answer gets the first answer (its effects are on the server, so
  // this cannot be one transaction with them: apply-once.ts says why that is enough).
  const remembered = Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [
      type,
      async (req: unknown, meta: { id: string }) =>
        rememberAnswer(db, { id: meta.id, type, at: (await clock()).now }, () => (handle as (r: unknown) => Promise<unknown>)(req)),
    ]),
  ) as unknown as PartnerHandlers;

  return {
    handlers: remembered,
    pushWanted,
    /** The server's half of deleting everything, as one sync step; null in a local-only build. */
    forgetMe: deps && (() => exclusive(() => forgetMeOnServer(deps))),
    /** The badge is not kept across browser restarts. */
    show: () => step(async () => undefined),
    async onAlarm(name: AlarmName) {
      if (name === ALARMS.syncPush) {
        await step(async (d) => {
          await queueSummaries(d);
          await queueReviews(d);
          await deliver(d);
          await notifyTogether(d);
        });
      }
      else if (name === ALARMS.syncDeliver) await step(deliver);
      else if (name === ALARMS.syncPull) await step((d) => pull(d, 'schedule'));
    },
  };
}
