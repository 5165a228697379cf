// review: review.render.ms.5y20c — review.html (opened as a tab) → performance.mark('tandem:review-ready') (the week's
// report, the plans, the ratings and the chart in the DOM with real data), median of BENCH_N opens after 2 uncounted
// ones, with the 5 years × 20 commitments of scripts/history-fixture.ts (Europe/Berlin, ending now) seeded into the
// extension's IndexedDB as the history benchmark does (scripts/bench/lib/history-browser.mjs), plus 20 finished
// weekly reviews and two weeks of block-page arrivals; the worker's outcome cache is built first (one gate.refresh),
// as it is within the hour in real use. Each open is left to settle before the next. Target < 150 ms.
// Skipped with BENCH_SKIP_TANDEM=1 or BENCH_SKIP_HISTORY=1.

import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { timing } from './lib/figures.mjs';
import { seed } from './lib/history-browser.mjs';
import { median, quantile, round1 } from '../stats.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { extensionUrl } from '../../tests/support/tandem.mjs';
import { waitForMark } from '../../tests/support/marks.mjs';
import { getWorker } from '../../tests/support/worker.mjs';

const TZ = 'Europe/Berlin';
const DAY_MS = 86_400_000;

/** 20 finished reviews (one a week back from last week) and arrivals on the block page over the last 16 days. */
function reviewRecords(/** @type {{ now: number, commitments: { id: string, title: string }[] }} */ fixture) {
  const monday = (/** @type {number} */ ms) => {
    const d = new Date(ms);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  const ids = fixture.commitments.map((c) => c.id);
  const reviews = Array.from({ length: 20 }, (_, i) => {
    const weekStart = monday(fixture.now - (i + 1) * 7 * DAY_MS);
    return {
      weekStart, status: 'done', updatedAt: fixture.now - i * 7 * DAY_MS, completedAt: fixture.now - i * 7 * DAY_MS,
      kept: {}, obstacles: ['email-first'], notes: 'Mornings went to email; trying the block page first.',
      intentions: [{ id: `i-${i}`, cue: { kind: 'moment', moment: 'open-laptop' }, commitmentId: ids[i % ids.length], action: '' }],
      ratings: { consistency: 1 + (i % 5), confidence: 1 + ((i + 2) % 5), stress: 1 + ((i + 4) % 5) },
    };
  });
  const attempts = Array.from({ length: 16 * 6 }, (_, i) => {
    const at = fixture.now - Math.floor(i / 6) * DAY_MS - 3_600_000;
    return { id: `a-${i}`, commitmentId: ids[i % ids.length], day: new Date(at).toISOString().slice(0, 10), at, outcome: i % 4 ? 'turned-back' : 'went-anyway' };
  });
  return { reviews, attempts };
}

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'review',
  about: 'the weekly review page with 5 years × 20 commitments',
  browser: true,
  async run(ctx) {
    const { build } = ctx;
    if (process.env.BENCH_SKIP_TANDEM === '1' || process.env.BENCH_SKIP_HISTORY === '1' || !build.built) return { figures: [] };
    const n = ctx.share(ctx.n);
    const { createJiti } = await import('jiti');
    /** @type {typeof import('../history-fixture.ts')} */
    const { makeHistory } = await createJiti(import.meta.url).import(pathToFileURL(path.join(build.root, 'scripts', 'history-fixture.ts')).href);
    const fixture = makeHistory({ now: Date.now(), timeZone: TZ });
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-review-'));
    const tz = process.env.TZ;
    process.env.TZ = TZ;
    let ext;
    try {
      ext = await launchWithExtension({ extensionPath: build.extensionPath, profileDir });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    try {
      ctx.log(`review, 5 years × 20 commitments: seeding, ${ctx.warmups} + ${n} opens of review.html …`);
      const page = await ext.context.newPage();
      page.setDefaultTimeout(ctx.stepTimeoutMs);
      await page.goto(extensionUrl(ext.extensionId, 'options.html'));
      await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'tandem' && (d.version ?? 0) >= 80));
      await seed(page, { commitments: fixture.commitments, sessions: fixture.sessions, checkIns: fixture.checkIns, ...reviewRecords(fixture) }, { clearOutcomes: true });
      const answer = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh', requestId: crypto.randomUUID() }));
      if (answer === undefined) ctx.warn('review: gate.refresh after seeding got no answer (the outcome cache may not be built)');
      await page.close();
      await getWorker(ext.context, ext.extensionId);
      /** @type {number[]} */
      const ready = [];
      for (let i = -ctx.warmups; i < n; i++) {
        const p = await ext.context.newPage();
        try {
          await p.goto(extensionUrl(ext.extensionId, 'review.html'), { waitUntil: 'commit', timeout: ctx.stepTimeoutMs });
          const mark = await waitForMark(p, 'tandem:review-ready', { timeoutMs: ctx.stepTimeoutMs });
          const rows = await p.locator('[data-testid="report-row"]').count();
          if (rows !== fixture.commitments.length) ctx.warn(`review: the report showed ${rows} of ${fixture.commitments.length} commitments`);
          if (i >= 0) ready.push(mark.startTime);
          if (process.env.PROBE) console.log(JSON.stringify(await p.evaluate(() => ({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]) }))));
          await p.waitForTimeout(250); // settled before the next open (the pages share one main thread)
        } finally {
          await p.close().catch(() => {});
        }
      }
      return { figures: [timing('review.render.ms.5y20c', ready)], detail: ready };
    } finally {
      await ext.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  },
  report(details, { log }) {
    const times = details.flat();
    if (!times.length) return;
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    log(`review.html to 'tandem:review-ready' (5 years × 20 commitments, 20 reviews): median ${r(median(times))} ms (p90 ${r(quantile(times, 0.9))}, max ${r(Math.max(...times))}) — target < 150 ms`);
  },
};
