// gate: how fast and how tightly the gate closes — Tandem (declarativeNetRequest) against a typical blocker
// (webNavigation + tabs.update, tests/bench/baseline-extension), each in a fresh browser: 2 uncounted
// navigations, then N with the worker running and N with it stopped before each (scripts/bench/lib/navigation.mjs
// says how a navigation is timed); in rounds, each round's share warm then cold, the browsers kept open between
// rounds (scripts/bench/lib/pool.mjs). Env BENCH_SKIP_BASELINE=1, BENCH_SKIP_TANDEM=1.
//
// gate.ms.warm / .cold, baseline.ms.warm / .cold: t0 → the block page's 'tandem:block-ready', medians;
// block.render.ms.warm / .cold: t0 → Tandem's block page showing the commitment ('tandem:block-rendered');
// gate.leaks.*, baseline.leaks.*: navigations for which a request reached the gated site; gate.navigations: N.
// dnr.floor.ms.warm: t0 → the same content painted by a minimal extension this benchmark writes (lib/floor.mjs: one
// static DNR rule redirecting to a static page), in the same run; the target is block.render.ms.warm ≤ 1.3 × it
// (the report prints the ratio). Env BENCH_SKIP_FLOOR=1 leaves it out.

import path from 'node:path';
import { count, timing } from './lib/figures.mjs';
import { GATED_HOST, RENDER_MARK, runGate, warmUp } from './lib/navigation.mjs';
import { Pool } from './lib/pool.mjs';
import { writeFloorExtension } from './lib/floor.mjs';
import { median, quantile, round1 } from '../stats.mjs';
import { startFixtureServer } from '../../tests/support/fixture-server.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { saveAlwaysOpenCommitment } from '../../tests/support/tandem.mjs';

/** @typedef {import('./lib/navigation.mjs').NavResult} NavResult */
/** @typedef {import('./lib/navigation.mjs').Ext} Ext */
/** @typedef {import('./lib/navigation.mjs').Fixture} Fixture */
/** @typedef {Record<'warm' | 'cold', NavResult[]>} ByMode */

const MODES = /** @type {const} */ (['warm', 'cold']);
/** block.render.ms.warm may be at most this many times dnr.floor.ms.warm. */
const FLOOR_TARGET = 1.3;

/**
 * A browser with the extension loaded, Tandem onboarded, and the gate in force (warm-up navigations done).
 * @param {'gate' | 'baseline' | 'floor'} prefix
 * @param {string} extensionPath
 * @param {import('./lib/context.mjs').Ctx} ctx
 * @param {Fixture} fx
 */
async function launch(prefix, extensionPath, ctx, fx) {
  const ext = await launchWithExtension({ extensionPath, fixturePort: fx.port });
  try {
    if (prefix === 'gate') {
      try {
        await saveAlwaysOpenCommitment(ext.context, ext.extensionId, { timeoutMs: ctx.stepTimeoutMs });
      } catch (err) {
        throw new Error(`onboarding (onboarding.html → save-commitment → saved) failed: ${/** @type {Error} */ (err).message}`);
      }
    }
    await warmUp(ext, fx, { warmups: ctx.warmups, timeoutMs: ctx.stepTimeoutMs });
    return ext;
  } catch (err) {
    await ext.close();
    throw err;
  }
}

/**
 * This round's navigations, warm then cold (the floor: warm only), in `prefix`'s browser for this build (kept open
 * for the next round).
 * @param {'gate' | 'baseline' | 'floor'} prefix
 * @param {string} extensionPath
 * @param {import('./lib/context.mjs').Ctx} ctx
 */
async function measure(prefix, extensionPath, ctx) {
  const { fx, pool } = /** @type {{ fx: Fixture, pool: Pool<Ext> }} */ (ctx.state);
  const key = `${ctx.build.label} ${prefix}`;
  const ext = await pool.get(key, () => launch(prefix, extensionPath, ctx, fx));
  const n = ctx.share(ctx.n);
  const timeoutMs = ctx.stepTimeoutMs;
  const renderMark = prefix === 'baseline' ? undefined : RENDER_MARK;
  /** @type {ByMode} */
  const byMode = { warm: [], cold: [] };
  const figures = [];
  if (prefix === 'floor') {
    byMode.warm = await runGate(ext, fx, { n, cold: false, renderMark, timeoutMs });
    figures.push(timing('dnr.floor.ms.warm', byMode.warm.map((r) => r.renderMs)));
    figures.push(count('floor.leaks.warm', byMode.warm.filter((r) => r.leaked).length, 'navigations'));
    await pool.done(key, ctx);
    return { byMode, figures };
  }
  for (const mode of MODES) {
    const rs = (byMode[mode] = await runGate(ext, fx, { n, cold: mode === 'cold', renderMark, timeoutMs }));
    figures.push(timing(`${prefix}.ms.${mode}`, rs.map((r) => r.ms)));
    if (prefix === 'gate') figures.push(timing(`block.render.ms.${mode}`, rs.map((r) => r.renderMs)));
    figures.push(count(`${prefix}.leaks.${mode}`, rs.filter((r) => r.leaked).length, 'navigations'));
  }
  if (prefix === 'gate') figures.push(count('gate.navigations', n, 'navigations'));
  await pool.done(key, ctx);
  return { byMode, figures };
}

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'gate',
  about: 'the gate against a webNavigation blocker: navigation → block page, worker warm and stopped',
  browser: true,
  // Ten rounds even with one build: Tandem's navigations and the floor's alternate through the run, so a drift in the
  // machine's speed falls on both sides of block.render.ms.warm / dnr.floor.ms.warm alike.
  rounds: 10,
  againstRounds: 10,
  async setup() {
    return { fx: await startFixtureServer(), pool: new Pool(), floor: writeFloorExtension() };
  },
  async teardown({ fx, pool, floor }) {
    await pool.closeAll();
    await fx.close();
    floor.remove();
  },
  async run(ctx) {
    const n = ctx.share(ctx.n);
    /** @type {{ baseline?: ByMode, gate?: ByMode, floor?: ByMode }} */
    const detail = {};
    const figures = [];
    if (process.env.BENCH_SKIP_BASELINE !== '1') {
      ctx.log(`baseline (webNavigation + tabs.update): ${n} navigations warm, ${n} cold …`);
      const r = await measure('baseline', path.join(ctx.root, 'tests', 'bench', 'baseline-extension'), ctx);
      detail.baseline = r.byMode;
      figures.push(...r.figures);
    }
    if (process.env.BENCH_SKIP_TANDEM !== '1' && ctx.build.built) {
      ctx.log(`Tandem (declarativeNetRequest): ${ctx.round ? '' : 'onboarding, '}${n} navigations warm, ${n} cold …`);
      const r = await measure('gate', ctx.build.extensionPath, ctx);
      detail.gate = r.byMode;
      figures.push(...r.figures);
      const leaks = [...r.byMode.warm, ...r.byMode.cold].filter((x) => x.leaked).length;
      if (leaks) ctx.fail(`Tandem's gate leaked: ${leaks} navigation(s) reached ${GATED_HOST}`);
    }
    if (process.env.BENCH_SKIP_FLOOR !== '1') {
      ctx.log(`DNR floor (static rule → static page): ${n} navigations warm …`);
      const { floor } = /** @type {{ floor: { dir: string } }} */ (ctx.state);
      const r = await measure('floor', floor.dir, ctx);
      detail.floor = r.byMode;
      figures.push(...r.figures);
    }
    return { figures, detail };
  },
  report(details, { log, warn, figures }) {
    /** @type {(key: 'gate' | 'baseline' | 'floor', mode: 'warm' | 'cold') => NavResult[]} */
    const all = (key, mode) => details.flatMap((d) => d[key]?.[mode] ?? []);
    const r = (/** @type {number} */ x) => `${round1(x)}`;
    log('');
    log(`Chromium headless, ${all('gate', 'warm').length || all('baseline', 'warm').length} navigations per row; ms from t0 (Date.now() before page.goto) to the block page's mark.`);
    log(`nav start − t0 = the block page's timeOrigin − t0; in page = the mark's startTime (from that timeOrigin);
content = t0 → Tandem's block page showing the commitment from its database; medians.`);
    const cols = [['median', 9], ['p90', 9], ['max', 9], ['leaks', 8], ['rendered', 10], ['nav start−t0', 14], ['in page', 9], ['content', 9]];
    const head = `${'configuration'.padEnd(22)}${cols.map(([h, w]) => String(h).padStart(Number(w))).join('')}`;
    log(head);
    log('-'.repeat(head.length));
    for (const [key, label] of /** @type {const} */ ([['gate', 'Tandem (DNR)'], ['baseline', 'baseline (webNav)'], ['floor', 'DNR floor']])) {
      for (const mode of MODES) {
        const rs = all(key, mode);
        if (!rs.length) continue;
        const ms = rs.map((x) => x.ms);
        const cells = [
          r(median(ms)), r(quantile(ms, 0.9)), r(Math.max(...ms)),
          `${rs.filter((x) => x.leaked).length}/${rs.length}`, `${rs.filter((x) => x.rendered).length}/${rs.length}`,
          r(median(rs.map((x) => x.navStart))), r(median(rs.map((x) => x.inPage))),
          key === 'baseline' ? '–' : r(median(rs.map((x) => x.renderMs))),
        ];
        log(`${`${label} ${mode}`.padEnd(22)}${cells.map((c, i) => c.padStart(Number(cols[i]?.[1]))).join('')}`);
      }
    }
    const rendered = figures.get('block.render.ms.warm');
    const floor = figures.get('dnr.floor.ms.warm');
    if (rendered !== undefined && floor !== undefined) {
      const ratio = rendered / floor;
      log(`block.render.ms.warm ${r(rendered)} / dnr.floor.ms.warm ${r(floor)} = ${ratio.toFixed(2)}× (target ≤ ${FLOOR_TARGET}×: ${ratio <= FLOOR_TARGET ? 'met' : 'not met'})`);
    }
    for (const mode of MODES) {
      const g = figures.get(`gate.ms.${mode}`);
      const b = figures.get(`baseline.ms.${mode}`);
      if (g !== undefined && b !== undefined) log(`baseline / Tandem, ${mode}: ${round1(b / g)}×`);
    }
    // The original URL must survive the redirect exactly: fragment, '&' and non-ASCII (as the browser encodes it).
    for (const key of /** @type {const} */ (['gate', 'baseline'])) {
      const rs = [...all(key, 'warm'), ...all(key, 'cold')];
      if (!rs.length) continue;
      const bad = rs.filter((x) => x.fragment !== new URL(x.url).href);
      if (key === 'baseline') {
        if (bad.length) log(`(baseline: original URL differs in ${bad.length}/${rs.length} navigations)`);
      } else if (bad.length) {
        const x = /** @type {NavResult} */ (bad[0]);
        warn(`block page's original URL differs from the URL navigated to in ${bad.length}/${rs.length} navigations, e.g. navigated ${new URL(x.url).href} but the fragment is ${x.fragment}`);
      } else {
        log(`original URL in block.html#…: intact in ${rs.length}/${rs.length} navigations (e.g. ${rs[0]?.fragment})`);
      }
    }
  },
};
