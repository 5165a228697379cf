#!/usr/bin/env node
// worker.coldstart.ms.local and worker.coldstart.ms.sync: what partner sync adds to a stopped MV3 worker's first
// event. Run on its own (`node scripts/bench-coldstart.mjs`, prints a report and one JSON line last) or from
// scripts/bench.mjs (benchColdstart()). Needs Debian's Chromium (/usr/bin/chromium or env CHROMIUM_PATH), one
// headless browser at a time.
//
// Builds
// - local: the local-only build, .output/chrome-mv3 (from `npm run build`; built here with `npx wxt build` and no
//   Firebase settings if it is missing; env BENCH_COLDSTART_LOCAL_DIR to use another directory). Checked: its
//   options page must say partner sync is off.
// - sync: built here with `npx wxt build` into .output/bench-sync (TANDEM_OUT_DIR) against the Firestore and Auth
//   emulators started here (the emulator addresses are build-time settings, as in tests/e2e/partners.spec.ts), and
//   measured while they run. No pair is set up: the worker connects to Firebase only on the first use of a partner
//   feature (utils/firestore/connect.ts), never at start-up.
//
// How (per build, in a fresh profile; BENCH_N rounds in all, default 20, split in BENCH_COLDSTART_BLOCKS blocks,
// default 2, the builds taking turns: local, sync, local, sync): open options.html; 2 uncounted rounds, then
// rounds of: stop the worker (CDP Target.closeTarget, checked gone: tests/support/worker.mjs), then, in the page,
//   t = performance.now(); await chrome.runtime.sendMessage({ type: 'gate.refresh' }); ms = performance.now() − t
// i.e. from a stopped worker to its answer: the worker's start, its script's evaluation (the whole bundle, module
// top levels included), the listener and the handler (refreshGate: opening the database, reading commitments,
// updating the DNR rules, setting the alarm). Also, per round:
// - started: the worker's performance.timeOrigin (its global scope created) − t, both on the wall clock (each side's
//   offset between timeOrigin + performance.now() and Date.now() corrected);
// - noop: the same stop, then a message no handler takes ({ type: 'bench.noop' }): it is answered as soon as the
//   worker has started, evaluated its script and run the listeners, so it is the first-event cost without the
//   gate's own work (the closest a page can get to "first event handled");
// - warm: gate.refresh with the worker running (the handler alone).

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startAuthEmulator, startFirestoreEmulator } from '../tests/support/emulators.mjs';
import { launchWithExtension } from '../tests/support/launch.mjs';
import { extensionUrl } from '../tests/support/tandem.mjs';
import { getWorker, isWorkerRunning, stopServiceWorker } from '../tests/support/worker.mjs';
import { quantile, round1 } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = 'demo-tandem-bench-coldstart';
const WARMUPS = 2;
const STEP_TIMEOUT_MS = 15000;
const BLOCKS = Math.max(1, Number.parseInt(process.env.BENCH_COLDSTART_BLOCKS ?? '2', 10) || 2);

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `npx wxt build` with these settings (and none of the Firebase ones from this process's environment).
 * @param {Record<string, string>} env
 */
function wxtBuild(env) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WXT_FIREBASE_') && !k.endsWith('_EMULATOR_HOST') && k !== 'TANDEM_OUT_DIR'));
  return new Promise((resolve, reject) => {
    execFile('npx', ['wxt', 'build'], { cwd: root, env: { ...clean, ...env }, timeout: 300000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npx wxt build failed: ${err.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else resolve(undefined);
    });
  });
}

/** @param {string} dir */
function bundleSize(dir) {
  const file = path.join(dir, 'background.js');
  return { bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
}

/**
 * One page-side timing: from `send` to the answer (or the rejection when nothing answers), plus the worker's start.
 * @param {import('@playwright/test').Page} page
 * @param {string} type
 */
function timeMessage(page, type) {
  return page.evaluate(async (messageType) => {
    const skew = Date.now() - (performance.timeOrigin + performance.now());
    const t = performance.now();
    let error = null;
    try {
      await chrome.runtime.sendMessage({ type: messageType });
    } catch (e) {
      error = String(/** @type {Error} */ (e)?.message ?? e);
    }
    const ms = performance.now() - t;
    return { ms, sentAtEpoch: performance.timeOrigin + t + skew, error };
  }, type);
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 */
async function workerStartedAt(context, extensionId) {
  const worker = await getWorker(context, extensionId);
  return worker.evaluate(() => performance.timeOrigin + (Date.now() - (performance.timeOrigin + performance.now())));
}

/**
 * @param {{ extensionPath: string, n: number, expect: 'local' | 'sync', log: (line: string) => void }} options
 */
async function measure({ extensionPath, n, expect, log }) {
  const ext = await launchWithExtension({ extensionPath });
  try {
    const { context, extensionId } = ext;
    const page = await context.newPage();
    await page.goto(extensionUrl(extensionId, 'options.html'));
    await page.getByTestId('partner-settings').waitFor({ timeout: STEP_TIMEOUT_MS });
    const off = await page.getByTestId('partner-off').count();
    if ((off > 0) !== (expect === 'local')) {
      throw new Error(`${extensionPath} is not a ${expect} build: its options page ${off ? 'says' : 'does not say'} partner sync is off`);
    }
    await sleep(500); // let the page's own first messages (partner.pull on open) finish

    const cold = async (/** @type {string} */ type) => {
      await stopServiceWorker(context, extensionId);
      if (await isWorkerRunning(context, extensionId)) throw new Error('the worker is still running after the stop');
      await sleep(100);
      const r = await timeMessage(page, type);
      const started = await workerStartedAt(context, extensionId);
      return { ...r, started: started - r.sentAtEpoch };
    };

    for (let i = 0; i < WARMUPS; i++) await cold('gate.refresh');
    /** @type {{ ms: number, started: number, error: string | null }[]} */
    const refresh = [];
    /** @type {{ ms: number, started: number, error: string | null }[]} */
    const noop = [];
    for (let i = 0; i < n; i++) {
      const r = await cold('gate.refresh');
      if (r.error) throw new Error(`gate.refresh failed: ${r.error}`);
      refresh.push(r);
      noop.push(await cold('bench.noop'));
    }
    await getWorker(context, extensionId);
    /** @type {number[]} */
    const warm = [];
    for (let i = 0; i < n; i++) warm.push((await timeMessage(page, 'gate.refresh')).ms);
    return {
      refresh: refresh.map((r) => r.ms),
      started: refresh.map((r) => r.started),
      noop: noop.map((r) => r.ms),
      noopAnswer: noop[0]?.error ?? 'answered',
      warm,
    };
  } finally {
    await ext.close();
  }
}

/** @param {number[]} xs */
const stats = (xs) => ({ median: round1(quantile(xs, 0.5)), p90: round1(quantile(xs, 0.9)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)) });

/**
 * Both builds, one after the other (never two browsers at once).
 * @param {{ n?: number, log?: (line: string) => void }} [options]
 */
export async function benchColdstart({ n = 20, log = (line) => console.log(line) } = {}) {
  const localDir = path.resolve(root, process.env.BENCH_COLDSTART_LOCAL_DIR ?? '.output/chrome-mv3');
  if (!existsSync(path.join(localDir, 'manifest.json'))) {
    log(`cold start: building the local-only build (${path.relative(root, localDir)}) …`);
    if (process.env.BENCH_COLDSTART_LOCAL_DIR) throw new Error(`no manifest.json in ${localDir}`);
    await wxtBuild({});
  }
  log('cold start: starting the emulators and building the sync build (.output/bench-sync) …');
  const [firestore, auth] = await Promise.all([startFirestoreEmulator(), startAuthEmulator({ projectId: PROJECT })]);
  try {
    await wxtBuild({
      TANDEM_OUT_DIR: '.output/bench-sync',
      WXT_FIREBASE_PROJECT_ID: PROJECT,
      WXT_FIREBASE_API_KEY: 'demo-key',
      WXT_FIRESTORE_EMULATOR_HOST: `${firestore.host}:${firestore.port}`,
      WXT_AUTH_EMULATOR_HOST: `${auth.host}:${auth.port}`,
    });
    const syncDir = path.join(root, '.output', 'bench-sync', 'chrome-mv3');
    // Alternating blocks (local, sync, local, sync …), each in a fresh browser, so a busy moment on the machine
    // does not fall on one build only.
    const blocks = Math.max(1, Math.min(n, BLOCKS));
    /** @type {Record<'local' | 'sync', Awaited<ReturnType<typeof measure>>[]>} */
    const parts = { local: [], sync: [] };
    for (let b = 0; b < blocks; b++) {
      const rounds = Math.floor(n / blocks) + (b < n % blocks ? 1 : 0);
      for (const [name, extensionPath] of /** @type {const} */ ([['local', localDir], ['sync', syncDir]])) {
        log(`cold start: ${name} build, block ${b + 1}/${blocks}: ${WARMUPS} + ${rounds} rounds …`);
        parts[name].push(await measure({ extensionPath, n: rounds, expect: name, log }));
      }
    }
    const merge = (/** @type {Awaited<ReturnType<typeof measure>>[]} */ ms) => ({
      refresh: ms.flatMap((m) => m.refresh), started: ms.flatMap((m) => m.started), noop: ms.flatMap((m) => m.noop),
      warm: ms.flatMap((m) => m.warm), noopAnswer: ms[0]?.noopAnswer ?? '',
    });
    const local = merge(parts.local);
    const sync = merge(parts.sync);
    const result = {
      n,
      local: { ...stats(local.refresh), started: stats(local.started), noop: stats(local.noop), warm: stats(local.warm), background: bundleSize(localDir) },
      sync: { ...stats(sync.refresh), started: stats(sync.started), noop: stats(sync.noop), warm: stats(sync.warm), background: bundleSize(syncDir) },
      noopAnswer: local.noopAnswer,
      raw: { local, sync },
    };
    return { ...result, diff: { median: round1(result.sync.median - result.local.median), p90: round1(result.sync.p90 - result.local.p90) } };
  } finally {
    await Promise.all([firestore.stop(), auth.stop()]);
  }
}

/** @param {Awaited<ReturnType<typeof benchColdstart>>} r @param {(line: string) => void} log */
export function reportColdstart(r, log = (line) => console.log(line)) {
  const row = (/** @type {string} */ label, /** @type {any} */ s) =>
    `${label.padEnd(26)}${String(s.median).padStart(9)}${String(s.p90).padStart(9)}${String(s.min).padStart(9)}${String(s.max).padStart(9)}`;
  log(`Worker cold start (stopped worker → answer, from options.html; ${r.n} rounds each, ms):`);
  log(`${'configuration'.padEnd(26)}${'median'.padStart(9)}${'p90'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
  for (const [name, s] of [['local', r.local], ['sync', r.sync]]) {
    log(row(`${name} gate.refresh, cold`, s));
    log(row(`${name}   worker started`, s.started));
    log(row(`${name} no-op message, cold`, s.noop));
    log(row(`${name} gate.refresh, warm`, s.warm));
  }
  log(`sync − local, gate.refresh cold: median ${r.diff.median} ms, p90 ${r.diff.p90} ms — target ≤ 20 ms`);
  const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KiB`;
  log(`background.js: local ${r.local.background.bytes} bytes (${kb(r.local.background.bytes)}, gzip ${kb(r.local.background.gzip)}), sync ${r.sync.background.bytes} bytes (${kb(r.sync.background.bytes)}, gzip ${kb(r.sync.background.gzip)})`);
  log(`(the no-op message is answered by: ${r.noopAnswer})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const n = Math.max(1, Math.min(500, Number.parseInt(process.env.BENCH_N ?? '20', 10) || 20));
  const r = await benchColdstart({ n });
  reportColdstart(r);
  const { raw: _raw, ...summary } = r;
  console.log(JSON.stringify({ 'worker.coldstart.ms.local': r.local.median, 'worker.coldstart.ms.sync': r.sync.median, ...summary }));
}
