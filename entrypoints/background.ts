import { browser } from 'wxt/browser';
import { getDb } from '@/utils/db/db';
import { listen } from '@/utils/messages';
import { createHandlers } from '@/utils/services/handlers';
import { refreshGate } from '@/utils/services/gate';
import { browserGateEffects, GATE_ALARM, sweepTabs } from '@/utils/browser/gate-effects';
import { gateStateItem, readClock, settingsItem } from '@/utils/settings';

/**
 * Wiring only. Every listener is registered synchronously so a stopped worker is woken by its events;
 * nothing is kept in memory between events: each one recomputes from storage and the clock.
 */
export default defineBackground(() => {
  const db = getDb();
  const refresh = async () => refreshGate(db, await readClock(), browserGateEffects());

  listen(createHandlers({ db, clock: readClock, refresh, gateState: () => gateStateItem.getValue() }));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    await refresh();
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
  browser.runtime.onStartup.addListener(() => void refresh());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === GATE_ALARM) void refresh();
  });
  settingsItem.watch(() => void refresh());

  // A tab that was open before the gate closed is sent to the block page when it is focused.
  const sweepActive = async () => {
    const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await sweepTabs(await gateStateItem.getValue(), tabs);
  };
  browser.tabs.onActivated.addListener(() => void sweepActive());
  browser.windows.onFocusChanged.addListener((id) => {
    if (id !== browser.windows.WINDOW_ID_NONE) void sweepActive();
  });
});
