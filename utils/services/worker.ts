import type { Clock } from '../core/types';
import type { GateState } from '../core/gate';
import { coalesced, serialized } from '../core/serialized';
import { siteOf, trackedSites } from '../core/visits';
import type { VisitEvent } from '../core/tracking';
import type { TandemDB } from '../db/db';
import { activeCommitments } from '../db/queries';
import type { Handlers } from '../messages';
import { ALARMS, type AlarmName, type Alarms } from './alarms';
import { refreshGate, type GateEffects } from './gate';
import { applyDueEasings } from './commitments';
import { startOf } from '../core/easing-time';
import { createHandlers } from './handlers';
import { createPartnerWorker, type PartnerWorkerDeps } from './partner-worker';
import { recordVisitEvent } from './visits';
import { checkDataPresent, type MarkerStore } from './data-check';
import { forgetOldRequests } from './apply-once';
import { deleteEverything } from './everything';
import { createBackupHandlers, type BackupDeps } from './backup/handlers';
import { DUE_AT_ALARM_MS, DUE_AT_START_MS, snapshotIfDue } from './backup/snapshots';

/** Tabs as the worker needs them: send those on a gated site to the block page. */
export interface TabSweeps {
  /** The focused tab, when it comes to the front or its window is focused. */
  sweepActive(state: GateState): Promise<void>;
  sweep(state: GateState, tabs: { id?: number; url?: string }[]): Promise<void>;
}

export interface WorkerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  gate: GateEffects;
  tabs: TabSweeps;
  alarms: Alarms;
  /** The visit event a heartbeat alarm stands for (active, or the idle state the machine is in). */
  heartbeat: () => Promise<VisitEvent>;
  partners: Omit<PartnerWorkerDeps, 'db' | 'clock' | 'alarms'>;
  dataMarker: MarkerStore;
  /** Clears all of extension storage (deleting everything). */
  clearStorage: () => Promise<void>;
  openOnboarding: () => Promise<void>;
  /** Daily backups and import (utils/services/backup/); without them, import answers that it isn't available. */
  backups?: BackupDeps;
}

/**
 * How long the start-up recompute waits: the event that woke the worker (which usually recomputes) goes first,
 * and a page that woke it (a block page recording an arrival) reads the database before the recompute competes.
 */
export const START_UP_DELAY_MS = 500;

/**
 * The worker: every reaction to a browser event, composed once from its dependencies. The entrypoint only
 * connects events to these; nothing here is kept in memory between events that matters — each reaction
 * recomputes from the database, storage and the clock, so the worker may be stopped between any two instructions.
 */
export function createWorker(deps: WorkerDeps) {
  const { db, clock, alarms } = deps;
  const partners = createPartnerWorker({ db, clock, alarms, ...deps.partners });
  // Upkeep after each recompute, off the path of the answer a page waits for: a stop before it only delays it.
  const upkeep = async ({ now }: Clock) => {
    await Promise.all([checkDataPresent(db, deps.dataMarker, now), forgetOldRequests(db, now)]);
  };
  const gate = coalesced(async () => {
    const c = await clock();
    // Easings whose day has come apply before the gate reads the commitments (also after a missed alarm).
    const nextEasing = await applyDueEasings(db, c);
    const state = await refreshGate(db, c, deps.gate);
    await (nextEasing === null ? alarms.clear(ALARMS.easing) : alarms.at(ALARMS.easing, startOf(nextEasing, c)));
    void upkeep(c).catch((e: unknown) => console.error('Tandem: upkeep', e));
    return state;
  });
  /** After a change: the gate again, and partners told soon. */
  const refresh = async () => {
    const state = await gate.next();
    await partners.pushWanted();
    return state;
  };
  const recordVisit = serialized(async (event: VisitEvent) => recordVisitEvent(db, event, await clock()));
  const visit = async (event: VisitEvent) => {
    const { state, changed } = await recordVisit(event);
    await alarms.every(ALARMS.heartbeat, 1, state.open !== null);
    if (changed) await refresh();
  };
  const published = () => deps.gate.published();

  const handlers: Handlers = {
    ...createHandlers({ db, clock, refresh, countsChanged: partners.pushWanted }),
    ...partners.handlers,
    ...createBackupHandlers({ db, clock, refresh }, deps.backups),
    // Not applied once: its write is a wipe (the record of a request id would go with it), and repeating it finds
    // nothing left to delete. Backups go too: they are copies of what the person asked to delete.
    'data.deleteEverything': async () => {
      const result = await deleteEverything({
        db,
        forgetOnServer: partners.forgetMe,
        clearStorage: deps.clearStorage,
        others: deps.backups ? [() => deps.backups!.store.snapshots.clear()] : [],
      });
      if (!result.ok) return result;
      await Promise.all([ALARMS.syncPush, ALARMS.syncDeliver, ALARMS.heartbeat].map((name) => alarms.clear(name)));
      await refresh();
      await partners.show();
      return result;
    },
  };
  /** A daily backup when due; the alarm that asks again each day is set at every start. */
  const backUp = async (olderThanMs: number) => {
    if (!deps.backups) return;
    const { store, settings } = deps.backups;
    await alarms.every(ALARMS.backup, 24 * 60, true);
    await snapshotIfDue(db, store, await settings.getValue(), (await clock()).now, olderThanMs);
  };

  return {
    handlers,
    /** Every start of the worker: a recompute, so a refresh cut off by a stop is simply redone. */
    started() {
      setTimeout(() => {
        void gate.current().catch((e: unknown) => console.error('Tandem: gate at start-up', e))
          .then(() => backUp(DUE_AT_START_MS)).catch((e: unknown) => console.error('Tandem: backup at start-up', e));
      }, START_UP_DELAY_MS);
    },
    async installed(reason: string) {
      // An install that finds commitments already there is a copy loaded again, not a new person: Chromium reports
      // every load of an unpacked extension from the command line (`npm start` on a kept profile) as an install.
      if (reason === 'install' && (await db.commitments.count()) === 0) await deps.openOnboarding();
      await refresh();
    },
    async browserStarted() {
      await Promise.all([refresh(), partners.show()]);
    },
    settingsChanged: refresh,
    /** The database was deleted or replaced under the worker (Dexie reopens it on the next read). */
    databaseReplaced: refresh,
    async onAlarm(name: AlarmName) {
      if (name === ALARMS.gate || name === ALARMS.easing) await refresh();
      else if (name === ALARMS.heartbeat) await visit(await deps.heartbeat());
      else if (name === ALARMS.backup) await backUp(DUE_AT_ALARM_MS);
      else await partners.onAlarm(name);
    },
    tabFocused: async () => deps.tabs.sweepActive(await published()),
    tabUrlChanged: async (tabId: number, url: string) => deps.tabs.sweep(await published(), [{ id: tabId, url }]),
    /** A URL reduced at once to the tracked site it belongs to, or null: no URL is kept. */
    siteOf: async (url: string | undefined) => siteOf(url, trackedSites(await activeCommitments(db))),
    /** Watching site visits, on the device only: time on the work sites of time-on-site requirements. */
    visit,
  };
}

export type Worker = ReturnType<typeof createWorker>;
