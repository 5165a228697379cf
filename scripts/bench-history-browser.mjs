// The browser half of the history benchmark (scripts/bench.mjs): the popup and the database with five years ×
// 20 commitments of history (scripts/history-fixture.ts) in the extension's IndexedDB.
//
// - Seeding: a fresh profile; options.html opens, which makes the extension create its Dexie database 'tandem'.
//   Once it exists at its current version, the page opens it with raw IndexedDB (no version argument, so no
//   upgrade can happen) and puts the records into `commitments`, `sessions` and `checkIns` in one transaction.
//   The records travel into page.evaluate as one JSON string. Nothing goes through the worker: no gate refresh.
// - The browser runs in the fixture's time zone (TZ in Chromium's environment at launch), so the popup judges
//   the days as the records were made; checked in the page.
// - popup.render.ms.5y20c: popup.html → performance.mark('tandem:popup-ready'), as popup.render.ms, after two
//   uncounted opens (the first pays for reading the bundle from disk); each open is left to finish drawing before
//   the next (popupOpens says why). popup.complete.ms.5y20c: the same opens until every card and calendar is in.
//   Back-to-back opens (the next at the previous one's mark) are measured too, and printed beside.
// - Where the time goes: a few more opens with an init script (before the page's own scripts) that timestamps
//   every IndexedDB request from the call to its success event, counts Intl.DateTimeFormat#formatToParts calls
//   (the core's time-zone arithmetic goes through it) and records long tasks. Not part of the figure.
// - db.bytes.5y20c: the size on disk of the extension's IndexedDB directory
//   (<profile>/Default/IndexedDB/chrome-extension_<id>_0.indexeddb.leveldb) after the browser has closed.
//   Chosen over navigator.storage.estimate() right after seeding because LevelDB first writes everything to its
//   log and then compacts it into snappy-compressed tables in the background: the estimate taken right away
//   counted ~15 MB where the settled database is ~11 MB. Measured: after a restart, Chromium's own estimate
//   (usageDetails.indexedDB) equals this directory's size to the byte, so this is what the quota system and the
//   disk both hold at rest. The estimate before/after seeding is printed next to it.

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../tests/support/launch.mjs';
import { waitForMark } from '../tests/support/marks.mjs';
import { extensionUrl } from '../tests/support/tandem.mjs';
import { getWorker } from '../tests/support/worker.mjs';
import { median } from './stats.mjs';

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */

const STORES = ['commitments', 'sessions', 'checkIns'];

/** @param {string} dir */
function dirBytes(dir) {
  let n = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, f.name);
    n += f.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

/**
 * Opens popup.html `n` times (each in a new page, closed after), after `warmups` uncounted opens. Returns, for
 * each counted open, `ready`: the 'tandem:popup-ready' mark's startTime (ms since the page's navigation start),
 * and `complete`: when every card and its calendar were in the page (measured at the next animation frame).
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
            const shown = document.querySelectorAll('[data-testid="commitment"]');
            const drawn = document.querySelectorAll('[data-testid="commitment"] [data-testid="heatmap"]');
            return shown.length === count && drawn.length === count && performance.now();
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
async function instrumentedPopups(context, extensionId, k, { timeoutMs, cards, last }) {
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
 * In an open extension page: raw IndexedDB getAll of each store, best of `repeat` (warm), and what one
 * formatToParts call costs here (the formatter days.ts builds).
 * @param {Page} page
 * @param {string} timeZone
 */
async function rawReads(page, timeZone, repeat = 3) {
  return page.evaluate(
    async ({ stores, timeZone, repeat }) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tandem');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      /** @type {Record<string, { ms: number, n: number }>} */
      const out = {};
      for (const name of stores) {
        for (let k = 0; k < repeat; k++) {
          const t0 = performance.now();
          const rows = await new Promise((resolve, reject) => {
            const r = db.transaction(name, 'readonly').objectStore(name).getAll();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
          const ms = performance.now() - t0;
          if (!out[name] || ms < out[name].ms) out[name] = { ms, n: rows.length };
        }
      }
      db.close();
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      const base = Date.now();
      const t0 = performance.now();
      for (let i = 0; i < 20000; i++) f.formatToParts(base - i * 3_600_000);
      return { stores: out, intlUsPerCall: ((performance.now() - t0) / 20000) * 1000 };
    },
    { stores: STORES, timeZone, repeat },
  );
}

/** navigator.storage.estimate() in an extension page: total usage and IndexedDB's share. @param {Page} page */
function estimate(page) {
  return page.evaluate(async () => {
    const e = /** @type {StorageEstimate & { usageDetails?: Record<string, number> }} */ (await navigator.storage.estimate());
    return { usage: e.usage ?? NaN, indexedDB: e.usageDetails?.indexedDB ?? NaN };
  });
}

/**
 * Puts records into the extension's existing database 'tandem' with raw IndexedDB, in one transaction.
 * Old records arriving behind the worker's back make its outcome cache (judged settled days, derived data)
 * wrong: the worker may already have judged those days without them (it refreshes on tab, focus and alarm
 * events while the commitments alone are in). So the seeding clears `outcomes` in the same transaction; the
 * worker judges the days again at the next refresh.
 * @param {Page} page an extension page
 * @param {Record<string, object[]>} records by object store
 * @param {{ clearOutcomes?: boolean }} [options]
 */
function seed(page, records, { clearOutcomes = false } = {}) {
  return page.evaluate(async ({ json, clearOutcomes }) => {
    const data = JSON.parse(json);
    /** @type {IDBDatabase} */
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('tandem'); // no version: the extension's current one, never an upgrade
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      const names = Object.keys(data);
      const missing = names.filter((s) => !db.objectStoreNames.contains(s));
      if (missing.length) throw new Error(`no object store ${missing.join(', ')} in 'tandem' v${db.version}`);
      const tx = db.transaction(clearOutcomes ? [...names, 'outcomes'] : names, 'readwrite');
      const done = new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      });
      if (clearOutcomes) tx.objectStore('outcomes').clear();
      for (const name of names) {
        const store = tx.objectStore(name);
        for (const r of data[name]) store.put(r);
      }
      await done;
      return { version: db.version, counts: Object.fromEntries(names.map((s) => [s, data[s].length])) };
    } finally {
      db.close();
    }
  }, { json: JSON.stringify(records), clearOutcomes });
}

/**
 * @param {object} o
 * @param {string} o.extensionPath
 * @param {{ now: number, timeZone: string, commitments: object[], sessions: object[], checkIns: object[] }} o.fixture
 * @param {number} o.n              popup opens per measurement
 * @param {number} [o.warmups]
 * @param {number} [o.instrumentedOpens]
 * @param {number} [o.timeoutMs]
 * @param {(line: string) => void} [o.log]
 */
export async function benchHistoryBrowser({ extensionPath, fixture, n, warmups = 2, instrumentedOpens = 5, timeoutMs = 10000, log = () => {} }) {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-history-'));
  /** @type {string[]} */
  const notes = [];
  try {
    // Chromium takes its time zone from TZ at start-up; Node's own clock is put back at once.
    const tz = process.env.TZ;
    process.env.TZ = fixture.timeZone;
    let ext;
    try {
      ext = await launchWithExtension({ extensionPath, profileDir });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const idbDir = path.join(profileDir, 'Default', 'IndexedDB', `chrome-extension_${ext.extensionId}_0.indexeddb.leveldb`);
    /** @type {any} */
    const result = { notes, profileDir };
    try {
      const options = await ext.context.newPage();
      options.setDefaultTimeout(timeoutMs);
      await options.goto(extensionUrl(ext.extensionId, 'options.html'));
      const pageZone = await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      if (pageZone !== fixture.timeZone) notes.push(`the browser runs in ${pageZone}, not ${fixture.timeZone}: the popup judges days in another zone than the records were made in`);
      // The extension creates its database (Dexie, IndexedDB version = schema version × 10) when a page reads it.
      await options.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'tandem' && (d.version ?? 0) >= 10), null, { timeout: timeoutMs });
      result.estimateBefore = await estimate(options);
      // First the 20 commitments alone: the popup with the same cards and no history, to tell the history's
      // share of the time from the cards'.
      await seed(options, { commitments: fixture.commitments });
      await options.close();
      await getWorker(ext.context, ext.extensionId);
      log(`  popup with the 20 commitments and no history: ${warmups} warm-up + ${n} opens …`);
      const cards = fixture.commitments.length;
      result.popupNoHistory = (await popupOpens(ext.context, ext.extensionId, n, { timeoutMs, warmups, cards })).ready;
      result.instrumentedNoHistory = await instrumentedPopups(ext.context, ext.extensionId, Math.min(3, instrumentedOpens), { timeoutMs, cards });

      const seeder = await ext.context.newPage();
      seeder.setDefaultTimeout(timeoutMs);
      await seeder.goto(extensionUrl(ext.extensionId, 'options.html'));
      const history = { sessions: fixture.sessions, checkIns: fixture.checkIns };
      result.jsonBytes = JSON.stringify(history).length;
      const t0 = Date.now();
      result.seeded = await seed(seeder, history, { clearOutcomes: true });
      result.seedMs = Date.now() - t0;
      result.estimateAfter = await estimate(seeder);
      // What the worker does within the hour (its recheck alarm) or at the next event: judge the settled days
      // once into the outcome cache. A one-time cost after an upgrade; timed as the whole message round trip.
      const tb = Date.now();
      await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh' }));
      result.cacheBuildMs = Date.now() - tb;
      await seeder.close();

      await getWorker(ext.context, ext.extensionId);
      log(`  popup with 5 years × 20 commitments: ${warmups} warm-up + ${n} opens …`);
      /** @type {{ title: string, status: string, heatmap: string }[]} */
      let shown = [];
      const opens = await popupOpens(ext.context, ext.extensionId, n, {
        timeoutMs,
        warmups,
        cards,
        onReady: async (page, i) => {
          if (i !== n - 1) return;
          // Every card and calendar is in (popupOpens waited for them).
          shown = await page.locator('[data-testid="commitment"]').evaluateAll((els) =>
            els.map((el) => ({
              title: el.querySelector('h2')?.textContent ?? '',
              status: el.getAttribute('data-status') ?? '',
              heatmap: el.querySelector('[data-testid="heatmap"]')?.getAttribute('aria-label') ?? '',
            })),
          );
        },
      });
      result.cards = shown;
      result.popupTimes = opens.ready;
      result.popupComplete = opens.complete;

      log(`  where the time goes: ${instrumentedOpens} instrumented opens …`);
      result.instrumented = await instrumentedPopups(ext.context, ext.extensionId, instrumentedOpens, {
        timeoutMs,
        cards,
        last: async (page) => {
          result.raw = await rawReads(page, fixture.timeZone);
        },
      });
      // Last, so that no settled open runs beside these.
      log(`  the same, back to back (each closed at its mark, the next opened at once): ${n} opens …`);
      result.popupBackToBack = (await popupOpens(ext.context, ext.extensionId, n, { timeoutMs })).ready;
    } finally {
      await ext.close();
    }
    // After the close: LevelDB's log and tables as they stay on disk (see the note at the top).
    result.dbBytes = dirBytes(idbDir);
    return result;
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
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
