import { browser } from 'wxt/browser';
import type { VisitEvent } from '../core/tracking';
import { IDLE_THRESHOLD_MS } from '../core/visits';

export const HEARTBEAT_ALARM = 'visit-heartbeat';

/**
 * Turns the browser's events into visit events: which tab is in front (its URL is reduced to a tracked
 * site by `siteOf` before anything is stored), window focus, idle/locked state, start-up, and a heartbeat
 * alarm while a visit is open. Listeners are registered synchronously so they wake a stopped worker.
 */
export function watchVisits(siteOf: (url: string | undefined) => Promise<string | null>, onEvent: (e: VisitEvent) => Promise<void>): void {
  const focusActive = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await onEvent({ kind: 'focus', at: Date.now(), site: await siteOf(tab?.url) });
  };
  browser.idle.setDetectionInterval(IDLE_THRESHOLD_MS / 1000);
  browser.tabs.onActivated.addListener(() => void focusActive());
  browser.tabs.onUpdated.addListener((_id, change, tab) => {
    if (change.url && tab.active) void focusActive();
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) void onEvent({ kind: 'focus', at: Date.now(), site: null });
    else void focusActive();
  });
  browser.idle.onStateChanged.addListener((state) => void onEvent({ kind: 'idle', at: Date.now(), state }));
  browser.runtime.onStartup.addListener(async () => {
    await onEvent({ kind: 'startup', at: Date.now() });
    await focusActive();
  });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== HEARTBEAT_ALARM) return;
    const state = await browser.idle.queryState(IDLE_THRESHOLD_MS / 1000);
    await onEvent(state === 'active' ? { kind: 'heartbeat', at: Date.now() } : { kind: 'idle', at: Date.now(), state });
  });
}

/** A heartbeat every minute while a visit is open (well under the idle threshold), none otherwise. */
export async function keepHeartbeat(open: boolean): Promise<void> {
  const existing = await browser.alarms.get(HEARTBEAT_ALARM);
  if (open && !existing) await browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: 1 });
  if (!open && existing) await browser.alarms.clear(HEARTBEAT_ALARM);
}
