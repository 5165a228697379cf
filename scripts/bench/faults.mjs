// faults: the fault campaign of tests/support/faults.mjs (the extension's service worker stopped at random
// moments after a person's actions) against each build, and its figures: faults.kills, faults.lost,
// faults.duplicated, faults.wrong_gate, faults.raw_errors. All but faults.kills must be 0 for this build (the run
// fails otherwise, as it does when the campaign could not finish a round). Options: --kills N (default 100, split
// over the rounds), --seed S (default 1). Skipped with one line while tests/support/faults.mjs does not exist.
// `npm run bench -- faults --kills 300` runs this benchmark alone (`npm run soak` runs the campaign without the
// runner: tests/support/faults.mjs --check).

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
    if (r?.harness_errors) ctx.fail(`fault campaign: ${r.harness_errors} round(s) the harness could not finish (see the rounds above)`);
    return { figures, detail: r };
  },
  // About 3.5 s a round on a loaded machine; the runner's watchdog allows this much more per build.
  budgetMs: (options) => 10000 * positive(options.kills, 100),
  report(details, { log }) {
    const sum = (/** @type {(a: any) => number} */ f) => details.reduce((t, d) => t + (f(d) || 0), 0);
    log('');
    log(`Fault campaign (tests/support/faults.mjs): ${sum((d) => d.rounds)} rounds, ${sum((d) => d.kills)} worker stops, seeds ${details.map((d) => d.seed).join(', ')}, ${Math.round(sum((d) => d.seconds))} s; ${sum((d) => d.skipped)} skipped, ${sum((d) => d.harness_errors)} harness errors`);
    const kinds = [...new Set(details.flatMap((d) => Object.keys(d.byAction ?? {})))];
    const cols = ['rounds', 'kills', 'lost', 'duplicated', 'wrong_gate', 'raw_errors', 'retried'];
    log(`${'action'.padEnd(22)}${cols.map((c) => c.padStart(11)).join('')}`);
    for (const kind of kinds) log(`${kind.padEnd(22)}${cols.map((c) => String(sum((d) => d.byAction[kind]?.[c])).padStart(11)).join('')}`);
  },
};
