// Types for ./launch.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/** The Chromium binary: env CHROMIUM_PATH, else /usr/bin/chromium. Throws a helpful error if missing. */
export function chromiumPath(): string;
/**
 * @typedef {object} LaunchOptions
 * @property {string} extensionPath  Directory of the unpacked extension (e.g. `.output/chrome-mv3`).
 * @property {string} [profileDir]   User data dir; a fresh temp dir (deleted on close) if omitted.
 * @property {number} [fixturePort]  Port of the fixture server; with it, each host in `hosts` maps to 127.0.0.1:PORT.
 * @property {readonly string[]} [hosts]  Hosts to map (default DEFAULT_FIXTURE_HOSTS).
 * @property {boolean} [headless]    Default true.
 * @property {boolean} [blockOtherHosts]  Default true: every other host name fails to resolve (`MAP * ~NOTFOUND`),
 *   so a test browser never talks to anything but 127.0.0.1.
 * @property {string[]} [extraArgs]  More Chromium switches.
 * @property {number} [workerTimeoutMs]  How long to wait for the extension's service worker (default 15000).
 */
/**
 * @typedef {object} LaunchedExtension
 * @property {import('@playwright/test').BrowserContext} context
 * @property {string} extensionId
 * @property {import('@playwright/test').Worker} worker  The extension's service worker as found at launch.
 * @property {string} profileDir
 * @property {() => Promise<void>} close  Close the browser (and delete the profile if it was a temp dir).
 */
/**
 * @param {LaunchOptions} options
 * @returns {Promise<LaunchedExtension>}
 */
export function launchWithExtension({ extensionPath, profileDir, fixturePort, hosts, headless, blockOtherHosts, extraArgs, workerTimeoutMs, }: LaunchOptions): Promise<LaunchedExtension>;
/** Host names sent to the fixture server by default (with `--host-resolver-rules`). */
export const DEFAULT_FIXTURE_HOSTS: readonly string[];
export type LaunchOptions = {
    /**
     * Directory of the unpacked extension (e.g. `.output/chrome-mv3`).
     */
    extensionPath: string;
    /**
     * User data dir; a fresh temp dir (deleted on close) if omitted.
     */
    profileDir?: string | undefined;
    /**
     * Port of the fixture server; with it, each host in `hosts` maps to 127.0.0.1:PORT.
     */
    fixturePort?: number | undefined;
    /**
     * Hosts to map (default DEFAULT_FIXTURE_HOSTS).
     */
    hosts?: readonly string[] | undefined;
    /**
     * Default true.
     */
    headless?: boolean | undefined;
    /**
     * Default true: every other host name fails to resolve (`MAP * ~NOTFOUND`),
     * so a test browser never talks to anything but 127.0.0.1.
     */
    blockOtherHosts?: boolean | undefined;
    /**
     * More Chromium switches.
     */
    extraArgs?: string[] | undefined;
    /**
     * How long to wait for the extension's service worker (default 15000).
     */
    workerTimeoutMs?: number | undefined;
};
export type LaunchedExtension = {
    context: import("@playwright/test").BrowserContext;
    extensionId: string;
    /**
     * The extension's service worker as found at launch.
     */
    worker: import("@playwright/test").Worker;
    profileDir: string;
    /**
     * Close the browser (and delete the profile if it was a temp dir).
     */
    close: () => Promise<void>;
};
