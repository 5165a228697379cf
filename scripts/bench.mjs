#!/usr/bin/env node
// Tandem's benchmark: how fast and how tightly the gate closes, against a typical blocker; how fast the popup shows.
// Run with `npm run bench` (builds first). Needs Debian's Chromium (/usr/bin/chromium or env CHROMIUM_PATH).
//
// Env: BENCH_N (navigations / popup opens per configuration, default 20),
//      BENCH_TIMEOUT_MS (whole run, default 600000), BENCH_SKIP_BASELINE=1, BENCH_SKIP_TANDEM=1,
//      BENCH_SKIP_HISTORY=1, BENCH_HISTORY_RUNS (computations timed in Node, default 15),
//      BENCH_RESULTS (where to write, default bench-results.json at the repo root),
//      BENCH_SKIP_SYNC=1 (no partner-sync figures; they need the Firestore emulator jar, Java and firebase-tools).
//
// Partner sync (docs/architecture.md, "Sync cost"):
// - sync.reads.per_day / sync.writes.per_day: Firestore document reads and writes of one heavy person-day with one
//   partner, simulated in Node against the emulators (scripts/bench-sync.ts, through jiti, in a child process).
// - worker.coldstart.ms.local / worker.coldstart.ms.sync: stopped worker → its answer to 'gate.refresh', medians,
//   for the local-only build and a build pointed at the emulators (scripts/bench-coldstart.mjs).
//
// History (5 years × 20 commitments, scripts/history-fixture.ts, made in Europe/Berlin and ending now):
// - streaks.5y20c.ms: median of BENCH_HISTORY_RUNS computations, after 5 uncounted ones, of what the popup
//   computes (pastByCommitment + viewToday, utils/core/today.ts), in Node with the product's code run from
//   TypeScript by jiti in a child process (scripts/bench-history.ts).
// - popup.render.ms.5y20c and db.bytes.5y20c: the same records seeded into the extension's IndexedDB in a fresh
//   profile; the popup to 'tandem:popup-ready' as popup.render.ms, and the database directory's size on disk
//   after the browser closed (scripts/bench-history-browser.mjs says how and why). popup.complete.ms.5y20c: the
//   same opens until every card and calendar is drawn.
//
// How the gate latency is measured
// - Each navigation happens in a fresh tab (about:blank), like typing the address into a new tab; the browser
//   navigates by itself to the gated URL via Playwright's page.goto (CDP Page.navigate).
// - t0 = Node's Date.now() taken right before page.goto. The end is the block page's
//   performance.mark('tandem:block-ready'), mapped onto the same Date.now() clock:
//   performance.timeOrigin + mark.startTime, corrected by the page's own offset between
//   (timeOrigin + performance.now()) and Date.now() (Chromium's timeOrigin comes from a monotonic clock).
//   Both ends are on the one wall clock of this machine, so the figure includes the ~1 ms of CDP round trip
//   before the navigation starts. We use this rather than the block page's own timeOrigin because a
//   webNavigation+tabs.update blocker starts a NEW navigation, whose timeOrigin hides the time lost before it;
//   for Tandem (a declarativeNetRequest redirect keeps the original navigation) the block page's timeOrigin is
//   printed as a check on the overhead ("nav start − t0").
// - A leak = a navigation for which at least one request reached the fixture server for the gated host
//   (counted 200 ms after the block page showed). "Rendered" = the gated page itself committed in the tab.
// - Cold: the extension's service worker is stopped through CDP (Target.closeTarget; checked gone) before
//   each navigation, as Chrome's 30 s idle timeout would leave it.
// - Two warm-up navigations per extension are not counted.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHistoryBrowser, popupOpens, summarizeInstrumented } from './bench-history-browser.mjs';
import { benchColdstart, reportColdstart } from './bench-coldstart.mjs';
import { median, quantile, round1 } from './stats.mjs';
import { startFixtureServer } from '../tests/support/fixture-server.mjs';
import { launchWithExtension } from '../tests/support/launch.mjs';
import { waitForMark } from '../tests/support/marks.mjs';
import { extensionUrl, saveAlwaysOpenCommitment } from '../tests/support/tandem.mjs';
import { getWorker, isWorkerRunning, stopServiceWorker } from '../tests/support/worker.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TANDEM_DIR = path.join(root, '.output', 'chrome-mv3');
const BASELINE_DIR = path.join(root, 'tests', 'bench', 'baseline-extension');
const RESULTS = process.env.BENCH_RESULTS ? path.resolve(process.env.BENCH_RESULTS) : path.join(root, 'bench-results.json');

const N = Math.max(1, Math.min(500, Number.parseInt(process.env.BENCH_N ?? '20', 10) || 20));
const TOTAL_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600000);
const HISTORY_RUNS = Math.max(1, Number.parseInt(process.env.BENCH_HISTORY_RUNS ?? '15', 10) || 15);
const HISTORY_TZ = 'Europe/Berlin';
const GATED_HOST = 'mail.google.com';
const WARMUPS = 2;
const SETTLE_MS = 200;
const STEP_TIMEOUT_MS = 10000;
/** Tandem's block page marks 'tandem:block-ready' when its first script runs (its static message is painted)
 * and this once it shows the commitment and progress from the database: reported as block.render.ms.*. */
const RENDER_MARK = 'tandem:block-rendered';

/** The gated URLs: a path that varies (no cache), a fragment with a query, `&` and a non-ASCII character. */
const gatedUrl = (/** @type {number} */ i) => `https://${GATED_HOST}/mail/u/${i % 10}/#inbox?x=${i}&y=ü`;

/** @type {{ name: string, value: number, unit: string }[]} */
const figures = [];
/** @type {string[]} */
const warnings = [];
let failed = false;

// ---------------------------------------------------------------------------------------------- helpers


/** @param {string} name @param {number} value @param {string} unit */
function figure(name, value, unit) {
  figures.push({ name, value: unit === 'ms' ? round1(value) : value, unit });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} s @param {number} n */
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
/** @param {string} s @param {number} n */
const padL = (s, n) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/**
 * @typedef {object} NavResult
 * @property {number} ms         t0 → block page's mark
 * @property {number} navStart   block page's timeOrigin − t0
 * @property {number} inPage     the mark's startTime (since the block page's own navigation start)
 * @property {number} renderMs   t0 → the block page showing the commitment (Tandem's 'tandem:block-rendered'), else NaN
 * @property {boolean} leaked    a request for the gated host reached the fixture server
 * @property {boolean} rendered  the gated page itself committed in the tab
 * @property {string} fragment   the block page's raw fragment (without '#')
 * @property {string} url        the URL navigated to
 */

/**
 * One navigation to a gated URL in a fresh tab, until the block page's mark.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 * @param {Awaited<ReturnType<typeof startFixtureServer>>} fx
 * @param {string} url
 * @param {string} [renderMark] a later mark for when the block page shows its content (Tandem only)
 * @returns {Promise<NavResult>}
 */
async function navigateOnce(context, extensionId, fx, url, renderMark) {
  const blockPrefix = extensionUrl(extensionId, 'block.html');
  const page = await context.newPage();
  let rendered = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith(`https://${GATED_HOST}/`)) rendered = true;
  });
  try {
    fx.reset();
    const t0 = Date.now();
    const nav = page.goto(url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS }).catch(() => {});
    const mark = await waitForMark(page, 'tandem:block-ready', { urlPrefix: blockPrefix, timeoutMs: STEP_TIMEOUT_MS });
    const shown = renderMark ? await waitForMark(page, renderMark, { urlPrefix: blockPrefix, timeoutMs: STEP_TIMEOUT_MS }) : undefined;
    await nav;
    await sleep(SETTLE_MS);
    const hash = mark.href.indexOf('#');
    return {
      ms: mark.epochMs - t0,
      renderMs: shown ? shown.epochMs - t0 : NaN,
      navStart: mark.timeOrigin - t0,
      inPage: mark.startTime,
      leaked: fx.countFor(GATED_HOST) > 0,
      rendered,
      fragment: hash >= 0 ? mark.href.slice(hash + 1) : '',
      url,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * N navigations with the worker warm or stopped before each.
 * @param {Awaited<ReturnType<typeof launchWithExtension>>} ext
 * @param {Awaited<ReturnType<typeof startFixtureServer>>} fx
 * @param {boolean} cold
 */
async function runGate(ext, fx, cold, renderMark) {
  /** @type {NavResult[]} */
  const results = [];
  for (let i = 0; i < N; i++) {
    if (cold) {
      await stopServiceWorker(ext.context, ext.extensionId);
      if (await isWorkerRunning(ext.context, ext.extensionId)) throw new Error('the worker is still running after the stop');
    } else {
      await getWorker(ext.context, ext.extensionId); // make sure it runs (a previous step may have stopped it)
    }
    results.push(await navigateOnce(ext.context, ext.extensionId, fx, gatedUrl(i), renderMark));
  }
  return results;
}

/** @param {Awaited<ReturnType<typeof launchWithExtension>>} ext @param {Awaited<ReturnType<typeof startFixtureServer>>} fx */
async function warmUp(ext, fx) {
  // Also waits (bounded) until the gate is in force, e.g. until Tandem's DNR rules are installed after saving.
  const deadline = Date.now() + 15000;
  let done = 0;
  let lastError = '';
  while (done < WARMUPS) {
    if (Date.now() > deadline) throw new Error(`the gate never redirected to block.html within 15 s (${lastError})`);
    try {
      await navigateOnce(ext.context, ext.extensionId, fx, gatedUrl(99));
      done++;
    } catch (err) {
      lastError = /** @type {Error} */ (err).message.split('\n')[0] ?? '';
      await sleep(250);
    }
  }
}

/**
 * @param {string} prefix 'gate' | 'baseline'
 * @param {string} extensionPath
 * @param {Awaited<ReturnType<typeof startFixtureServer>>} fx
 * @param {(ext: Awaited<ReturnType<typeof launchWithExtension>>) => Promise<void>} [setup]
 * @param {(ext: Awaited<ReturnType<typeof launchWithExtension>>) => Promise<void>} [more]
 */
async function benchExtension(prefix, extensionPath, fx, setup, more) {
  const ext = await launchWithExtension({ extensionPath, fixturePort: fx.port });
  try {
    if (setup) await setup(ext);
    await warmUp(ext, fx);
    /** @type {Record<string, NavResult[]>} */
    const byMode = {};
    for (const mode of ['warm', 'cold']) {
      const rs = await runGate(ext, fx, mode === 'cold', prefix === 'gate' ? RENDER_MARK : undefined);
      byMode[mode] = rs;
      figure(`${prefix}.ms.${mode}`, median(rs.map((r) => r.ms)), 'ms');
      if (prefix === 'gate') figure(`block.render.ms.${mode}`, median(rs.map((r) => r.renderMs)), 'ms');
      figure(`${prefix}.leaks.${mode}`, rs.filter((r) => r.leaked).length, 'navigations');
    }
    if (more) await more(ext);
    return byMode;
  } finally {
    await ext.close();
  }
}

// ---------------------------------------------------------------------------------------------- main

/** @type {Record<string, Record<string, NavResult[]>>} */
const runs = {};
/** @type {number[]} */
let popupTimes = [];

async function main() {
  const fx = await startFixtureServer();
  try {
    if (process.env.BENCH_SKIP_BASELINE !== '1') {
      console.log(`baseline (webNavigation + tabs.update): ${N} navigations warm, ${N} cold …`);
      runs.baseline = await benchExtension('baseline', BASELINE_DIR, fx);
    }

    if (process.env.BENCH_SKIP_TANDEM !== '1') {
      if (!existsSync(path.join(TANDEM_DIR, 'manifest.json'))) {
        failed = true;
        warnings.push(`Tandem is not built: no ${path.relative(root, TANDEM_DIR)}/manifest.json (run npm run build)`);
      } else {
        console.log(`Tandem (declarativeNetRequest): onboarding, ${N} navigations warm, ${N} cold, ${N} popup opens …`);
        runs.gate = await benchExtension(
          'gate',
          TANDEM_DIR,
          fx,
          async (ext) => {
            try {
              await saveAlwaysOpenCommitment(ext.context, ext.extensionId, { timeoutMs: STEP_TIMEOUT_MS });
            } catch (err) {
              throw new Error(`onboarding (onboarding.html → save-commitment → saved) failed: ${/** @type {Error} */ (err).message}`);
            }
          },
          async (ext) => {
            await getWorker(ext.context, ext.extensionId);
            // The one commitment onboarding saved: each open is left to draw its card and calendar (popupOpens).
            popupTimes = (await popupOpens(ext.context, ext.extensionId, N, { timeoutMs: STEP_TIMEOUT_MS, cards: 1 })).ready;
            figure('popup.render.ms', median(popupTimes), 'ms');
          },
        );
        figure('gate.navigations', N, 'navigations');
      }
    }
  } finally {
    await fx.close();
  }
  if (process.env.BENCH_SKIP_HISTORY !== '1') await benchHistory();
  if (process.env.BENCH_SKIP_SYNC !== '1') await benchSync();
}

// ---------------------------------------------------------------------------------------------- history

/** @type {any} what the Node computation printed */
let historyNode;
/** @type {any} what the browser part measured */
let historyBrowser;
/** @type {import('node:child_process').ChildProcess | undefined} */
let child;

/**
 * Runs scripts/<name> (TypeScript, through jiti) in a child process with `env` added; resolves with the JSON of
 * its last line of output.
 * @param {string} name
 * @param {Record<string, string>} env
 * @returns {Promise<any>}
 */
function runTsScript(name, env) {
  const jitiCli = path.join(path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')), 'lib', 'jiti-cli.mjs');
  return new Promise((resolve, reject) => {
    child = execFile(
      process.execPath,
      [jitiCli, path.join(root, 'scripts', name)],
      { cwd: root, timeout: 240000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        child = undefined;
        if (err) return reject(new Error(`scripts/${name} failed: ${err.message}\n${stderr}`));
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve(JSON.parse(line));
        } catch {
          reject(new Error(`scripts/${name} printed no JSON: ${line.slice(0, 200)}\n${stderr}`));
        }
      },
    );
  });
}

async function benchHistory() {
  const now = Date.now();
  console.log(`history, 5 years × 20 commitments: the popup's computation in Node, ${HISTORY_RUNS} runs …`);
  try {
    historyNode = await runTsScript('bench-history.ts', { BENCH_NOW: String(now), BENCH_TZ: HISTORY_TZ, BENCH_HISTORY_RUNS: String(HISTORY_RUNS) });
    figure('streaks.5y20c.ms', historyNode.medianMs, 'ms');
    figure('outcomes.build.5y20c.ms', historyNode.cacheBuildMs, 'ms');
  } catch (err) {
    failed = true;
    warnings.push(/** @type {Error} */ (err).message);
  }
  if (process.env.BENCH_SKIP_TANDEM === '1' || !existsSync(path.join(TANDEM_DIR, 'manifest.json'))) return;
  console.log(`history in the extension's IndexedDB (fresh profile, ${HISTORY_TZ}): seeding, popup opens …`);
  // The same generator as the Node part (same `now`, zone and seed: the same records), loaded through jiti.
  const { createJiti } = await import('jiti');
  /** @type {typeof import('./history-fixture.ts')} */
  const { makeHistory } = await createJiti(import.meta.url).import('./history-fixture.ts');
  const fixture = makeHistory({ now, timeZone: HISTORY_TZ });
  historyBrowser = await benchHistoryBrowser({
    extensionPath: TANDEM_DIR,
    fixture,
    n: N,
    warmups: WARMUPS,
    timeoutMs: STEP_TIMEOUT_MS,
    log: (line) => console.log(line),
  });
  figure('popup.render.ms.5y20c', median(historyBrowser.popupTimes), 'ms');
  figure('popup.complete.ms.5y20c', median(historyBrowser.popupComplete), 'ms');
  figure('db.bytes.5y20c', historyBrowser.dbBytes, 'bytes');
  if (historyBrowser.cacheBuildMs !== undefined) figure('outcomes.build.browser.5y20c.ms', historyBrowser.cacheBuildMs, 'ms');
  warnings.push(...historyBrowser.notes);
}

function report() {
  console.log('');
  console.log(`Chromium headless, ${N} navigations per row; ms from t0 (Date.now() before page.goto) to the block page's mark.`);
  console.log(`nav start − t0 = the block page's timeOrigin − t0; in page = the mark's startTime (from that timeOrigin);
content = t0 → Tandem's block page showing the commitment from its database; medians.`);
  const head = `${pad('configuration', 22)}${padL('median', 9)}${padL('p90', 9)}${padL('max', 9)}${padL('leaks', 8)}${padL('rendered', 10)}${padL('nav start−t0', 14)}${padL('in page', 9)}${padL('content', 9)}`;
  console.log(head);
  console.log('-'.repeat(head.length));
  for (const [prefix, label] of [['gate', 'Tandem (DNR)'], ['baseline', 'baseline (webNav)']]) {
    const byMode = runs[prefix];
    if (!byMode) continue;
    for (const mode of ['warm', 'cold']) {
      const rs = byMode[mode] ?? [];
      const ms = rs.map((r) => r.ms);
      console.log(
        `${pad(`${label} ${mode}`, 22)}${padL(`${round1(median(ms))}`, 9)}${padL(`${round1(quantile(ms, 0.9))}`, 9)}` +
          `${padL(`${round1(Math.max(...ms))}`, 9)}${padL(`${rs.filter((r) => r.leaked).length}/${rs.length}`, 8)}` +
          `${padL(`${rs.filter((r) => r.rendered).length}/${rs.length}`, 10)}${padL(`${round1(median(rs.map((r) => r.navStart)))}`, 14)}` +
          `${padL(`${round1(median(rs.map((r) => r.inPage)))}`, 9)}` +
          `${padL(prefix === 'gate' ? `${round1(median(rs.map((r) => r.renderMs)))}` : '–', 9)}`,
      );
    }
  }
  if (runs.gate && runs.baseline) {
    for (const mode of ['warm', 'cold']) {
      const g = figures.find((f) => f.name === `gate.ms.${mode}`)?.value ?? NaN;
      const b = figures.find((f) => f.name === `baseline.ms.${mode}`)?.value ?? NaN;
      console.log(`baseline / Tandem, ${mode}: ${round1(b / g)}×`);
    }
  }
  if (popupTimes.length) {
    console.log(`popup.html to 'tandem:popup-ready': median ${round1(median(popupTimes))} ms (p90 ${round1(quantile(popupTimes, 0.9))}, max ${round1(Math.max(...popupTimes))})`);
  }

  reportHistory();
  reportSync();

  // The original URL must survive the redirect exactly: fragment, '&' and non-ASCII (as the browser encodes it).
  for (const prefix of ['gate', 'baseline']) {
    const all = Object.values(runs[prefix] ?? {}).flat();
    if (!all.length) continue;
    const bad = all.filter((r) => r.fragment !== new URL(r.url).href);
    if (prefix === 'gate') {
      if (bad.length) {
        const r = /** @type {NavResult} */ (bad[0]);
        warnings.push(
          `block page's original URL differs from the URL navigated to in ${bad.length}/${all.length} navigations, ` +
            `e.g. navigated ${new URL(r.url).href} but the fragment is ${r.fragment}`,
        );
      } else {
        console.log(`original URL in block.html#…: intact in ${all.length}/${all.length} navigations (e.g. ${all[0]?.fragment})`);
      }
    } else if (bad.length) {
      console.log(`(baseline: original URL differs in ${bad.length}/${all.length} navigations)`);
    }
  }

  const gateLeaks = figures.filter((f) => f.name.startsWith('gate.leaks.')).reduce((a, f) => a + f.value, 0);
  if (gateLeaks > 0) {
    failed = true;
    warnings.push(`Tandem's gate leaked: ${gateLeaks} navigation(s) reached ${GATED_HOST}`);
  }

  console.log('');
  console.log(`${pad('figure', 22)}${padL('value', 10)}  unit`);
  for (const f of figures) console.log(`${pad(f.name, 22)}${padL(String(f.value), 10)}  ${f.unit}`);
  for (const w of warnings) console.log(`WARNING  ${w}`);
}

function reportHistory() {
  const hn = historyNode;
  const hb = historyBrowser;
  if (!hn && !hb) return;
  const r = (/** @type {number} */ x) => `${round1(x)}`;
  console.log('');
  if (hn) {
    const rec = hn.records;
    console.log(`History: ${rec.commitments} commitments over 5 years (${rec.sessions} focus sessions, ${rec.checkIns} check-ins), ${hn.timeZone}, day start 04:00.`);
    console.log(
      `streaks.5y20c.ms (Node, pastByCommitment + viewToday, ${hn.runs} runs after ${hn.warmups}): median ${r(hn.medianMs)} ms ` +
        `(p90 ${r(hn.p90Ms)}, min ${r(hn.minMs)}); past days ${r(hn.pastMedianMs)} ms, today's views ${r(hn.viewMedianMs)} ms — target < 10 ms`,
    );
    console.log(
      `  ${hn.recordDays} commitment-days with records are judged in full (statusOn: window bounds in the time zone); ` +
        `${hn.intlCallsPerRun} Intl formatToParts calls per computation × ${hn.intlUsPerCall} µs ≈ ${r((hn.intlCallsPerRun * hn.intlUsPerCall) / 1000)} ms of it`,
    );
  }
  if (hb) {
    const times = hb.popupTimes;
    const empty = popupTimes.length ? `${r(median(popupTimes))} ms with an empty database (popup.render.ms), ` : '';
    console.log(
      `popup.render.ms.5y20c: median ${r(median(times))} ms (p90 ${r(quantile(times, 0.9))}, max ${r(Math.max(...times))}) — target < 100 ms; ` +
        `${empty}${r(median(hb.popupNoHistory))} ms with the 20 commitments and no history`,
    );
    console.log(
      `  every card and calendar in (popup.complete.ms.5y20c): median ${r(median(hb.popupComplete))} ms; ` +
        `opened back to back instead (each closed at its mark, the next at once, beside the previous one's drawing): median ${r(median(hb.popupBackToBack))} ms`,
    );
    const bare = summarizeInstrumented(hb.instrumentedNoHistory);
    console.log(
      `  with the 20 commitments and no history: last read done ${r(bare.lastRead)} ms, then ${r(bare.afterReads)} ms to the mark ` +
        `(long tasks ${r(bare.longTasksAfterReads)} ms: rendering the first screen's cards; the other cards and the heatmaps follow after the mark; ${bare.intlCalls} formatToParts calls)`,
    );
    const s = summarizeInstrumented(hb.instrumented);
    const reads = s.requests.map((q) => `${q.what} ${r(q.ms)} ms${q.n ? ` (${q.n})` : ''}`).join(', ');
    console.log(`  inside the popup (median of ${hb.instrumented.length} instrumented opens, ms from its navigation start):`);
    console.log(`    DOMContentLoaded (bundle loaded, first empty render) ${r(s.dcl)}; first IndexedDB request ${r(s.firstRequest)}; last read done ${r(s.lastRead)}; ready mark ${r(s.ready)}`);
    console.log(`    IndexedDB, call → success: ${reads}`);
    const intlMs = hb.raw ? (s.intlCalls * hb.raw.intlUsPerCall) / 1000 : NaN;
    console.log(
      `    after the last read: ${r(s.afterReads)} ms to the mark (grouping in loadCheckIn, pastByCommitment + viewToday and rendering for the first screen's cards, ` +
        `the layout effect that sets the mark); long tasks in it ${r(s.longTasksAfterReads)} ms; ${s.intlCalls} formatToParts calls × ${hb.raw ? hb.raw.intlUsPerCall.toFixed(2) : '?'} µs here ≈ ${r(intlMs)} ms`,
    );
    if (hb.raw) {
      const raw = Object.entries(hb.raw.stores).map(([name, x]) => `${name} ${r(/** @type {any} */ (x).ms)} ms (${/** @type {any} */ (x).n})`).join(', ');
      console.log(`    raw getAll in the page, warm, best of 3: ${raw}`);
    }
    const mb = (/** @type {number} */ b) => `${(b / 1e6).toFixed(2)} MB`;
    console.log(
      `db.bytes.5y20c: ${hb.dbBytes} bytes (${mb(hb.dbBytes)}), the IndexedDB directory after closing the browser; records as JSON ${mb(hb.jsonBytes)}; ` +
        `storage.estimate() IndexedDB before/right after seeding ${mb(hb.estimateBefore.indexedDB)} → ${mb(hb.estimateAfter.indexedDB)} (before compaction); seeding took ${hb.seedMs} ms`,
    );
    if (hn && hb.cards.length) {
      const byTitle = new Map(hn.perCommitment.map((/** @type {any} */ c) => [c.title, c]));
      const agree = hb.cards.filter((/** @type {any} */ c) => {
        const n = /** @type {any} */ (byTitle.get(c.title));
        return n && c.status === n.status && c.heatmap.includes(`: ${n.heatmapDone} done, ${n.heatmapMissed} missed`);
      }).length;
      console.log(`  check: the popup shows ${hb.cards.length} commitments; status and 16-week heatmap counts agree with Node's for ${agree}/${hb.cards.length}`);
      // The history seeding clears the outcome cache the worker may have built while only the commitments were in
      // (it judged the 5 years without their records then); a disagreement means something else went wrong.
      if (agree !== hb.cards.length) warnings.push(`the popup disagrees with Node for ${hb.cards.length - agree}/${hb.cards.length} commitments: popup.render.ms.5y20c did not measure the 5-year history`);
    }
  }
}

// ---------------------------------------------------------------------------------------------- sync

/** @type {any} what scripts/bench-sync.ts printed */
let syncDay;
/** @type {Awaited<ReturnType<typeof benchColdstart>> | undefined} */
let coldstart;

/** An emulator that cannot run here is a loud skip, not a failure (as in the tests). */
function syncProblem(/** @type {unknown} */ err) {
  const e = /** @type {Error & { reason?: string }} */ (err);
  if (e?.name === 'EmulatorUnavailableError' || /EmulatorUnavailableError/.test(String(e?.message))) {
    warnings.push(`SYNC FIGURES SKIPPED — NOT MEASURED: ${e.reason ?? e.message}`);
  } else {
    failed = true;
    warnings.push(e?.stack ?? String(err));
  }
}

async function benchSync() {
  console.log('sync: one heavy person-day with one partner against the Firestore and Auth emulators (Node) …');
  try {
    syncDay = await runTsScript('bench-sync.ts', { BENCH_TZ: HISTORY_TZ });
    figure('sync.reads.per_day', syncDay['sync.reads.per_day'], 'reads');
    figure('sync.writes.per_day', syncDay['sync.writes.per_day'], 'writes');
    if (syncDay['sync.reads.per_day'] > 100) warnings.push(`sync.reads.per_day ${syncDay['sync.reads.per_day']} is over the target of 100`);
    if (syncDay['sync.writes.per_day'] > 50) warnings.push(`sync.writes.per_day ${syncDay['sync.writes.per_day']} is over the target of 50`);
  } catch (err) {
    syncProblem(err);
  }
  console.log(`worker cold start: local-only and sync builds, ${N} rounds each …`);
  try {
    coldstart = await benchColdstart({ n: N, log: (line) => console.log(line) });
    figure('worker.coldstart.ms.local', coldstart.local.median, 'ms');
    figure('worker.coldstart.ms.sync', coldstart.sync.median, 'ms');
    if (coldstart.diff.median > 20) warnings.push(`the sync build's worker cold start is ${coldstart.diff.median} ms over the local-only build's (target ≤ 20 ms)`);
  } catch (err) {
    syncProblem(err);
  }
}

function reportSync() {
  if (syncDay) {
    const d = syncDay;
    console.log('');
    console.log(`Sync, one heavy person-day with one partner (${d.wakingHours} h, ${d.timeZone}, seed ${d.seed}; Firestore emulator, document reads/writes):`);
    console.log(`${pad('', 28)}${padL('reads', 8)}${padL('writes', 8)}`);
    console.log(`${pad('Ana (heavy day)', 28)}${padL(String(d.ana.reads), 8)}${padL(String(d.ana.writes), 8)}`);
    console.log(`${pad('Ben, her partner (light)', 28)}${padL(String(d.ben.reads), 8)}${padL(String(d.ben.writes), 8)}`);
    console.log(`${pad('target per person-day', 28)}${padL('≤ 100', 8)}${padL('≤ 50', 8)}`);
    for (const [cause, r] of Object.entries(/** @type {Record<string, any>} */ (d.ana.byCause))) {
      if (r.reads || r.writes) console.log(`  Ana, ${pad(cause, 24)} ×${padL(String(r.n), 3)}: ${r.reads} reads, ${r.writes} writes`);
    }
    console.log(`  pairing (once, not in the day): ${d.pairing.ana.reads} + ${d.pairing.ana.writes} (Ana), ${d.pairing.ben.reads} + ${d.pairing.ben.writes} (Ben) reads + writes`);
  }
  if (coldstart) {
    console.log('');
    reportColdstart(coldstart);
  }
}

function writeResults() {
  /** @type {{ figures: { name: string, value: number, unit: string }[] }} */
  let existing = { figures: [] };
  if (existsSync(RESULTS)) {
    try {
      const parsed = JSON.parse(readFileSync(RESULTS, 'utf8'));
      if (Array.isArray(parsed?.figures)) existing = parsed;
    } catch {
      console.log(`(could not parse the existing ${path.basename(RESULTS)}; rewriting it)`);
    }
  }
  const names = new Set(figures.map((f) => f.name));
  const merged = { ...existing, figures: [...existing.figures.filter((f) => !names.has(f.name)), ...figures] };
  writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`wrote ${figures.length} figures to ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${TOTAL_TIMEOUT_MS} ms`);
  child?.kill();
  process.exit(2);
}, TOTAL_TIMEOUT_MS);

try {
  await main();
} catch (err) {
  failed = true;
  warnings.push(/** @type {Error} */ (err).stack ?? String(err));
} finally {
  clearTimeout(watchdog);
}
report();
if (figures.length) writeResults();
process.exitCode = failed ? 1 : 0;
