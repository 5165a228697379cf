// start: start.window.ms — `npm start` to the extension's first page in its window, the build included, the
// emulators' start-up excluded (scripts/bench-start.mjs says how; BENCH_START_N runs, default 3). Measured for this
// checkout only: `--against` has no earlier `npm start` of this kind to compare with.

import { benchStartWindow } from '../bench-start.mjs';
import { figure } from './lib/figures.mjs';

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'start',
  about: '`npm start` to the window, build included',
  async run(ctx) {
    if (ctx.build.label !== 'this build') return { figures: [] };
    ctx.log('start: npm start to the welcome page in its window …');
    const s = await benchStartWindow({ n: Number(process.env.BENCH_START_N ?? 3), log: ctx.log });
    return {
      figures: [figure('start.window.ms', s.windowMs, 'ms'), figure('start.build.ms', s.buildMs, 'ms'), figure('start.launch.ms', s.launchMs, 'ms')],
      detail: s,
    };
  },
};
