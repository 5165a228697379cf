#!/usr/bin/env node
// Tandem's benchmark: how fast and how tightly the gate closes, against a typical blocker; how fast the popup shows.
// Run with `npm run bench` (builds first). Needs Debian's Chromium (/usr/bin/chromium or env CHROMIUM_PATH).
//
// Env: BENCH_N (navigations / popup opens per configuration, default 20),
//      BENCH_TIMEOUT_MS (whole run, default 600000), BENCH_SKIP_BASELINE=1, BENCH_SKIP_TANDEM=1,
//      BENCH_RESULTS (where to write, default bench-results.json at the repo root).
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

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (pos - lo);
}
const median = (/** @type {number[]} */ xs) => quantile(xs, 0.5);
const round1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;

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
            popupTimes = [];
            for (let i = 0; i < N; i++) {
              const page = await ext.context.newPage();
              try {
                await page.goto(extensionUrl(ext.extensionId, 'popup.html'), { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
                const mark = await waitForMark(page, 'tandem:popup-ready', { timeoutMs: STEP_TIMEOUT_MS });
                popupTimes.push(mark.startTime);
              } finally {
                await page.close().catch(() => {});
              }
            }
            figure('popup.render.ms', median(popupTimes), 'ms');
          },
        );
        figure('gate.navigations', N, 'navigations');
      }
    }
  } finally {
    await fx.close();
  }
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
