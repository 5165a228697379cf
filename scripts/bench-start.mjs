#!/usr/bin/env node
// start.window.ms: `npm start` to the extension's first page in its window, the build included, the emulators'
// start-up excluded. Run on its own (`node scripts/bench-start.mjs`: a report, then one JSON line last) or from the
// benchmark runner (benchStartWindow()). Needs Chromium; headless unless there is a display.
//
// How, per run (BENCH_START_N runs, default 3; the median is the figure): the emulators are started once, before
// any clock runs (where they cannot run, the local-only build is measured and the report says so). Then
//   t0 = Date.now(); startSession() — what `npm start` runs: the build (into .output/bench-start), a fresh
//   profile, Chromium launched with the extension —
// and the end is the first contentful paint of the welcome page the extension opens on install, read in that page
// (performance 'paint' entry, mapped onto Date.now() with the page's own offset between timeOrigin + now() and
// Date.now(): Chromium's timeOrigin comes from a monotonic clock). Also reported: the build alone (start.build.ms)
// and the launch to the paint (start.launch.ms). Not included: Node's own start-up before t0 (~50 ms).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { emulatorsMissing, planEmulators } from './start/backend.mjs';
import { startSession } from './start/session.mjs';
import { median, round1 } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');

/**
 * @param {{ n?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<{ windowMs: number, buildMs: number, launchMs: number, runs: number[], sync: string }>}
 */
export async function benchStartWindow({ n = 3, log = (line) => console.log(line) } = {}) {
  const missing = emulatorsMissing(root);
  if (missing) log(`start.window.ms: ${missing}; measuring the local-only build`);
  const emulators = missing ? undefined : await (await planEmulators(root)).start();
  /** @type {{ window: number, build: number }[]} */
  const runs = [];
  try {
    for (let i = 0; i < n; i++) runs.push(await oneRun(emulators));
  } finally {
    await emulators?.stop();
  }
  const windowMs = round1(median(runs.map((r) => r.window)));
  const buildMs = round1(median(runs.map((r) => r.build)));
  return { windowMs, buildMs, launchMs: round1(median(runs.map((r) => r.window - r.build))), runs: runs.map((r) => r.window), sync: missing ? 'local' : 'emulators' };
}

/** @param {import('./start/backend.mjs').Emulators | undefined} emulators */
async function oneRun(emulators) {
  const t0 = Date.now();
  const session = await startSession({
    root, people: ['bench'], fresh: true, control: true, outDir: '.output/bench-start', log: () => {},
    headless: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY, sync: emulators ? 'emulators' : 'local', emulators,
  });
  const browser = await chromium.connectOverCDP(/** @type {string} */ (session.windows[0]?.cdpUrl));
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('no browser context');
    const isWelcome = (/** @type {import('@playwright/test').Page} */ p) => p.url().endsWith('/onboarding.html');
    const page = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 60_000 }));
    const painted = await page.evaluate(() => new Promise((resolve) => {
      const offset = Date.now() - (performance.timeOrigin + performance.now());
      const done = (/** @type {PerformanceEntry} */ e) => resolve(performance.timeOrigin + e.startTime + offset);
      const seen = performance.getEntriesByName('first-contentful-paint')[0];
      if (seen) return done(seen);
      new PerformanceObserver((list) => {
        const e = list.getEntriesByName('first-contentful-paint')[0];
        if (e) done(e);
      }).observe({ type: 'paint', buffered: true });
    }));
    return { window: /** @type {number} */ (painted) - t0, build: session.buildMs };
  } finally {
    await browser.close();
    await session.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.env.BENCH_START_N ?? 3);
  console.log(`start.window.ms: ${n} runs of build + launch to the welcome page …`);
  const r = await benchStartWindow({ n });
  console.log(`start.window.ms ${r.windowMs} (runs ${r.runs.map(round1).join(', ')}; ${r.sync} build)`);
  console.log(`  start.build.ms ${r.buildMs}, start.launch.ms ${r.launchMs}`);
  console.log(JSON.stringify({ 'start.window.ms': r.windowMs, 'start.build.ms': r.buildMs, 'start.launch.ms': r.launchMs }));
}
