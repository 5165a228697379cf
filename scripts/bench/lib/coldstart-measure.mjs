// Measuring one build's worker cold start, for scripts/bench/coldstart.mjs (which says how and why), and
// building the sync build it is compared with.

import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension } from '../../../tests/support/launch.mjs';
import { extensionUrl } from '../../../tests/support/tandem.mjs';
import { getWorker, isWorkerRunning, stopServiceWorker } from '../../../tests/support/worker.mjs';

const WARMUPS = 2;
const STEP_TIMEOUT_MS = 15000;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `npx wxt build` in the checkout `root` with these settings (and none of the Firebase ones from this process's
 * environment).
 * @param {string} root
 * @param {Record<string, string>} env
 */
export function wxtBuild(root, env) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('WXT_FIREBASE_') && !k.endsWith('_EMULATOR_HOST') && k !== 'TANDEM_OUT_DIR'));
  return new Promise((resolve, reject) => {
    execFile('npx', ['wxt', 'build'], { cwd: root, env: { ...clean, ...env }, timeout: 300000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npx wxt build failed: ${err.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else resolve(undefined);
    });
  });
}

/** background.js's size, plain and gzipped. @param {string} dir */
export function bundleSize(dir) {
  const file = path.join(dir, 'background.js');
  return { bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
}

/**
 * One page-side timing: from `send` to the answer (or the rejection when nothing answers), plus the worker's start.
 * The message is shaped as the pages send it (utils/messages.ts): with a `requestId`, without which a worker
 * that applies each action once ignores it (an earlier shape had none; the extra field is harmless there).
 * `answered`: a handler replied (a message no handler takes resolves empty); `error`: a rejection or a
 * `{ failure }` reply.
 * @param {import('@playwright/test').Page} page
 * @param {string} type
 */
function timeMessage(page, type) {
  return page.evaluate(async (messageType) => {
    const skew = Date.now() - (performance.timeOrigin + performance.now());
    const t = performance.now();
    let error = null;
    let reply;
    try {
      reply = await chrome.runtime.sendMessage({ type: messageType, requestId: crypto.randomUUID() });
      if (reply && typeof reply === 'object' && 'failure' in reply) error = String(reply.failure);
    } catch (e) {
      error = String(/** @type {Error} */ (e)?.message ?? e);
    }
    const ms = performance.now() - t;
    return { ms, sentAtEpoch: performance.timeOrigin + t + skew, error, answered: reply !== undefined };
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
 * A fresh profile with `extensionPath` loaded, options.html open (checked: a `expect` build), after 2 uncounted
 * rounds. close() closes the browser.
 * @param {{ extensionPath: string, expect: 'local' | 'sync' }} options
 */
export async function openColdstart({ extensionPath, expect }) {
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
    const session = { ext, page, close: () => ext.close() };
    for (let i = 0; i < WARMUPS; i++) await cold(session, 'gate.refresh');
    return session;
  } catch (err) {
    await ext.close();
    throw err;
  }
}

/** @typedef {Awaited<ReturnType<typeof openColdstart>>} Session */

/** Stops the worker, then times `type` from the page. @param {Session} session @param {string} type */
async function cold({ ext: { context, extensionId }, page }, type) {
  // A generous limit: on a loaded machine a stop took over 5 s (stopServiceWorker's default).
  await stopServiceWorker(context, extensionId, { timeoutMs: STEP_TIMEOUT_MS });
  if (await isWorkerRunning(context, extensionId)) throw new Error('the worker is still running after the stop');
  await sleep(100);
  const r = await timeMessage(page, type);
  const started = await workerStartedAt(context, extensionId);
  return { ...r, started: started - r.sentAtEpoch };
}

/**
 * `n` rounds (see coldstart.mjs): stopped → gate.refresh, stopped → a no-op message; then `n` warm gate.refresh.
 * @param {Session} session
 * @param {number} n
 */
export async function measure(session, n) {
  const { ext: { context, extensionId }, page } = session;
  /** @type {Awaited<ReturnType<typeof cold>>[]} */
  const refresh = [];
  /** @type {Awaited<ReturnType<typeof cold>>[]} */
  const noop = [];
  for (let i = 0; i < n; i++) {
    const r = await cold(session, 'gate.refresh');
    if (r.error) throw new Error(`gate.refresh failed: ${r.error}`);
    if (!r.answered) throw new Error('gate.refresh got no answer: no handler took it (has the message shape in utils/messages.ts changed?)');
    refresh.push(r);
    noop.push(await cold(session, 'bench.noop'));
  }
  await getWorker(context, extensionId);
  /** @type {number[]} */
  const warm = [];
  for (let i = 0; i < n; i++) warm.push((await timeMessage(page, 'gate.refresh')).ms);
  return {
    refresh: refresh.map((r) => r.ms),
    started: refresh.map((r) => r.started),
    noop: noop.map((r) => r.ms),
    noopAnswer: noop[0]?.error ?? (noop[0]?.answered ? 'a handler' : 'nothing: it resolved empty once the listeners had run'),
    warm,
  };
}
