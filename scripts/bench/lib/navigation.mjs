// Gated navigations for scripts/bench/gate.mjs: one navigation in a fresh tab until the block page's mark, N of
// them with the worker warm or stopped, and the warm-up that waits until the gate is in force.
//
// How the gate latency is measured
// - Each navigation happens in a fresh tab (about:blank), like typing the address into a new tab; the browser
//   navigates by itself to the gated URL via Playwright's page.goto (CDP Page.navigate).
// - t0 = Node's Date.now() taken right before page.goto. The end is the block page's
//   performance.mark('tandem:block-ready'), mapped onto the same Date.now() clock:
//   performance.timeOrigin + mark.startTime, corrected by the page's own offset between
//   (timeOrigin + performance.now()) and Date.now() (Chromium's timeOrigin comes from a monotonic clock).
//   Both ends are on the one wall clock of this machine, so the figure includes the ~1 ms of CDP round trip
//   before the navigation starts. We use this rather than the block page's own timeOrigin because a
//   webNavigation+tabs.update blocker starts a NEW navigation, whose timeOrigin hides the time lost before it;
//   for Tandem (a declarativeNetRequest redirect keeps the original navigation) the block page's timeOrigin is
//   printed as a check on the overhead ("nav start − t0").
// - A leak = a navigation for which at least one request reached the fixture server for the gated host
//   (counted 200 ms after the block page showed). "Rendered" = the gated page itself committed in the tab.
// - Cold: the extension's service worker is stopped through CDP (Target.closeTarget; checked gone) before
//   each navigation, as Chrome's 30 s idle timeout would leave it.
// - Two warm-up navigations per extension are not counted.

import { waitForMark } from '../../../tests/support/marks.mjs';
import { extensionUrl } from '../../../tests/support/tandem.mjs';
import { getWorker, isWorkerRunning, stopServiceWorker } from '../../../tests/support/worker.mjs';

export const GATED_HOST = 'mail.google.com';
const SETTLE_MS = 200;
/** Tandem's block page marks 'tandem:block-ready' when its first script runs (its static message is painted)
 * and this once it shows the commitment and progress from the database: reported as block.render.ms.*. */
export const RENDER_MARK = 'tandem:block-rendered';

/** The gated URLs: a path that varies (no cache), a fragment with a query, `&` and a non-ASCII character. */
export const gatedUrl = (/** @type {number} */ i) => `https://${GATED_HOST}/mail/u/${i % 10}/#inbox?x=${i}&y=ü`;

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @typedef {Awaited<ReturnType<typeof import('../../../tests/support/launch.mjs').launchWithExtension>>} Ext */
/** @typedef {Awaited<ReturnType<typeof import('../../../tests/support/fixture-server.mjs').startFixtureServer>>} Fixture */

/**
 * @typedef {object} NavResult
 * @property {number} ms         t0 → block page's mark
 * @property {number} navStart   block page's timeOrigin − t0
 * @property {number} inPage     the mark's startTime (since the block page's own navigation start)
 * @property {number} renderMs   t0 → the block page showing the commitment (Tandem's 'tandem:block-rendered'), else NaN
 * @property {boolean} leaked    a request for the gated host reached the fixture server
 * @property {boolean} rendered  the gated page itself committed in the tab
 * @property {string} fragment   the block page's raw fragment (without '#')
 * @property {string} url        the URL navigated to
 */

/**
 * One navigation to a gated URL in a fresh tab, until the block page's mark.
 * @param {Ext} ext
 * @param {Fixture} fx
 * @param {string} url
 * @param {{ renderMark?: string, timeoutMs: number }} options renderMark: a later mark for when the block page
 *   shows its content (Tandem only)
 * @returns {Promise<NavResult>}
 */
export async function navigateOnce(ext, fx, url, { renderMark, timeoutMs }) {
  const blockPrefix = extensionUrl(ext.extensionId, 'block.html');
  const page = await ext.context.newPage();
  let rendered = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith(`https://${GATED_HOST}/`)) rendered = true;
  });
  try {
    fx.reset();
    const t0 = Date.now();
    const nav = page.goto(url, { waitUntil: 'commit', timeout: timeoutMs }).catch(() => {});
    const mark = await waitForMark(page, 'tandem:block-ready', { urlPrefix: blockPrefix, timeoutMs });
    const shown = renderMark ? await waitForMark(page, renderMark, { urlPrefix: blockPrefix, timeoutMs }) : undefined;
    await nav;
    await sleep(SETTLE_MS);
    const hash = mark.href.indexOf('#');
    return {
      ms: mark.epochMs - t0,
      renderMs: shown ? shown.epochMs - t0 : NaN,
      navStart: mark.timeOrigin - t0,
      inPage: mark.startTime,
      leaked: fx.countFor(GATED_HOST) > 0,
      rendered,
      fragment: hash >= 0 ? mark.href.slice(hash + 1) : '',
      url,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * `n` navigations with the worker warm or stopped before each.
 * @param {Ext} ext
 * @param {Fixture} fx
 * @param {{ n: number, cold: boolean, renderMark?: string, timeoutMs: number }} options
 */
export async function runGate(ext, fx, { n, cold, renderMark, timeoutMs }) {
  /** @type {NavResult[]} */
  const results = [];
  for (let i = 0; i < n; i++) {
    if (cold) {
      await stopServiceWorker(ext.context, ext.extensionId, { timeoutMs });
      if (await isWorkerRunning(ext.context, ext.extensionId)) throw new Error('the worker is still running after the stop');
    } else {
      await getWorker(ext.context, ext.extensionId); // make sure it runs (a previous step may have stopped it)
    }
    results.push(await navigateOnce(ext, fx, gatedUrl(i), { renderMark, timeoutMs }));
  }
  return results;
}

/**
 * Uncounted navigations; also waits (bounded) until the gate is in force, e.g. until Tandem's DNR rules are
 * installed after saving.
 * @param {Ext} ext
 * @param {Fixture} fx
 * @param {{ warmups: number, timeoutMs: number }} options
 */
export async function warmUp(ext, fx, { warmups, timeoutMs }) {
  const deadline = Date.now() + 15000;
  let done = 0;
  let lastError = '';
  while (done < warmups) {
    if (Date.now() > deadline) throw new Error(`the gate never redirected to block.html within 15 s (${lastError})`);
    try {
      await navigateOnce(ext, fx, gatedUrl(99), { timeoutMs });
      done++;
    } catch (err) {
      lastError = /** @type {Error} */ (err).message.split('\n')[0] ?? '';
      await sleep(250);
    }
  }
}
