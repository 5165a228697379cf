// popup: popup.render.ms — popup.html (opened as a tab) → performance.mark('tandem:popup-ready'), median of
// BENCH_N opens, with the one commitment onboarding saves, in a fresh browser after 2 uncounted opens (kept open
// between rounds: scripts/bench/lib/pool.mjs); each open is left to draw its card and calendar before the next
// (popupOpens in scripts/bench/lib/popup-opens.mjs says why). Skipped with BENCH_SKIP_TANDEM=1.

import { timing } from './lib/figures.mjs';
import { popupOpens } from './lib/popup-opens.mjs';
import { Pool } from './lib/pool.mjs';
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
  about: "the popup's render time with one commitment",
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
    return { figures: [timing('popup.render.ms', ready)], detail: ready };
  },
  report(details, { log }) {
    const times = details.flat();
    if (!times.length) return;
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    log(`popup.html to 'tandem:popup-ready': median ${r(median(times))} ms (p90 ${r(quantile(times, 0.9))}, max ${r(Math.max(...times))})`);
  },
};
