// The browser half of the history benchmark (scripts/bench/history.mjs): the popup and the database with five
// years × 20 commitments of history (scripts/history-fixture.ts) in the extension's IndexedDB.
//
// - Seeding: a fresh profile; options.html opens, which makes the extension create its Dexie database 'tandem'.
//   Once it exists at its current version, the page opens it with raw IndexedDB (no version argument, so no
//   upgrade can happen) and puts the records into `commitments`, `sessions` and `checkIns` in one transaction.
//   The records travel into page.evaluate as one JSON string. Nothing goes through the worker: no gate refresh.
// - The browser runs in the fixture's time zone (TZ in Chromium's environment at launch), so the popup judges
//   the days as the records were made; checked in the page.
// - popup.render.ms.5y20c: popup.html → performance.mark('tandem:popup-ready'), as popup.render.ms, after two
//   uncounted opens (the first pays for reading the bundle from disk); each open is left to finish drawing before
//   the next (popupOpens in popup-opens.mjs says why). popup.complete.ms.5y20c: the same opens until every card
//   and calendar is in. Back-to-back opens (the next at the previous one's mark) are measured too, and printed beside.
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
import { instrumentedPopups, popupOpens } from './popup-opens.mjs';
import { launchWithExtension } from '../../../tests/support/launch.mjs';
import { extensionUrl } from '../../../tests/support/tandem.mjs';
import { getWorker } from '../../../tests/support/worker.mjs';

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
export function seed(page, records, { clearOutcomes = false } = {}) {
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
      // Shaped as the pages send it (see timeMessage in coldstart-measure.mjs); checked answered.
      const tb = Date.now();
      const answer = await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh', requestId: crypto.randomUUID() }));
      if (answer === undefined) notes.push('gate.refresh after seeding got no answer: outcomes.build.browser.5y20c.ms not measured');
      else result.cacheBuildMs = Date.now() - tb;
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
          // Every commitment is in (popupOpens waited for them); a build that draws calendars on demand is asked for each.
          for (const t of await page.locator('[data-testid="calendar-toggle"]').all()) await t.click(); // all closed at first
          await page.waitForFunction((count) => document.querySelectorAll('[data-testid="commitment"] [data-testid="heatmap"]').length === count, cards, { timeout: timeoutMs });
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

