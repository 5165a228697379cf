import type { Clock } from '../core/types';
import type { GateState } from '../core/gate';
import { coalesced, serialized } from '../core/serialized';
import { siteOf, trackedSites } from '../core/visits';
import { hostOf } from '../core/site-pattern';
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
import { START_FOCUS_COMMAND, startFirstPendingFocus } from './focus-command';
import { createBackupHandlers, type BackupDeps } from './backup/handlers';
import { DUE_AT_ALARM_MS, DUE_AT_START_MS, snapshotIfDue } from './backup/snapshots';
import { refreshBadge, type BadgeEffects } from './badge';
import { runReminders, type ReminderDeps } from './reminders';
import { writeBlockPreview, type PreviewStore } from './block-preview';

/** Tabs as the worker needs them: send those on a gated site to the block page. */
export interface TabSweeps {
  /** The focused tab, when it comes to the front or its window is focused. */
  sweepActive(state: GateState): Promise<void>;
  sweep(state: GateState, tabs: { id?: number; url?: string }[]): Promise<void>;
}

export interface WorkerDeps {
  db: TandemDB;
  clock: () => Promise<Clock>;
  /** The time alone (the clock without the settings' read). */
  now?: () => number;
  gate: GateEffects;
  tabs: TabSweeps;
  alarms: Alarms;
  /** The visit event a heartbeat alarm stands for (active, or the idle state the machine is in). */
  heartbeat: () => Promise<VisitEvent>;
  partners: Omit<PartnerWorkerDeps, 'db' | 'clock' | 'alarms' | 'badgeChanged'>;
  /** The toolbar badge: own progress today or the partner's streak, as the person chose. */
  badge: BadgeEffects;
  dataMarker: MarkerStore;
  /** Clears all of extension storage (deleting everything). */
  clearStorage: () => Promise<void>;
  /** Shows the check-in (the popup), after a keyboard command, where the browser allows it. */
  showCheckIn: () => Promise<void>;
  openOnboarding: () => Promise<void>;
  /** Daily backups and import (utils/services/backup/); without them, import answers that it isn't available. */
  backups?: BackupDeps;
  /** Reminders as notifications (utils/services/reminders.ts); without them, none. */
  reminders?: ReminderDeps;
  /** Where the block preview is kept (block-preview.ts); without it, block pages always wait for the worker. */
  preview?: PreviewStore;
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
  // The badge follows every recompute of the gate and every sync step; one run at a time, each reading anew.
  const badge = coalesced(async () => refreshBadge(db, await clock(), deps.badge));
  const badgeChanged = () => badge.next().then(() => undefined, (e: unknown) => console.error('Tandem: badge', e));
  // After a sync step the badge, and the reminders (a partner's week may have come in: issue 10).
  const afterSync = async () => {
    await badgeChanged();
    if (deps.reminders) await runReminders(db, await clock(), alarms, deps.reminders).catch((e: unknown) => console.error('Tandem: reminders', e));
  };
  const partners = createPartnerWorker({ db, clock, alarms, badgeChanged: afterSync, ...deps.partners });
  // The block preview: written again after each recompute and arrival, one at a time (a later one never lost under
  // an earlier one); removed as an arrival begins (its counts are about to be out of date).
  const previewQueue = serialized(async (write: boolean) => {
    if (!deps.preview) return;
    if (!write) return deps.preview.write(null);
    await writeBlockPreview(db, await deps.gate.published(), await clock(), deps.preview);
  });
  const preview = (write: boolean) => void previewQueue(write).catch((e: unknown) => console.error('Tandem: block preview', e));
  // Upkeep after each recompute, off the path of the answer a page waits for: a stop before it only delays it.
  const remind = async (c: Clock) => {
    if (deps.reminders) await runReminders(db, c, alarms, deps.reminders);
  };
  const upkeep = async (c: Clock) => {
    preview(true);
    await Promise.all([checkDataPresent(db, deps.dataMarker, c.now), forgetOldRequests(db, c.now), remind(c)]);
  };
  const gate = coalesced(async () => {
    const c = await clock();
    // Easings whose day has come apply before the gate reads the commitments (also after a missed alarm).
    const nextEasing = await applyDueEasings(db, c);
    const state = await refreshGate(db, c, deps.gate);
    await (nextEasing === null ? alarms.clear(ALARMS.easing) : alarms.at(ALARMS.easing, startOf(nextEasing, c)));
    void upkeep(c).catch((e: unknown) => console.error('Tandem: upkeep', e));
    // Awaited (a few ms): a worker stopped right after answering still leaves the badge right.
    await badgeChanged();
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
  const local = createHandlers({ db, clock, now: deps.now, refresh, countsChanged: partners.pushWanted });
  const arrive = local['block.arrive'];

  const handlers: Handlers = {
    ...local,
    // An arrival changes the counts: the preview goes at once and comes back after the answer.
    'block.arrive': async (args, meta) => {
      preview(false);
      const answer = await arrive(args, meta);
      preview(true);
      return answer;
    },
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
    /** A keyboard command: start the first pending focus session, then show the check-in (with it running, or why not). */
    async command(name: string) {
      if (name !== START_FOCUS_COMMAND) return;
      const started = await startFirstPendingFocus(db, await clock());
      if (started.ok) await refresh();
      await deps.showCheckIn();
    },
    /** The database was deleted or replaced under the worker (Dexie reopens it on the next read). */
    databaseReplaced: refresh,
    async onAlarm(name: AlarmName) {
      if (name === ALARMS.gate || name === ALARMS.easing) await refresh();
      else if (name === ALARMS.heartbeat) await visit(await deps.heartbeat());
      else if (name === ALARMS.backup) await backUp(DUE_AT_ALARM_MS);
      else if (name === ALARMS.reminder) await remind(await clock());
      else await partners.onAlarm(name);
    },
    tabFocused: async () => deps.tabs.sweepActive(await published()),
    // Only a web address can be held back or tracked: the block page itself (its load is under way) costs nothing.
    tabUrlChanged: async (tabId: number, url: string) => {
      if (hostOf(url) !== null) await deps.tabs.sweep(await published(), [{ id: tabId, url }]);
    },
    /** A URL reduced at once to the tracked site it belongs to, or null: no URL is kept. */
    siteOf: async (url: string | undefined) => (url && hostOf(url) !== null ? siteOf(url, trackedSites(await activeCommitments(db))) : null),
    /** Watching site visits, on the device only: time on the work sites of time-on-site requirements. */
    visit,
  };
}

export type Worker = ReturnType<typeof createWorker>;
