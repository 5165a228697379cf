// Types for ./marks.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * Poll `page` until it is on a URL starting with `urlPrefix` (if given) and has a mark called `name`.
 * Polling does not affect the value: the mark's timestamp is taken in the page when its script sets it.
 * @param {Page} page
 * @param {string} name
 * @param {{ urlPrefix?: string, timeoutMs?: number, intervalMs?: number }} [options]
 * @returns {Promise<MarkReading>}
 */
export function waitForMark(page: Page, name: string, { urlPrefix, timeoutMs, intervalMs }?: {
    urlPrefix?: string;
    timeoutMs?: number;
    intervalMs?: number;
}): Promise<MarkReading>;
export type Page = import("@playwright/test").Page;
export type MarkReading = {
    /**
     * The page's location.href when the mark was read.
     */
    href: string;
    /**
     * The mark's startTime: ms since the page's time origin (its navigation start).
     */
    startTime: number;
    /**
     * performance.timeOrigin of that page (epoch ms, from the renderer's monotonic clock).
     */
    timeOrigin: number;
    /**
     * The mark on Node's Date.now() clock: timeOrigin + startTime, corrected by the
     * page's own offset between `timeOrigin + performance.now()` and `Date.now()`.
     */
    epochMs: number;
};
