// coldstart: worker.coldstart.ms.local and worker.coldstart.ms.sync, what partner sync adds to a stopped MV3
// worker's first event. Needs the Firestore emulator jar, Java and firebase-tools (else a loud skip).
//
// Builds (for each build measured: this checkout's, and the ref's with --against)
// - local: the local-only build, .output/chrome-mv3 (from `npm run build`; for this checkout built here with
//   `npx wxt build` and no Firebase settings if it is missing; env BENCH_COLDSTART_LOCAL_DIR to use another
//   directory). Checked: its options page must say partner sync is off.
// - sync: built here with `npx wxt build` into .output/bench-sync (TANDEM_OUT_DIR) of the same checkout, against
//   the Firestore and Auth emulators started here (the emulator addresses are build-time settings, as in
//   tests/e2e/partners.spec.ts), and measured while they run. No pair is set up: the worker connects to Firebase
//   only on the first use of a partner feature (utils/firestore/connect.ts), never at start-up.
//
// How (per build, in a fresh profile; BENCH_N rounds in all, default 20, split in BENCH_COLDSTART_BLOCKS blocks,
// default 2 (with --against 10, of both builds in the runner's order), the builds taking turns: local, sync,
// local, sync, each in its own browser kept open from block to block): open options.html; 2 uncounted rounds,
// then rounds of: stop the worker (CDP Target.closeTarget, checked gone: tests/support/worker.mjs), then, in the
// page,
//   t = performance.now(); await chrome.runtime.sendMessage({ type: 'gate.refresh' }); ms = performance.now() − t
// i.e. from a stopped worker to its answer: the worker's start, its script's evaluation (the whole bundle, module
// top levels included), the listener and the handler (refreshGate: opening the database, reading commitments,
// updating the DNR rules, setting the alarm). Also, per round:
// - started: the worker's performance.timeOrigin (its global scope created) − t, both on the wall clock (each side's
//   offset between timeOrigin + performance.now() and Date.now() corrected);
// - noop: the same stop, then a message no handler takes ({ type: 'bench.noop' }): it is answered as soon as the
//   worker has started, evaluated its script and run the listeners, so it is the first-event cost without the
//   gate's own work (the closest a page can get to "first event handled");
// - warm: gate.refresh with the worker running (the handler alone).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { timing } from './lib/figures.mjs';
import { bundleSize, measure, openColdstart, wxtBuild } from './lib/coldstart-measure.mjs';
import { Pool } from './lib/pool.mjs';
import { quantile, round1 } from '../stats.mjs';
import { startAuthEmulator, startFirestoreEmulator } from '../../tests/support/emulators.mjs';

const PROJECT = 'demo-tandem-bench-coldstart';
const KINDS = /** @type {const} */ (['local', 'sync']);

/** @param {number[]} xs */
const stats = (xs) => ({ median: round1(quantile(xs, 0.5)), p90: round1(quantile(xs, 0.9)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)) });

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'coldstart',
  about: "a stopped worker's first answer, local-only and sync builds (Firestore and Auth emulators)",
  browser: true,
  rounds: Math.max(1, Number.parseInt(process.env.BENCH_COLDSTART_BLOCKS ?? '2', 10) || 2),
  againstRounds: 10,
  async setup({ builds, log }) {
    log('cold start: starting the emulators …');
    const [firestore, auth] = await Promise.all([startFirestoreEmulator(), startAuthEmulator({ projectId: PROJECT })]);
    /** @type {Map<string, { local: string, sync: string }>} */
    const dirs = new Map();
    try {
      for (const build of builds) {
        const override = build.isThis && process.env.BENCH_COLDSTART_LOCAL_DIR;
        const local = override ? path.resolve(build.root, override) : build.extensionPath;
        if (!existsSync(path.join(local, 'manifest.json'))) {
          if (override || !build.isThis) throw new Error(`no manifest.json in ${local}`);
          log(`cold start: building the local-only build (${path.relative(build.root, local)}) …`);
          await wxtBuild(build.root, {});
        }
        log(`cold start: building the sync build of ${build.label} (.output/bench-sync) …`);
        await wxtBuild(build.root, {
          TANDEM_OUT_DIR: '.output/bench-sync',
          WXT_FIREBASE_PROJECT_ID: PROJECT,
          WXT_FIREBASE_API_KEY: 'demo-key',
          WXT_FIRESTORE_EMULATOR_HOST: `${firestore.host}:${firestore.port}`,
          WXT_AUTH_EMULATOR_HOST: `${auth.host}:${auth.port}`,
        });
        dirs.set(build.label, { local, sync: path.join(build.root, '.output', 'bench-sync', 'chrome-mv3') });
      }
    } catch (err) {
      await Promise.all([firestore.stop(), auth.stop()]);
      throw err;
    }
    return { firestore, auth, dirs, pool: new Pool() };
  },
  async teardown({ firestore, auth, pool }) {
    await pool.closeAll();
    await Promise.all([firestore.stop(), auth.stop()]);
  },
  // One block: each build kind in its own browser (kept open for the next block), one measured at a time.
  async run(ctx) {
    const n = ctx.share(ctx.n);
    const { dirs, pool } = ctx.state;
    const figures = [];
    /** @type {Record<string, any>} */
    const detail = {};
    for (const kind of KINDS) {
      const dir = dirs.get(ctx.build.label)[kind];
      ctx.log(`cold start: ${kind} build, block ${ctx.round + 1}/${ctx.rounds}: ${ctx.round ? '' : '2 + '}${n} rounds …`);
      const key = `${ctx.build.label} ${kind}`;
      const session = await pool.get(key, () => openColdstart({ extensionPath: dir, expect: kind }));
      const m = await measure(session, n);
      await pool.done(key, ctx);
      detail[kind] = { ...m, background: bundleSize(dir) };
      figures.push(timing(`worker.coldstart.ms.${kind}`, m.refresh));
    }
    return { figures, detail };
  },
  report(details, { log, warn }) {
    const all = (/** @type {'local' | 'sync'} */ kind, /** @type {string} */ key) => details.flatMap((d) => d[kind][key]);
    const row = (/** @type {string} */ label, /** @type {number[]} */ xs) => {
      const s = stats(xs);
      return `${label.padEnd(26)}${[s.median, s.p90, s.min, s.max].map((x) => String(x).padStart(9)).join('')}`;
    };
    log('');
    log(`Worker cold start (stopped worker → answer, from options.html; ${all('local', 'refresh').length} rounds each, ms):`);
    log(`${'configuration'.padEnd(26)}${['median', 'p90', 'min', 'max'].map((h) => h.padStart(9)).join('')}`);
    for (const kind of KINDS) {
      log(row(`${kind} gate.refresh, cold`, all(kind, 'refresh')));
      log(row(`${kind}   worker started`, all(kind, 'started')));
      log(row(`${kind} no-op message, cold`, all(kind, 'noop')));
      log(row(`${kind} gate.refresh, warm`, all(kind, 'warm')));
    }
    const local = stats(all('local', 'refresh'));
    const sync = stats(all('sync', 'refresh'));
    const diff = { median: round1(sync.median - local.median), p90: round1(sync.p90 - local.p90) };
    log(`sync − local, gate.refresh cold: median ${diff.median} ms, p90 ${diff.p90} ms — target ≤ 20 ms`);
    if (diff.median > 20) warn(`the sync build's worker cold start is ${diff.median} ms over the local-only build's (target ≤ 20 ms)`);
    const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KiB`;
    const size = (/** @type {'local' | 'sync'} */ kind) => {
      const b = details[0][kind].background;
      return `${kind} ${b.bytes} bytes (${kb(b.bytes)}, gzip ${kb(b.gzip)})`;
    };
    log(`background.js: ${size('local')}, ${size('sync')}`);
    log(`(the no-op message is answered by: ${details[0].local.noopAnswer})`);
  },
};
