import { browser } from 'wxt/browser';
import { listen } from '@/utils/messages';
import { createWorker } from '@/utils/services/worker';
import { browserWorkerDeps } from '@/utils/browser/worker-deps';
import { onAlarm } from '@/utils/browser/alarms';
import { refocusOnArrival, watchVisits } from '@/utils/browser/visit-events';
import { settingsItem } from '@/utils/settings';
import { onReminderClicked } from '@/utils/browser/reminders';
import { installBrowserMessages } from '@/utils/browser/i18n';

/**
 * Wiring only: browser events to the worker (utils/services/worker.ts). Every listener is registered
 * synchronously, so a stopped worker is woken by its events.
 */
export default defineBackground(() => {
  installBrowserMessages();
  const deps = browserWorkerDeps();
  const worker = createWorker(deps);
  const visits = watchVisits(worker.siteOf, worker.visit);
  listen(refocusOnArrival(worker.handlers, visits.refocus));
  onAlarm(worker.onAlarm);
  browser.runtime.onInstalled.addListener(({ reason }) => void worker.installed(reason));
  browser.runtime.onStartup.addListener(() => void worker.browserStarted());
  settingsItem.watch(() => void worker.settingsChanged());
  deps.db.on('versionchange', () => void setTimeout(() => void worker.databaseReplaced()));
  // Tabs open before the gate closed are sent to the block page when they come to the front, and so are pages
  // restored from the back/forward cache (no request, so no DNR redirect).
  browser.tabs.onActivated.addListener(() => void worker.tabFocused());
  browser.windows.onFocusChanged.addListener((id) => void (id !== browser.windows.WINDOW_ID_NONE && worker.tabFocused()));
  browser.tabs.onUpdated.addListener((tabId, change) => void (change.url && worker.tabUrlChanged(tabId, change.url)));
  browser.commands.onCommand.addListener((name) => void worker.command(name));
  onReminderClicked();
  worker.started();
});
