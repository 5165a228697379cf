import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import type { WorkerDeps } from '../services/worker';
import { dataMarkerItem, syncStateItem } from '../settings';
import { syncConfig } from '../firestore/config';
import { connect } from '../firestore/connect';
import { browserAlarms } from './alarms';
import { readClock } from './clock';
import { browserGateEffects, sweepActiveTab, sweepTabs } from './gate-effects';
import { heartbeatEvent } from './visit-events';
import { notifyPartnerDone } from './sync-effects';
import { browserBadge } from './badge';

/** The worker's dependencies in the browser: each outside system through its one adapter. */
export function browserWorkerDeps(): WorkerDeps {
  const db = getDb();
  return {
    db,
    clock: () => readClock(),
    gate: browserGateEffects(),
    tabs: { sweepActive: sweepActiveTab, sweep: sweepTabs },
    alarms: browserAlarms,
    heartbeat: heartbeatEvent,
    partners: {
      // Partner sync, when this build has a Firebase config: nothing connects until an alarm or a page needs it.
      sync: syncConfig && { db, remote: () => connect(syncConfig!), clock: () => readClock(), state: syncStateItem },
      partnerDone: notifyPartnerDone,
    },
    badge: browserBadge,
    dataMarker: dataMarkerItem,
    openOnboarding: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') })),
  };
}
