#!/usr/bin/env node
// Tandem's benchmark runner. `npm run bench` builds the extension, then runs every benchmark; the figures are
// printed together at the end and written to bench-results.json. Needs Debian's Chromium (/usr/bin/chromium or
// env CHROMIUM_PATH).
//
//   node scripts/bench.mjs [name …] [--against <git-ref>] [--rounds R] [--kills N] [--seed S]
//
// - name …: the benchmarks to run (default: all), always in this order: gate, popup, history, review, data, sync, coldstart,
//   start, faults. One file each in scripts/bench/, saying what it measures and how; scripts/bench/lib/context.mjs says
//   what a benchmark file exports.
// - --against <ref>: measures <ref>'s build in the same run. It is checked out and built in a temporary git
//   worktree (scripts/bench/lib/against.mjs), removed at the end. Each browser benchmark runs in R rounds of
//   N/R each (gate, popup, coldstart: 10, their browsers kept open between rounds; history, faults: 2; --rounds
//   sets R for all), every round measuring both builds, in the order this, ref, ref, this, this, ref, … (so the
//   machine's load, and its drift, fall on both alike); a build's rounds merge into one figure (medians of all
//   samples). Node programs run from each build's own checkout. Each benchmark's details are printed for both
//   builds, then one table: this build, the ref's build and this / ref; the ref's figures go to
//   bench-results.json under `against`. The baseline blocker is the same extension for both: its ratio shows
//   how much the run's noise alone moves.
// - --kills, --seed: for faults (scripts/bench/faults.mjs).
//
// Env: BENCH_N (navigations, popup opens, cold-start rounds per configuration and build, default 20),
//   BENCH_TIMEOUT_MS (whole run, default 600000 per build, plus 10 s a kill with faults), BENCH_RESULTS (default
//   bench-results.json at the repo root). When no name is given: BENCH_SKIP_HISTORY=1, BENCH_SKIP_SYNC=1 (no sync and coldstart: they need
//   the Firestore emulator jar, Java and firebase-tools) and BENCH_SKIP_FAULTS=1 leave those out. Also
//   BENCH_SKIP_BASELINE=1, BENCH_SKIP_TANDEM=1 and the ones each benchmark's file names.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import coldstart from './bench/coldstart.mjs';
import data from './bench/data.mjs';
import faults from './bench/faults.mjs';
import gate from './bench/gate.mjs';
import history from './bench/history.mjs';
import popup from './bench/popup.mjs';
import review from './bench/review.mjs';
import start from './bench/start.mjs';
import sync from './bench/sync.mjs';
import { buildAgainst } from './bench/lib/against.mjs';
import { killChildren } from './bench/lib/child.mjs';
import { isEmulatorUnavailable, shareOf } from './bench/lib/context.mjs';
import { mergeBlocks, printFigures, writeResults } from './bench/lib/figures.mjs';

/** @typedef {import('./bench/lib/context.mjs').Benchmark} Benchmark */
/** @typedef {import('./bench/lib/context.mjs').Build} Build */
/** @typedef {import('./bench/lib/context.mjs').Common} Common */
/** @typedef {import('./bench/lib/figures.mjs').Figure} Figure */

const BENCHMARKS = [gate, popup, history, review, data, sync, coldstart, start, faults];
const SKIPPED_BY_ENV = {
  history: process.env.BENCH_SKIP_HISTORY === '1',
  review: process.env.BENCH_SKIP_HISTORY === '1',
  data: process.env.BENCH_SKIP_DATA === '1',
  sync: process.env.BENCH_SKIP_SYNC === '1',
  coldstart: process.env.BENCH_SKIP_SYNC === '1',
  faults: process.env.BENCH_SKIP_FAULTS === '1',
};
const OPTIONS = ['against', 'rounds', 'kills', 'seed', 'help'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = process.env.BENCH_RESULTS ? path.resolve(process.env.BENCH_RESULTS) : path.join(root, 'bench-results.json');
const N = Math.max(1, Math.min(500, Number.parseInt(process.env.BENCH_N ?? '20', 10) || 20));
const log = (/** @type {string} */ line) => console.log(line);

// ---------------------------------------------------------------------------------------------- arguments

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {string[]} */
  const names = [];
  /** @type {Record<string, string>} */
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = /** @type {string} */ (argv[i]);
    if (a === '--help' || a === '-h') options.help = '';
    else if (!a.startsWith('--')) names.push(a);
    else if (a.includes('=')) options[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else options[a.slice(2)] = argv[++i] ?? '';
  }
  const usage = `usage: node scripts/bench.mjs [${BENCHMARKS.map((b) => b.name).join(' ')}] [--against <git-ref>] [--rounds R] [--kills N] [--seed S]`;
  const unknown = [...names.filter((n) => !BENCHMARKS.some((b) => b.name === n)), ...Object.keys(options).filter((o) => !OPTIONS.includes(o)).map((o) => `--${o}`)];
  if (unknown.length || 'help' in options) {
    if (unknown.length) console.error(`bench: unknown ${unknown.join(', ')}`);
    console.error(usage);
    for (const b of BENCHMARKS) console.error(`  ${b.name.padEnd(10)} ${b.about}`);
    process.exit(unknown.length ? 2 : 0);
  }
  const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS.filter((b) => !SKIPPED_BY_ENV[/** @type {keyof typeof SKIPPED_BY_ENV} */ (b.name)]);
  return { selected, options };
}

// ---------------------------------------------------------------------------------------------- the run

/** @type {string[]} */
const warnings = [];
let failed = false;
/** @type {Awaited<ReturnType<typeof buildAgainst>> | undefined} */
let other;

/** The ctx functions that speak for `build` (a ref's build only warns: the run judges this build). @param {Build} [build] */
function voice(build) {
  const tag = (/** @type {string} */ m) => (build && !build.isThis ? `[${build.label}] ${m}` : m);
  const warn = (/** @type {string} */ m) => void warnings.push(tag(m));
  const fail = (/** @type {string} */ m) => {
    if (!build || build.isThis) failed = true;
    warn(m);
  };
  const problem = (/** @type {unknown} */ err, name = '') => {
    const e = /** @type {Error & { reason?: string }} */ (err);
    if (isEmulatorUnavailable(e)) warn(`${name.toUpperCase()} FIGURES SKIPPED — NOT MEASURED: ${e.reason ?? e.message}`);
    else fail(`${name}: ${e?.stack ?? String(err)}`);
  };
  return { warn, fail, problem };
}

/**
 * Runs one benchmark for every build: setup, rounds × builds, teardown.
 * @param {Benchmark} bench
 * @param {Common} common
 * @returns {Promise<Map<string, { figures: Figure[][], details: any[] }>>} by build label
 */
async function runBenchmark(bench, common) {
  const out = new Map(common.builds.map((b) => [b.label, { figures: /** @type {Figure[][]} */ ([]), details: /** @type {any[]} */ ([]) }]));
  let state;
  try {
    state = bench.setup ? await bench.setup(common) : undefined;
  } catch (err) {
    voice().problem(err, bench.name);
    return out;
  }
  const alternating = common.builds.length > 1 && bench.browser;
  const wanted = Math.max(bench.rounds ?? 1, alternating ? Number(common.options.rounds) || bench.againstRounds || 2 : 1);
  const rounds = Math.min(wanted, common.n);
  /** A build whose run failed once is left out of the next rounds (they would repeat the failure). */
  const dropped = new Set();
  try {
    for (let round = 0; round < rounds; round++) {
      // this, ref | ref, this | this, ref …: neither build is always first.
      for (const build of round % 2 ? [...common.builds].reverse() : common.builds) {
        if (dropped.has(build)) continue;
        if (common.builds.length > 1) log(`── ${bench.name}: ${build.label}${rounds > 1 ? `, round ${round + 1}/${rounds}` : ''}`);
        const v = voice(build);
        try {
          const share = (/** @type {number} */ total) => shareOf(total, round, rounds);
          const r = await bench.run({ ...common, ...v, problem: (err) => v.problem(err, bench.name), build, round, rounds, share, state });
          const slot = /** @type {{ figures: Figure[][], details: any[] }} */ (out.get(build.label));
          slot.figures.push(r.figures);
          slot.details.push(r.detail);
        } catch (err) {
          v.problem(err, bench.name);
          dropped.add(build);
        }
      }
    }
  } finally {
    if (bench.teardown && state !== undefined) await bench.teardown(state).catch((err) => voice().warn(`${bench.name} teardown: ${err}`));
  }
  return out;
}

/** @param {ReturnType<typeof parseArgs>} args */
async function main({ selected, options }) {
  const extensionPath = path.join(root, '.output', 'chrome-mv3');
  /** @type {Build} */
  const mine = { label: 'this build', isThis: true, root, extensionPath, built: existsSync(path.join(extensionPath, 'manifest.json')) };
  if (!mine.built && selected.some((b) => b.browser)) voice(mine).fail(`Tandem is not built: no ${path.relative(root, extensionPath)}/manifest.json (run npm run build)`);
  /** @type {Build[]} */
  const builds = [mine];
  if (options.against) {
    other = await buildAgainst(root, options.against, log);
    builds.push({ label: other.label, isThis: false, root: other.root, extensionPath: other.extensionPath, built: true });
  }
  const budget = selected.reduce((t, b) => t + (b.budgetMs?.(options) ?? 0), 0);
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? (600000 + budget) * builds.length);
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${timeoutMs} ms`);
    killChildren();
    other?.cleanupSync();
    process.exit(2);
  }, timeoutMs);

  /** @type {Common} */
  const common = { root, builds, n: N, warmups: 2, stepTimeoutMs: 10000, options, log, ...voice() };
  /** @type {Map<Benchmark, Map<string, { figures: Figure[][], details: any[] }>>} */
  const results = new Map();
  try {
    log(`benchmarks: ${selected.map((b) => b.name).join(', ')}${other ? `; this build against ${other.label}` : ''}`);
    for (const bench of selected) results.set(bench, await runBenchmark(bench, common));
  } finally {
    clearTimeout(watchdog);
  }

  const figuresOf = (/** @type {string} */ label) => [...results.values()].flatMap((byBuild) => mergeBlocks(byBuild.get(label)?.figures ?? []));
  const figures = figuresOf(mine.label);
  // Each benchmark's account of what it measured: this build's, then the ref's.
  for (const build of builds) {
    const byName = new Map(figuresOf(build.label).map((f) => [f.name, f.value]));
    if (builds.length > 1) log(`\n════ details, ${build.label}`);
    for (const [bench, byBuild] of results) {
      const details = (byBuild.get(build.label)?.details ?? []).filter((d) => d !== undefined);
      try {
        if (bench.report && details.length) bench.report(details, { ...common, ...voice(build), figures: byName });
      } catch (err) {
        voice(build).fail(`${bench.name} report: ${/** @type {Error} */ (err).stack ?? err}`);
      }
    }
  }
  const against = other && { ref: other.ref, commit: other.commit, label: other.label, figures: figuresOf(other.label) };
  log('');
  if (against) log(`this build (${root}) against ${against.label} (${against.commit}), measured in turns in this run; ratio = this / ${against.ref}:`);
  if (figures.length || against?.figures.length) printFigures(figures, against);
  else log('(no figures)');
  for (const w of warnings) log(`WARNING  ${w}`);
  if (figures.length || against?.figures.length) writeResults(RESULTS, figures, against);
}

const args = parseArgs(process.argv.slice(2));
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    other?.cleanupSync();
    process.exit(130);
  });
}
try {
  await main(args);
} catch (err) {
  failed = true;
  log(`WARNING  ${/** @type {Error} */ (err).stack ?? String(err)}`);
} finally {
  other?.cleanupSync();
}
process.exitCode = failed ? 1 : 0;
