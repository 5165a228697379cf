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

/**
 * Wiring only. Every listener is registered synchronously so a stopped worker is woken by its events;
 * nothing is kept in memory between events: each one recomputes from storage and the clock.
 */
export default defineBackground(() => {
  const db = getDb();
  const refresh = serialized(async () => refreshGate(db, await readClock(), browserGateEffects()));
  const published = () => gateStateItem.getValue();
  const recordVisit = serialized(async (event: VisitEvent) => recordVisitEvent(db, event, await readClock()));

  listen(createHandlers({ db, clock: readClock, refresh, gateState: published }));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    await refresh();
  });
  browser.runtime.onStartup.addListener(() => void refresh());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === GATE_ALARM) void refresh();
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
