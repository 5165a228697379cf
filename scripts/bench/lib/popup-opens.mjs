// Opening Tandem's popup in a test browser, for scripts/bench/popup.mjs and scripts/bench/history.mjs: N opens
// until 'tandem:popup-ready' (and until every card is drawn), and instrumented opens that say where the time goes.

import { waitForMark } from '../../../tests/support/marks.mjs';
import { extensionUrl } from '../../../tests/support/tandem.mjs';
import { median } from '../../stats.mjs';

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */

/**
 * Opens popup.html `n` times (each in a new page, closed after), after `warmups` uncounted opens. Returns, for
 * each counted open, `ready`: the 'tandem:popup-ready' mark's startTime (ms since the page's navigation start),
 * and `complete`: when every commitment (and, in a build that draws them all, its calendar) was in the page (measured at the next animation frame).
 *
 * By default each open is left to finish before it closes (all `cards` cards with their calendars), and the
 * next one starts `quietMs` later. Why: all of Tandem's pages run on the one main thread of the extension's
 * renderer process (the worker on its own thread in that process), and opening popup.html as a tab, as here,
 * fires tab events that the worker handles, which a real toolbar popup does not. Closed at its mark, a popup
 * with 20 cards still had ~100 ms of drawing ahead (the cards below the first screen, the calendars), and the
 * next open ran beside it: medians 125–146 ms back to back against 85–93 ms after a finished one, measured on
 * the same profile. A person does not open the popup while the previous one is still drawing. With
 * `cards: undefined` the old way (close at the mark, open the next at once) is measured, for comparison.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {number} n
 * @param {{ timeoutMs?: number, warmups?: number, cards?: number, quietMs?: number,
 *           init?: () => void, onReady?: (page: Page, i: number) => Promise<void> }} [options]
 *   `cards`: how many commitments the popup shows (it settles when all are drawn); `init` runs in each page
 *   before its own scripts; `onReady` once it is ready (and finished, when settling).
 */
export async function popupOpens(context, extensionId, n, { timeoutMs = 10000, warmups = 0, cards, quietMs = 250, init, onReady } = {}) {
  const settle = cards !== undefined;
  /** @type {number[]} */
  const ready = [];
  /** @type {number[]} */
  const complete = [];
  for (let i = -warmups; i < n; i++) {
    const page = await context.newPage();
    try {
      if (init) await page.addInitScript(init);
      await page.goto(extensionUrl(extensionId, 'popup.html'), { waitUntil: 'commit', timeout: timeoutMs });
      const mark = await waitForMark(page, 'tandem:popup-ready', { timeoutMs });
      if (settle) {
        const done = await page.waitForFunction(
          (count) => {
            // Every commitment in (the popup draws a calendar only when asked; a build that drew them all waited for them).
            const shown = document.querySelectorAll('[data-testid="commitment"]');
            const drawn = document.querySelectorAll('[data-testid="commitment"] [data-testid="heatmap"]');
            const onDemand = document.querySelector('[data-testid="calendar-toggle"]') !== null;
            return shown.length === count && (onDemand || drawn.length === count) && performance.now();
          },
          cards,
          { timeout: timeoutMs, polling: 'raf' },
        );
        if (i >= 0) complete.push(/** @type {number} */ (await done.jsonValue()));
      }
      if (i >= 0) ready.push(mark.startTime);
      if (onReady) await onReady(page, i);
    } finally {
      await page.close().catch(() => {});
    }
    if (settle) await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  return { ready, complete };
}

/**
 * Runs in the popup before its scripts: timestamps IndexedDB requests, counts formatToParts (up to the ready mark:
 * the page goes on drawing after it), keeps long tasks.
 */
function instrument() {
  /** @type {any} */
  const g = globalThis;
  const t = (g.__tandemBench = { idb: /** @type {any[]} */ ([]), intl: 0, intlAtReady: NaN, longTasks: /** @type {any[]} */ ([]) });
  const mark = performance.mark.bind(performance);
  performance.mark = (/** @type {string} */ name, /** @type {any} */ options) => {
    if (name === 'tandem:popup-ready' && Number.isNaN(t.intlAtReady)) t.intlAtReady = t.intl;
    return mark(name, options);
  };
  /** @param {any} proto @param {string} method */
  const wrap = (proto, method) => {
    const orig = proto[method];
    proto[method] = function (/** @type {any[]} */ ...args) {
      const req = orig.apply(this, args);
      const e = {
        what: method === 'open' ? `open ${args[0]}` : `${this.objectStore ? `${this.objectStore.name}.${this.name}` : this.name} ${method}`,
        start: performance.now(),
        end: NaN,
        n: 0,
      };
      t.idb.push(e);
      req.addEventListener('success', () => {
        e.end = performance.now();
        const r = req.result;
        if (Array.isArray(r)) e.n = r.length;
        else if (r && method === 'openCursor') e.n++;
      });
      return req;
    };
  };
  wrap(IDBFactory.prototype, 'open');
  for (const m of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor']) {
    wrap(IDBObjectStore.prototype, m);
    wrap(IDBIndex.prototype, m);
  }
  const formatToParts = Intl.DateTimeFormat.prototype.formatToParts;
  Intl.DateTimeFormat.prototype.formatToParts = function (/** @type {any} */ d) {
    t.intl++;
    return formatToParts.call(this, d);
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
}

/**
 * Opens the popup `k` times with `instrument` in place (each left to finish, as popupOpens) and reads its timings
 * once ready; `last` runs in the last one.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {number} k
 * @param {{ timeoutMs: number, cards: number, last?: (page: Page) => Promise<void> }} options
 */
export async function instrumentedPopups(context, extensionId, k, { timeoutMs, cards, last }) {
  /** @type {Awaited<ReturnType<typeof readInstrumented>>[]} */
  const runs = [];
  await popupOpens(context, extensionId, k, {
    timeoutMs,
    cards,
    init: instrument,
    onReady: async (page, i) => {
      runs.push(await readInstrumented(page));
      if (last && i === k - 1) await last(page);
    },
  });
  return runs;
}

/** Reads the instrumented popup's timings once it is ready. @param {Page} page */
async function readInstrumented(page) {
  return page.evaluate(() => {
    /** @type {any} */
    const g = globalThis;
    const t = g.__tandemBench;
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const ready = performance.getEntriesByName('tandem:popup-ready', 'mark')[0]?.startTime ?? NaN;
    return {
      dcl: nav.domContentLoadedEventEnd,
      ready,
      idb: /** @type {{ what: string, start: number, end: number, n: number }[]} */ (t.idb),
      intl: /** @type {number} */ (t.intlAtReady),
      longTasks: /** @type {{ start: number, duration: number }[]} */ (t.longTasks),
    };
  });
}


/**
 * Medians over the instrumented opens: page load, IndexedDB requests (call → success), and what follows the
 * last read (grouping, the streak computation, rendering, the effect that sets the mark).
 * @param {Awaited<ReturnType<typeof readInstrumented>>[]} runs
 */
export function summarizeInstrumented(runs) {
  /** @type {Map<string, { ms: number[], start: number[], n: number }>} */
  const byWhat = new Map();
  const lastRead = [];
  const afterReads = [];
  const longAfter = [];
  for (const r of runs) {
    for (const e of r.idb.filter((q) => q.start <= r.ready)) {
      let s = byWhat.get(e.what);
      if (!s) byWhat.set(e.what, (s = { ms: [], start: [], n: e.n }));
      s.ms.push(e.end - e.start);
      s.start.push(e.start);
    }
    // The reads the ready mark waited for: the live query reads again right after the first paint (components/hooks.ts).
    const last = Math.max(...r.idb.map((e) => e.end).filter((x) => Number.isFinite(x) && x <= r.ready));
    lastRead.push(last);
    afterReads.push(r.ready - last);
    longAfter.push(r.longTasks.filter((t) => t.start + t.duration > last && t.start < r.ready).reduce((a, t) => a + t.duration, 0));
  }
  return {
    dcl: median(runs.map((r) => r.dcl)),
    ready: median(runs.map((r) => r.ready)),
    firstRequest: median(runs.map((r) => Math.min(...r.idb.map((e) => e.start)))),
    lastRead: median(lastRead),
    afterReads: median(afterReads),
    longTasksAfterReads: median(longAfter),
    intlCalls: median(runs.map((r) => r.intl)),
    requests: [...byWhat].map(([what, s]) => ({ what, n: s.n, ms: median(s.ms), start: median(s.start) })).sort((a, b) => a.start - b.start),
  };
}
