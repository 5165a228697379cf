import { browser } from 'wxt/browser';
import type { VisitEvent } from '../core/tracking';
import { IDLE_THRESHOLD_MS } from '../core/visits';
import { now } from './clock';
import type { Handlers } from '../messages';

/**
 * Turns the browser's events into visit events: which tab is in front (its URL is reduced to a tracked
 * site by `siteOf` before anything is stored), window focus, idle/locked state and start-up. The heartbeat
 * alarm (utils/browser/alarms.ts) asks `heartbeatEvent`. Listeners are registered synchronously so they wake a
 * stopped worker.
 */
export function watchVisits(
  siteOf: (url: string | undefined) => Promise<string | null>,
  onEvent: (e: VisitEvent) => Promise<void>,
): { refocus: () => Promise<void> } {
  const focusActive = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await onEvent({ kind: 'focus', at: now(), site: await siteOf(tab?.url) });
  };
  browser.idle.setDetectionInterval(IDLE_THRESHOLD_MS / 1000);
  browser.tabs.onActivated.addListener(() => void focusActive());
  // A tab going to the block page is looked at when that page tells the worker it arrived (refocusOnArrival), right
  // after its first frame: looked at here, the tab, the database and the alarms were asked while the page was loading,
  // which held its first frame back by ~4 ms (docs/architecture.md).
  const blockPage = browser.runtime.getURL('/block.html');
  browser.tabs.onUpdated.addListener((_id, change, tab) => {
    if (change.url && tab.active && !change.url.startsWith(blockPage)) void focusActive();
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
  return { refocus: focusActive };
}

/**
 * The block page's arrival (and a reload's view) answered once the tab in front has been looked at again: a visit to a
 * work site ends when its tab goes to the block page. Before the answer, so a worker stopped in between is asked again
 * by the page's retry (both are applied once).
 */
export function refocusOnArrival(handlers: Handlers, refocus: () => Promise<void>): Handlers {
  const arrive = handlers['block.arrive'];
  const view = handlers['block.view'];
  // The page's answer never fails for this: a look that fails is logged, as the tab listeners' own are not awaited.
  const look = () => refocus().catch((e: unknown) => console.error('Tandem: the tab in front', e));
  return {
    ...handlers,
    'block.arrive': async (req, meta) => (await Promise.all([arrive(req, meta), look()]))[0],
    'block.view': async (req, meta) => (await Promise.all([view(req, meta), look()]))[0],
  };
}

/** What a heartbeat (once a minute while a visit is open) stands for: still active, or the idle state now. */
export async function heartbeatEvent(): Promise<VisitEvent> {
  const state = await browser.idle.queryState(IDLE_THRESHOLD_MS / 1000);
  return state === 'active' ? { kind: 'heartbeat', at: now() } : { kind: 'idle', at: now(), state };
}
