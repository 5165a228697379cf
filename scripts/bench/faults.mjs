// faults: the fault campaign of tests/support/faults.mjs (the extension's service worker stopped at random
// moments after a person's actions) against each build, and its figures: faults.kills, faults.lost,
// faults.duplicated, faults.wrong_gate, faults.raw_errors. All but faults.kills must be 0 for this build (the run
// fails otherwise). Options: --kills N (default 100, split over the rounds), --seed S (default 1). Skipped with
// one line while tests/support/faults.mjs does not exist. `npm run soak` runs this benchmark alone.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { count } from './lib/figures.mjs';

const FIGURES = /** @type {const} */ (['kills', 'lost', 'duplicated', 'wrong_gate', 'raw_errors']);
const positive = (/** @type {string | undefined} */ v, /** @type {number} */ fallback) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'faults',
  about: "the worker stopped at random moments after actions: lost, duplicated, wrong gates, raw errors",
  browser: true,
  // The campaign is this checkout's (tests/support/faults.mjs), run against each build's extension.
  async setup({ root, log }) {
    const file = path.join(root, 'tests', 'support', 'faults.mjs');
    if (!existsSync(file)) {
      log('faults: skipped — tests/support/faults.mjs does not exist (yet)');
      return null;
    }
    const mod = await import(pathToFileURL(file).href);
    const campaign = mod.runFaultCampaign ?? mod.default;
    if (typeof campaign !== 'function') throw new Error('tests/support/faults.mjs exports no runFaultCampaign function');
    return campaign;
  },
  async run(ctx) {
    const campaign = ctx.state;
    if (!campaign || !ctx.build.built) return { figures: [] };
    const kills = ctx.share(positive(ctx.options.kills, 100));
    const seed = positive(ctx.options.seed, 1) + ctx.round;
    ctx.log(`faults: ${kills} worker stops (seed ${seed}) …`);
    const r = await campaign({ extensionPath: ctx.build.extensionPath, kills, seed, log: ctx.log });
    const figures = FIGURES.map((k) => count(`faults.${k}`, Number(r?.[k] ?? NaN), k === 'kills' ? 'kills' : 'times'));
    const bad = figures.filter((f) => f.name !== 'faults.kills' && f.value !== 0);
    if (bad.length) ctx.fail(`fault campaign: ${bad.map((f) => `${f.name} ${f.value}`).join(', ')} (all must be 0)`);
    return { figures, detail: r };
  },
};
