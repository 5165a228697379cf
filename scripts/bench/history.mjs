// history: 5 years × 20 commitments (scripts/history-fixture.ts, made in Europe/Berlin and ending now).
// Env BENCH_HISTORY_RUNS (computations timed in Node, default 15), BENCH_SKIP_HISTORY=1 (leave it out).
// - streaks.5y20c.ms: median of BENCH_HISTORY_RUNS computations, after 5 uncounted ones, of what the popup
//   computes (pastByCommitment + viewToday, utils/core/today.ts), in Node with the product's code run from
//   TypeScript by jiti in a child process (scripts/bench-history.ts, from the build's own checkout).
//   outcomes.build.5y20c.ms: the worker's one-time judging of the settled days, there too.
// - popup.render.ms.5y20c and db.bytes.5y20c: the same records seeded into the extension's IndexedDB in a fresh
//   profile; the popup to 'tandem:popup-ready' as popup.render.ms, and the database directory's size on disk
//   after the browser closed (scripts/bench/lib/history-browser.mjs says how and why). popup.complete.ms.5y20c:
//   the same opens until every card and calendar is drawn. outcomes.build.browser.5y20c.ms: the worker's first
//   gate.refresh after the seeding.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTsScript } from './lib/child.mjs';
import { figure, timing } from './lib/figures.mjs';
import { benchHistoryBrowser } from './lib/history-browser.mjs';
import { summarizeInstrumented } from './lib/popup-opens.mjs';
import { median, quantile, round1 } from '../stats.mjs';

const HISTORY_TZ = 'Europe/Berlin';
const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_HISTORY_RUNS ?? '15', 10) || 15);

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'history',
  about: "5 years × 20 commitments: the popup's computation in Node, the popup and the database in the browser",
  browser: true,
  async run(ctx) {
    const { build } = ctx;
    const n = ctx.share(ctx.n);
    const now = Date.now();
    ctx.log(`history, 5 years × 20 commitments: the popup's computation in Node, ${RUNS} runs …`);
    /** @type {any} */
    let node;
    const figures = [];
    try {
      node = await runTsScript(build.root, 'bench-history.ts', { BENCH_NOW: String(now), BENCH_TZ: HISTORY_TZ, BENCH_HISTORY_RUNS: String(RUNS) });
      figures.push(figure('streaks.5y20c.ms', node.medianMs, 'ms'), figure('outcomes.build.5y20c.ms', node.cacheBuildMs, 'ms'));
    } catch (err) {
      ctx.fail(/** @type {Error} */ (err).message);
    }
    if (process.env.BENCH_SKIP_TANDEM === '1' || !build.built) return { figures, detail: { node } };

    ctx.log(`history in the extension's IndexedDB (fresh profile, ${HISTORY_TZ}): seeding, popup opens …`);
    // The same generator as the Node part (same `now`, zone and seed: the same records), from the build's own
    // checkout (its records fit its schema), loaded through jiti.
    const { createJiti } = await import('jiti');
    /** @type {typeof import('../history-fixture.ts')} */
    const { makeHistory } = await createJiti(import.meta.url).import(pathToFileURL(path.join(build.root, 'scripts', 'history-fixture.ts')).href);
    const browser = await benchHistoryBrowser({
      extensionPath: build.extensionPath,
      fixture: makeHistory({ now, timeZone: HISTORY_TZ }),
      n,
      warmups: ctx.warmups,
      timeoutMs: ctx.stepTimeoutMs,
      log: ctx.log,
    });
    // popup.render.ms.5y20c itself comes from the popup benchmark, measured there alternating with an empty popup;
    // this one's opens are printed in its report.
    figures.push(timing('popup.complete.ms.5y20c', browser.popupComplete));
    figures.push(figure('db.bytes.5y20c', browser.dbBytes, 'bytes'));
    if (browser.cacheBuildMs !== undefined) figures.push(figure('outcomes.build.browser.5y20c.ms', browser.cacheBuildMs, 'ms'));
    for (const note of browser.notes) ctx.warn(note);
    // The seeding clears the outcome cache the worker may have built while only the commitments were in (it judged
    // the 5 years without their records then); a disagreement means something else went wrong.
    const byTitle = new Map((node?.perCommitment ?? []).map((/** @type {any} */ c) => [c.title, c]));
    const agree = browser.cards.filter((/** @type {any} */ c) => {
      const x = byTitle.get(c.title);
      return x && c.status === x.status && c.heatmap.includes(`: ${x.heatmapDone} done, ${x.heatmapMissed} missed`);
    }).length;
    if (node && agree !== browser.cards.length) ctx.warn(`the popup disagrees with Node for ${browser.cards.length - agree}/${browser.cards.length} commitments: popup.render.ms.5y20c did not measure the 5-year history`);
    return { figures, detail: { node, browser: { ...browser, agree } } };
  },
  report(details, { log, figures }) {
    const hn = details[0]?.node;
    const hbs = details.map((d) => d.browser).filter(Boolean);
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    log('');
    if (hn) {
      const rec = hn.records;
      log(`History: ${rec.commitments} commitments over 5 years (${rec.sessions} focus sessions, ${rec.checkIns} check-ins), ${hn.timeZone}, day start 04:00.`);
      log(
        `streaks.5y20c.ms (Node, pastByCommitment + viewToday, ${hn.runs} runs after ${hn.warmups}): median ${r(figures.get('streaks.5y20c.ms') ?? NaN)} ms ` +
          `(p90 ${r(hn.p90Ms)}, min ${r(hn.minMs)}); past days ${r(hn.pastMedianMs)} ms, today's views ${r(hn.viewMedianMs)} ms — target < 10 ms`,
      );
      log(
        `  ${hn.recordDays} commitment-days with records are judged in full (statusOn: window bounds in the time zone); ` +
          `${hn.intlCallsPerRun} Intl formatToParts calls per computation × ${hn.intlUsPerCall} µs ≈ ${r((hn.intlCallsPerRun * hn.intlUsPerCall) / 1000)} ms of it`,
      );
    }
    const hb = hbs[0];
    if (!hb) return;
    const all = (/** @type {string} */ key) => hbs.flatMap((b) => b[key]);
    const times = all('popupTimes');
    const empty = figures.has('popup.render.ms') ? `${figures.get('popup.render.ms')} ms with an empty database (popup.render.ms), ` : '';
    log(
      `the popup to its mark here (as popup.render.ms.5y20c): median ${r(median(times))} ms (p90 ${r(quantile(times, 0.9))}, max ${r(Math.max(...times))}) — target < 100 ms; ` +
        `${empty}${r(median(all('popupNoHistory')))} ms with the 20 commitments and no history`,
    );
    log(
      `  every card and calendar in (popup.complete.ms.5y20c): median ${r(median(all('popupComplete')))} ms; ` +
        `opened back to back instead (each closed at its mark, the next at once, beside the previous one's drawing): median ${r(median(all('popupBackToBack')))} ms`,
    );
    const bare = summarizeInstrumented(all('instrumentedNoHistory'));
    log(
      `  with the 20 commitments and no history: last read done ${r(bare.lastRead)} ms, then ${r(bare.afterReads)} ms to the mark ` +
        `(long tasks ${r(bare.longTasksAfterReads)} ms: rendering the first screen's rows; the other rows follow after the mark, calendars only when opened; ${bare.intlCalls} formatToParts calls)`,
    );
    const instrumented = all('instrumented');
    const s = summarizeInstrumented(instrumented);
    const reads = s.requests.map((q) => `${q.what} ${r(q.ms)} ms${q.n ? ` (${q.n})` : ''}`).join(', ');
    log(`  inside the popup (median of ${instrumented.length} instrumented opens, ms from its navigation start):`);
    log(`    DOMContentLoaded (bundle loaded, first empty render) ${r(s.dcl)}; first IndexedDB request ${r(s.firstRequest)}; last read done ${r(s.lastRead)}; ready mark ${r(s.ready)}`);
    log(`    IndexedDB, call → success: ${reads}`);
    const intlMs = hb.raw ? (s.intlCalls * hb.raw.intlUsPerCall) / 1000 : NaN;
    log(
      `    after the last read: ${r(s.afterReads)} ms to the mark (grouping in loadCheckIn, pastByCommitment + viewToday and rendering the first screen's rows, ` +
        `the layout effect that sets the mark); long tasks in it ${r(s.longTasksAfterReads)} ms; ${s.intlCalls} formatToParts calls × ${hb.raw ? hb.raw.intlUsPerCall.toFixed(2) : '?'} µs here ≈ ${r(intlMs)} ms`,
    );
    if (hb.raw) {
      const raw = Object.entries(hb.raw.stores).map(([name, x]) => `${name} ${r(/** @type {any} */ (x).ms)} ms (${/** @type {any} */ (x).n})`).join(', ');
      log(`    raw getAll in the page, warm, best of 3: ${raw}`);
    }
    const mb = (/** @type {number} */ b) => `${(b / 1e6).toFixed(2)} MB`;
    const bytes = figures.get('db.bytes.5y20c') ?? hb.dbBytes;
    log(
      `db.bytes.5y20c: ${bytes} bytes (${mb(bytes)}), the IndexedDB directory after closing the browser; records as JSON ${mb(hb.jsonBytes)}; ` +
        `storage.estimate() IndexedDB before/right after seeding ${mb(hb.estimateBefore.indexedDB)} → ${mb(hb.estimateAfter.indexedDB)} (before compaction); seeding took ${hb.seedMs} ms`,
    );
    if (hn) for (const b of hbs) log(`  check: the popup shows ${b.cards.length} commitments; status and 16-week heatmap counts agree with Node's for ${b.agree}/${b.cards.length}`);
  },
};
