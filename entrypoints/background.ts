import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/db';
import { listen } from '@/utils/messages';
import { serialized } from '@/utils/core/serialized';
import { createHandlers } from '@/utils/services/handlers';
import { refreshGate } from '@/utils/services/gate';
import { browserGateEffects, GATE_ALARM, sweepActiveTab, sweepTabs } from '@/utils/browser/gate-effects';
import { gateStateItem, readClock, settingsItem } from '@/utils/settings';
import { activeCommitments } from '@/utils/db/queries';
import { recordVisitEvent } from '@/utils/services/visits';
import { siteOf, trackedSites } from '@/utils/core/visits';
import { keepHeartbeat, watchVisits } from '@/utils/browser/visit-events';
import type { VisitEvent } from '@/utils/core/tracking';
import { syncConfig } from '@/utils/firestore/config';
import { syncStateItem } from '@/utils/settings';
import { connect } from '@/utils/firestore/connect';
import { deliver, hasPartners, partnerBadge, pull, pullWanted, queueSummaries, type SyncDeps } from '@/utils/services/sync';
import { createSyncHandlers } from '@/utils/services/sync-handlers';
import {
  keepPullSchedule, notePushWanted, notifyPartnerDone, scheduleDelivery, showPartnerBadge,
  SYNC_DELIVER_ALARM, SYNC_PULL_ALARM, SYNC_PUSH_ALARM,
} from '@/utils/browser/sync-effects';

/**
 * Wiring only. Every listener is registered synchronously so a stopped worker is woken by its events;
 * nothing is kept in memory between events: each one recomputes from storage and the clock.
 */
export default defineBackground(() => {
  const db = getDb();
  // Partner sync, when this build has a Firebase config: nothing connects until an alarm or a page needs it.
  const sync: SyncDeps | null = syncConfig && {
    db,
    remote: () => connect(syncConfig!),
    clock: readClock,
    state: syncStateItem,
    effects: { scheduleDelivery, partnerDone: notifyPartnerDone },
  };
  // One sync step at a time, like the gate: a push and a pull never interleave their outbox reads.
  const queue = serialized(async (step: () => Promise<unknown>) => step());
  const exclusive = <T>(step: () => Promise<T>) => queue(step) as Promise<T>;
  const showSync = async () => {
    const [badge, needed] = await Promise.all([partnerBadge(db, Date.now()), syncStateItem.getValue().then((s) => pullWanted(db, s))]);
    await Promise.all([showPartnerBadge(badge), keepPullSchedule(needed)]);
  };
  // A local change: a push soon, when there is someone to send it to.
  const pushWanted = async () => {
    if (sync && (await hasPartners(db))) await notePushWanted();
  };
  const syncStep = (step: (deps: SyncDeps) => Promise<unknown>) =>
    sync ? exclusive(async () => { await step(sync); await showSync(); }).catch((e: unknown) => console.error('Tandem: sync', e)) : undefined;
  const refreshGateNow = serialized(async () => refreshGate(db, await readClock(), browserGateEffects()));
  const refresh = async () => {
    const state = await refreshGateNow();
    await pushWanted();
    return state;
  };
  const published = () => gateStateItem.getValue();
  const recordVisit = serialized(async (event: VisitEvent) => recordVisitEvent(db, event, await readClock()));

  listen({
    ...createHandlers({ db, clock: readClock, refresh, gateState: published, countsChanged: pushWanted }),
    ...createSyncHandlers(db, sync, { exclusive, changed: async () => { await pushWanted(); await showSync(); } }),
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    await refresh();
  });
  browser.runtime.onStartup.addListener(() => {
    void refresh();
    void syncStep(async () => undefined); // the badge is not kept across browser restarts
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === GATE_ALARM) void refresh();
    else if (alarm.name === SYNC_PUSH_ALARM) void syncStep(async (deps) => { await queueSummaries(deps); await deliver(deps); });
    else if (alarm.name === SYNC_DELIVER_ALARM) void syncStep(deliver);
    else if (alarm.name === SYNC_PULL_ALARM) void syncStep((deps) => pull(deps, 'schedule'));
  });
  settingsItem.watch(() => void refresh());

  // Tabs that were open before the gate closed are sent to the block page when they come to the front,
  // and so are pages restored from the back/forward cache (no request, so no DNR redirect).
  browser.tabs.onActivated.addListener(async () => sweepActiveTab(await published()));
  browser.windows.onFocusChanged.addListener(async (id) => {
    if (id !== browser.windows.WINDOW_ID_NONE) await sweepActiveTab(await published());
  });
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (change.url) await sweepTabs(await published(), [{ id: tabId, url: change.url }]);
  });

  // Watching site visits, on the device only: time on the work sites of time-on-site requirements.
  watchVisits(
    async (url) => siteOf(url, trackedSites(await activeCommitments(db))),
    async (event) => {
      const { state, changed } = await recordVisit(event);
      await keepHeartbeat(state.open !== null);
      if (changed) await refresh();
    },
  );
});
