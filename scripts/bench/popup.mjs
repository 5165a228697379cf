// popup: popup.render.ms — popup.html (opened as a tab) → performance.mark('tandem:popup-ready'), median of
// BENCH_N opens, with the one commitment onboarding saves, in a fresh browser after 2 uncounted opens (kept open
// between rounds: scripts/bench/lib/pool.mjs); each open is left to draw its card and calendar before the next
// (popupOpens in scripts/bench/lib/popup-opens.mjs says why). Skipped with BENCH_SKIP_TANDEM=1.
// popup.render.ms.empty and popup.render.ms.5y20c: the popup with no commitments and with 5 years × 20 commitments,
// in two more browsers, the opens alternating between them in the same run (scripts/bench/lib/popup-pair.mjs); the
// report prints their ratio (target: 5y20c ≤ 1.15 × empty). BENCH_SKIP_PAIR=1 leaves them out.

import { timing } from './lib/figures.mjs';
import { popupOpens } from './lib/popup-opens.mjs';
import { Pool } from './lib/pool.mjs';
import { alternatingOpens, launchPair } from './lib/popup-pair.mjs';
import { median, quantile, round1 } from '../stats.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { saveAlwaysOpenCommitment } from '../../tests/support/tandem.mjs';
import { getWorker } from '../../tests/support/worker.mjs';

/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} Ext */

/** A browser with Tandem onboarded and the popup opened `warmups` times. @param {import('./lib/context.mjs').Ctx} ctx */
async function launch(ctx) {
  const ext = await launchWithExtension({ extensionPath: ctx.build.extensionPath });
  try {
    await saveAlwaysOpenCommitment(ext.context, ext.extensionId, { timeoutMs: ctx.stepTimeoutMs });
    await getWorker(ext.context, ext.extensionId);
    await popupOpens(ext.context, ext.extensionId, ctx.warmups, { timeoutMs: ctx.stepTimeoutMs, cards: 1 });
    return ext;
  } catch (err) {
    await ext.close();
    throw new Error(`popup: onboarding or the first opens failed: ${/** @type {Error} */ (err).message}`);
  }
}

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'popup',
  about: "the popup's render time with one commitment, and with none against 5 years × 20 commitments",
  browser: true,
  againstRounds: 10,
  async setup() {
    return new Pool();
  },
  async teardown(pool) {
    await pool.closeAll();
  },
  async run(ctx) {
    if (process.env.BENCH_SKIP_TANDEM === '1' || !ctx.build.built) return { figures: [] };
    const n = ctx.share(ctx.n);
    ctx.log(`popup: ${ctx.round ? '' : `onboarding, ${ctx.warmups} + `}${n} popup opens …`);
    const pool = /** @type {Pool<Ext>} */ (ctx.state);
    const ext = await pool.get(ctx.build.label, () => launch(ctx));
    await getWorker(ext.context, ext.extensionId); // running, as after the previous open
    const { ready } = await popupOpens(ext.context, ext.extensionId, n, { timeoutMs: ctx.stepTimeoutMs, cards: 1 });
    await pool.done(ctx.build.label, ctx);
    const figures = [timing('popup.render.ms', ready)];
    if (process.env.BENCH_SKIP_PAIR === '1') return { figures, detail: { ready } };
    const key = `${ctx.build.label} pair`;
    if (!ctx.round) ctx.log('popup: no commitments against 5 years × 20 commitments, in two browsers …');
    const pair = await pool.get(key, () => launchPair({ build: ctx.build, timeoutMs: ctx.stepTimeoutMs, warmups: ctx.warmups, log: ctx.log }));
    const { empty, history } = await alternatingOpens(pair, n, ctx.stepTimeoutMs);
    await pool.done(key, ctx);
    figures.push(timing('popup.render.ms.empty', empty), timing('popup.render.ms.5y20c', history));
    return { figures, detail: { ready, empty, history } };
  },
  report(details, { log }) {
    const all = (/** @type {'ready' | 'empty' | 'history'} */ k) => details.flatMap((d) => d[k] ?? []);
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    const line = (/** @type {number[]} */ t) => `median ${r(median(t))} ms (p90 ${r(quantile(t, 0.9))}, max ${r(Math.max(...t))})`;
    const times = all('ready');
    if (times.length) log(`popup.html to 'tandem:popup-ready', one commitment: ${line(times)}`);
    const [empty, history] = [all('empty'), all('history')];
    if (!empty.length || !history.length) return;
    log(`  no commitments (popup.render.ms.empty): ${line(empty)}`);
    log(`  5 years × 20 commitments (popup.render.ms.5y20c): ${line(history)}`);
    const ratio = median(history) / median(empty);
    log(`  5y20c / empty: ${ratio.toFixed(3)} (target ≤ 1.15${ratio <= 1.15 ? ', met' : ', NOT met'}), ${history.length} opens each, alternating`);
  },
};
