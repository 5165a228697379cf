import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { PREVIEW_KEY } from '../storage-keys';
import { getDb } from '../db/db';
import type { WorkerDeps } from '../services/worker';
import { dataMarkerItem, settingsItem, syncStateItem } from '../settings';
import { getBackupsDb } from '../db/backups-db';
import { syncConfig } from '../firestore/config';
import { connect, existingConnection } from '../firestore/connect';
import { browserAlarms } from './alarms';
import { now, readClock } from './clock';
import { browserGateEffects, sweepActiveTab, sweepTabs } from './gate-effects';
import { heartbeatEvent } from './visit-events';
import { notifyPartnerDone, notifyTogether } from './sync-effects';
import { browserBadge } from './badge';
import { browserReminders } from './reminders';

/** The worker's dependencies in the browser: each outside system through its one adapter. */
export function browserWorkerDeps(): WorkerDeps {
  const db = getDb();
  return {
    db,
    clock: () => readClock(),
    now,
    gate: browserGateEffects(),
    tabs: { sweepActive: sweepActiveTab, sweep: sweepTabs },
    alarms: browserAlarms,
    heartbeat: heartbeatEvent,
    partners: {
      // Partner sync, when this build has a Firebase config: nothing connects until an alarm or a page needs it.
      sync: syncConfig && {
        db,
        remote: () => connect(syncConfig!),
        existing: () => existingConnection(syncConfig!),
        clock: () => readClock(),
        state: syncStateItem,
      },
      partnerDone: notifyPartnerDone,
      together: notifyTogether,
    },
    badge: browserBadge,
    dataMarker: dataMarkerItem,
    // Read by block-early.js with the gate and settings in one call (entrypoints/block/load.ts).
    preview: { write: (preview) => (preview ? storage.setItem(PREVIEW_KEY, preview) : storage.removeItem(PREVIEW_KEY)) },
    clearStorage: () => browser.storage.local.clear(),
    // Needs a focused window (Chrome 127+); where the browser refuses, the running session shows on the next open.
    showCheckIn: () => browser.action.openPopup().catch(() => undefined),
    backups: { store: getBackupsDb(), settings: settingsItem },
    reminders: browserReminders,
    openOnboarding: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') })),
  };
}
