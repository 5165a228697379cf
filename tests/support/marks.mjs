// Read `performance.mark()`s that extension pages set (e.g. 'tandem:block-ready', 'tandem:popup-ready'),
// surviving the navigations/redirects that happen while we wait.

/** @typedef {import('@playwright/test').Page} Page */

/**
 * @typedef {object} MarkReading
 * @property {string} href        The page's location.href when the mark was read.
 * @property {number} startTime   The mark's startTime: ms since the page's time origin (its navigation start).
 * @property {number} timeOrigin  performance.timeOrigin of that page (epoch ms, from the renderer's monotonic clock).
 * @property {number} epochMs     The mark on Node's Date.now() clock: timeOrigin + startTime, corrected by the
 *                                page's own offset between `timeOrigin + performance.now()` and `Date.now()`.
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Poll `page` until it is on a URL starting with `urlPrefix` (if given) and has a mark called `name`.
 * Polling does not affect the value: the mark's timestamp is taken in the page when its script sets it.
 * @param {Page} page
 * @param {string} name
 * @param {{ urlPrefix?: string, timeoutMs?: number, intervalMs?: number }} [options]
 * @returns {Promise<MarkReading>}
 */
export async function waitForMark(page, name, { urlPrefix, timeoutMs = 10000, intervalMs = 5 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (page.isClosed()) throw new Error(`waitForMark(${name}): the page was closed`);
    if (!urlPrefix || page.url().startsWith(urlPrefix)) {
      try {
        const r = await page.evaluate((markName) => {
          const m = performance.getEntriesByName(markName, 'mark')[0];
          if (!m) return null;
          const skew = performance.timeOrigin + performance.now() - Date.now();
          return { href: location.href, startTime: m.startTime, timeOrigin: performance.timeOrigin, skew };
        }, name);
        if (r && (!urlPrefix || r.href.startsWith(urlPrefix))) {
          const { skew, ...rest } = r;
          return { ...rest, epochMs: r.timeOrigin + r.startTime - skew };
        }
      } catch (err) {
        // "Execution context was destroyed" while the page navigates: try again.
        lastError = /** @type {Error} */ (err).message.split('\n')[0] ?? '';
      }
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `waitForMark: no mark '${name}' ${urlPrefix ? `on ${urlPrefix}… ` : ''}within ${timeoutMs} ms ` +
      `(page is at ${page.url()}${lastError ? `; last error: ${lastError}` : ''})`,
  );
}
