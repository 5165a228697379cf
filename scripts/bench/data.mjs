// data: export and import with 5 years × 20 commitments (scripts/history-fixture.ts) in the extension, through the
// options page as a person uses it (components/YourData.tsx), beside a floor measured in the same browser.
// Env BENCH_DATA_N (exports and imports measured, default 3), BENCH_SKIP_DATA=1 (leave it out).
// - export.ms.5y20c: the click on "Export my data" → Playwright's download event (every table read, the file
//   made and handed to the browser). export.floor.ms.5y20c: the least any export does, in the same page: raw
//   IndexedDB getAll of the same stores and one JSON.stringify.
// - import.ms.5y20c: the file picked → its preview shown (read, parsed and checked in the page), plus the confirm
//   → "Imported: …" (the worker checks the text again and replaces the records in one transaction, then the gate).
//   import.floor.ms.5y20c: JSON.parse of the same text and a raw put of every record in one transaction.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { figure, timing } from './lib/figures.mjs';
import { seed } from './lib/history-browser.mjs';
import { median, round1 } from '../stats.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { extensionUrl } from '../../tests/support/tandem.mjs';

const N = Math.max(1, Number.parseInt(process.env.BENCH_DATA_N ?? '3', 10) || 3);
const TZ = 'Europe/Berlin';
const STORES = ['commitments', 'sessions', 'checkIns', 'attempts', 'siteDays'];

/** @typedef {import('@playwright/test').Page} Page */

/** Raw reads of every store and one JSON.stringify: what any export must do at least. @param {Page} page */
const exportFloor = (page) =>
  page.evaluate(async (stores) => {
    const t0 = performance.now();
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = /** @type {IDBDatabase} */ (db).transaction(stores);
    const all = await Promise.all(stores.map((s) => new Promise((ok, ko) => {
      const r = tx.objectStore(s).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    })));
    const text = JSON.stringify(Object.fromEntries(stores.map((s, i) => [s, all[i]])));
    /** @type {IDBDatabase} */ (db).close();
    return { ms: performance.now() - t0, bytes: text.length };
  }, STORES);

/** JSON.parse of the file's text and a raw put of its records in one transaction: what any import must do. @param {Page} page @param {string} text */
const importFloor = (page, text) =>
  page.evaluate(async ({ text, stores }) => {
    const t0 = performance.now();
    const data = JSON.parse(text);
    const db = /** @type {IDBDatabase} */ (await new Promise((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    }));
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) for (const r of data[s] ?? []) tx.objectStore(s).put(r);
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
    return performance.now() - t0;
  }, { text, stores: STORES });

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'data',
  about: 'export and import of 5 years × 20 commitments through the options page, beside raw IndexedDB floors',
  browser: true,
  async run(ctx) {
    const { build } = ctx;
    if (process.env.BENCH_SKIP_TANDEM === '1' || !build.built) return { figures: [] };
    const { createJiti } = await import('jiti');
    /** @type {typeof import('../history-fixture.ts')} */
    const { makeHistory } = await createJiti(import.meta.url).import(pathToFileURL(path.join(build.root, 'scripts', 'history-fixture.ts')).href);
    const fixture = makeHistory({ now: Date.now(), timeZone: TZ });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-data-'));
    const tz = process.env.TZ;
    process.env.TZ = TZ; // Chromium takes its zone from TZ at start-up
    const ext = await launchWithExtension({ extensionPath: build.extensionPath }).finally(() => {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    });
    try {
      const page = await ext.context.newPage();
      page.setDefaultTimeout(Math.max(ctx.stepTimeoutMs, 60_000));
      await page.goto(extensionUrl(ext.extensionId, 'options.html'));
      await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'tandem' && (d.version ?? 0) >= 10));
      ctx.log(`data: seeding 5 years × 20 commitments, then ${N} exports and ${N} imports …`);
      await seed(page, { commitments: fixture.commitments, sessions: fixture.sessions, checkIns: fixture.checkIns }, { clearOutcomes: true });
      await page.reload();
      await page.getByTestId('commitment-row').first().waitFor();
      // The seed leaves no outcome caches: the worker judges five years once (as after an upgrade) and writes them
      // together. An export or import is timed after that, as a person's would be, not beside it.
      await page.waitForFunction(async (n) => {
        const db = await new Promise((resolve, reject) => {
          const r = indexedDB.open('tandem');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        try {
          const count = await new Promise((resolve) => {
            const r = db.transaction('outcomes').objectStore('outcomes').count();
            r.onsuccess = () => resolve(r.result);
          });
          return count >= n;
        } finally {
          db.close();
        }
      }, fixture.commitments.filter((c) => c.archivedAt === undefined).length, { polling: 250 });

      const exports = [], exportFloors = [], previews = [], applies = [], imports = [], importFloors = [];
      let file = '', bytes = 0;
      for (let i = 0; i < N; i++) {
        const t0 = Date.now();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
        exports.push(Date.now() - t0);
        file = path.join(dir, `export-${i}.json`);
        await download.saveAs(file);
        const floor = await exportFloor(page);
        exportFloors.push(floor.ms);
        bytes = floor.bytes;
      }
      const text = (await import('node:fs')).readFileSync(file, 'utf8');
      for (let i = 0; i < N; i++) {
        const t0 = Date.now();
        await page.getByTestId('import-file').setInputFiles(file);
        await page.getByTestId('import-confirm').waitFor();
        const t1 = Date.now();
        await page.getByTestId('import-confirm').click();
        await page.getByTestId('your-data-message').filter({ hasText: 'Imported:' }).waitFor();
        const t2 = Date.now();
        previews.push(t1 - t0);
        applies.push(t2 - t1);
        imports.push(t2 - t0);
        await page.getByTestId('your-data-message').evaluate((el) => el.remove()); // the next import's message is new
        importFloors.push(await importFloor(page, text));
      }
      return {
        figures: [
          timing('export.ms.5y20c', exports), timing('export.floor.ms.5y20c', exportFloors),
          timing('import.ms.5y20c', imports), timing('import.floor.ms.5y20c', importFloors),
          figure('export.bytes.5y20c', text.length, 'bytes'),
        ],
        detail: { exports, exportFloors, previews, applies, imports, importFloors, rawBytes: bytes, fileBytes: text.length },
      };
    } finally {
      await ext.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  report(details, { log }) {
    const d = details.filter(Boolean);
    if (!d.length) return;
    const all = (/** @type {string} */ k) => d.flatMap((x) => x[k] ?? []);
    const r = (/** @type {number[]} */ xs) => `${round1(median(xs))}`;
    log('');
    log(`Export/import, 5 years × 20 commitments (${round1(d[0].fileBytes / 1e6)} MB file): export ${r(all('exports'))} ms (floor ${r(all('exportFloors'))} ms: raw reads + JSON.stringify);`);
    log(`  import ${r(all('imports'))} ms = preview ${r(all('previews'))} ms (read, parse, check in the page) + apply ${r(all('applies'))} ms (the worker: check again, replace, gate); floor ${r(all('importFloors'))} ms (JSON.parse + raw puts). Target: each < 2000 ms.`);
  },
};
