// Launch Debian's Chromium headless with an unpacked MV3 extension loaded (see docs ENVIRONMENT.md).
// Never `npx playwright install`: there is no download here; Chromium comes from `apt-get install chromium`.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Host names sent to the fixture server by default (with `--host-resolver-rules`). */
export const DEFAULT_FIXTURE_HOSTS = Object.freeze([
  'mail.google.com',
  'outlook.office.com',
  'outlook.live.com',
  'mail.yahoo.com',
  'www.icloud.com',
  'app.fastmail.com',
  'example.org',
  'docs.example.org',
]);

/** The Chromium binary: env CHROMIUM_PATH, else /usr/bin/chromium. Throws a helpful error if missing. */
export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. Install Debian's Chromium with \`apt-get update && apt-get install -y chromium\` ` +
        `(or set CHROMIUM_PATH). Do not run \`npx playwright install\`: there is no download on these machines.`,
    );
  }
  return p;
}

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
export async function launchWithExtension({
  extensionPath,
  profileDir,
  fixturePort,
  hosts = DEFAULT_FIXTURE_HOSTS,
  headless = true,
  blockOtherHosts = true,
  extraArgs = [],
  workerTimeoutMs = 15000,
}) {
  const executablePath = chromiumPath();
  const extDir = path.resolve(extensionPath);
  if (!existsSync(path.join(extDir, 'manifest.json'))) {
    throw new Error(`No manifest.json in ${extDir}: build the extension first (npm run build).`);
  }
  const tempProfile = !profileDir;
  const userDataDir = profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'tandem-profile-'));

  const args = [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
  ];
  /** @type {string[]} */
  const rules = [];
  if (fixturePort !== undefined) rules.push(...hosts.map((h) => `MAP ${h} 127.0.0.1:${fixturePort}`));
  // Anything else must not leave the machine: this is a test browser.
  if (blockOtherHosts) rules.push('MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1');
  if (rules.length) args.push(`--host-resolver-rules=${rules.join(', ')}`);
  args.push(...extraArgs);

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    args,
    // Playwright adds --disable-extensions by default; we need ours loaded.
    ignoreDefaultArgs: ['--disable-extensions'],
  });

  const cleanup = async () => {
    await context.close().catch(() => {});
    if (tempProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    const isExtWorker = (/** @type {import('@playwright/test').Worker} */ w) => w.url().startsWith('chrome-extension://');
    let worker = context.serviceWorkers().find(isExtWorker);
    if (!worker) {
      worker = await context.waitForEvent('serviceworker', { predicate: isExtWorker, timeout: workerTimeoutMs });
    }
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, worker, profileDir: userDataDir, close: cleanup };
  } catch (err) {
    await cleanup();
    throw new Error(
      `launchWithExtension: the extension's service worker did not start within ${workerTimeoutMs} ms ` +
        `(${/** @type {Error} */ (err).message}). Does ${extDir}/manifest.json declare background.service_worker?`,
    );
  }
}
