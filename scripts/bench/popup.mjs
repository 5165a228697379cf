// popup: popup.render.ms — popup.html (opened as a tab) → performance.mark('tandem:popup-ready'), median of
// BENCH_N opens, with the one commitment onboarding saves, in a fresh browser after 2 uncounted opens; each open
// is left to draw its card and calendar before the next (popupOpens in scripts/bench/lib/popup-opens.mjs says
// why). Skipped with BENCH_SKIP_TANDEM=1.

import { timing } from './lib/figures.mjs';
import { popupOpens } from './lib/popup-opens.mjs';
import { median, quantile, round1 } from '../stats.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { saveAlwaysOpenCommitment } from '../../tests/support/tandem.mjs';
import { getWorker } from '../../tests/support/worker.mjs';

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'popup',
  about: "the popup's render time with one commitment",
  browser: true,
  async run(ctx) {
    if (process.env.BENCH_SKIP_TANDEM === '1' || !ctx.build.built) return { figures: [] };
    const n = ctx.share(ctx.n);
    ctx.log(`popup: onboarding, ${ctx.warmups} + ${n} popup opens …`);
    const ext = await launchWithExtension({ extensionPath: ctx.build.extensionPath });
    try {
      try {
        await saveAlwaysOpenCommitment(ext.context, ext.extensionId, { timeoutMs: ctx.stepTimeoutMs });
      } catch (err) {
        throw new Error(`onboarding (onboarding.html → save-commitment → saved) failed: ${/** @type {Error} */ (err).message}`);
      }
      await getWorker(ext.context, ext.extensionId);
      const { ready } = await popupOpens(ext.context, ext.extensionId, n, { timeoutMs: ctx.stepTimeoutMs, warmups: ctx.warmups, cards: 1 });
      return { figures: [timing('popup.render.ms', ready)], detail: ready };
    } finally {
      await ext.close();
    }
  },
  report(details, { log }) {
    const times = details.flat();
    if (!times.length) return;
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    log(`popup.html to 'tandem:popup-ready': median ${r(median(times))} ms (p90 ${r(quantile(times, 0.9))}, max ${r(Math.max(...times))})`);
  },
};
