// What the runner (scripts/bench.mjs) and a benchmark (scripts/bench/<name>.mjs) agree on.
//
// A benchmark's module default-exports a Benchmark. The runner calls setup once (with every build), then run
// once per build and round — the builds taking turns (this, ref, ref, this, this, ref, …) — then teardown,
// and at the end report with each build's details. A run measures one build in a fresh browser and returns its
// figures (scripts/bench/lib/figures.mjs says how the rounds of one build merge) and a detail for report.

/** @typedef {import('./figures.mjs').Figure} Figure */

/**
 * @typedef {object} Build
 * @property {string} label          'this build' or '<ref>@<short commit>'
 * @property {boolean} isThis        the current checkout's build
 * @property {string} root           the checkout its source (and Node programs) come from
 * @property {string} extensionPath  its .output/chrome-mv3
 * @property {boolean} built         extensionPath holds a manifest.json
 */

/**
 * @typedef {object} Common
 * @property {string} root                  this checkout (tests/support, the baseline extension)
 * @property {Build[]} builds
 * @property {number} n                     BENCH_N: navigations, popup opens, rounds per configuration
 * @property {number} warmups               uncounted navigations / opens per browser
 * @property {number} stepTimeoutMs
 * @property {Record<string, string>} options  the command line's --name value flags
 * @property {(line: string) => void} log
 * @property {(message: string) => void} warn   printed at the end as WARNING
 * @property {(message: string) => void} fail   a warning that makes the run fail (exit code 1)
 * @property {(err: unknown) => void} problem   an emulator that cannot run here: a loud skip; else a failure
 */

/**
 * @typedef {Common & {
 *   build: Build, round: number, rounds: number, state: any,
 *   share: (total: number) => number,
 * }} Ctx  share: this round's part of `total` (all of it with one round)
 */

/**
 * @typedef {object} Benchmark
 * @property {string} name
 * @property {string} about                 one line
 * @property {boolean} [browser]            measured in rounds that alternate the builds when there are two
 * @property {number} [againstRounds]       how many rounds then (default 2; --rounds overrides)
 * @property {number} [rounds]              at least this many rounds, even with one build
 * @property {(ctx: Common) => Promise<any>} [setup]   its result is ctx.state
 * @property {(ctx: Ctx) => Promise<{ figures: Figure[], detail?: any }>} run
 * @property {(state: any) => Promise<void>} [teardown]
 * @property {(options: Record<string, string>) => number} [budgetMs]  time it may need beyond the runner's
 *   default (BENCH_TIMEOUT_MS unset), per build
 * @property {(details: any[], ctx: Common & { figures: Map<string, number> }) => void} [report]
 *   prints one build's details (one per round) and merged figures: this build's, then the ref's
 */

/** An emulator that cannot run here is a loud skip, not a failure (as in the tests). @param {unknown} err */
export function isEmulatorUnavailable(err) {
  const e = /** @type {Error & { reason?: string }} */ (err);
  return e?.name === 'EmulatorUnavailableError' || /EmulatorUnavailableError/.test(String(e?.message));
}

/** @param {number} total @param {number} round @param {number} rounds */
export const shareOf = (total, round, rounds) => Math.floor(total / rounds) + (round < total % rounds ? 1 : 0);

export {};
