import { browser } from 'wxt/browser';
import type { VisitEvent } from '../core/tracking';
import { IDLE_THRESHOLD_MS } from '../core/visits';
import { now } from './clock';

/**
 * Turns the browser's events into visit events: which tab is in front (its URL is reduced to a tracked
 * site by `siteOf` before anything is stored), window focus, idle/locked state and start-up. The heartbeat
 * alarm (utils/browser/alarms.ts) asks `heartbeatEvent`. Listeners are registered synchronously so they wake a
 * stopped worker.
 */
export function watchVisits(siteOf: (url: string | undefined) => Promise<string | null>, onEvent: (e: VisitEvent) => Promise<void>): void {
  const focusActive = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await onEvent({ kind: 'focus', at: now(), site: await siteOf(tab?.url) });
  };
  browser.idle.setDetectionInterval(IDLE_THRESHOLD_MS / 1000);
  browser.tabs.onActivated.addListener(() => void focusActive());
  browser.tabs.onUpdated.addListener((_id, change, tab) => {
    if (change.url && tab.active) void focusActive();
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) void onEvent({ kind: 'focus', at: now(), site: null });
    else void focusActive();
  });
  browser.idle.onStateChanged.addListener((state) => void onEvent({ kind: 'idle', at: now(), state }));
  browser.runtime.onStartup.addListener(async () => {
    await onEvent({ kind: 'startup', at: now() });
    await focusActive();
  });
}

/** What a heartbeat (once a minute while a visit is open) stands for: still active, or the idle state now. */
export async function heartbeatEvent(): Promise<VisitEvent> {
  const state = await browser.idle.queryState(IDLE_THRESHOLD_MS / 1000);
  return state === 'active' ? { kind: 'heartbeat', at: now() } : { kind: 'idle', at: now(), state };
}
