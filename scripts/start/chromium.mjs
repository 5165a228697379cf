// One Chromium window with Tandem loaded, for `npm start`. Chromium's own output (D-Bus, GPU and font warnings)
// goes to chromium.log in the profile, not to the terminal. With `control`, Chromium also opens a DevTools port on
// 127.0.0.1 for tests and benchmarks (connect with Playwright's chromium.connectOverCDP); `npm start` leaves it off.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The Chromium binary: env CHROMIUM_PATH, else the usual Debian/Ubuntu places; null when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

/** The screen's size in pixels (xdpyinfo), or 1280×800 when it cannot be told. */
export function screenSize() {
  const out = spawnSync('xdpyinfo', [], { encoding: 'utf8', timeout: 3000 });
  const match = /dimensions:\s+(\d+)x(\d+)/.exec(out.stdout ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 1280, height: 800 };
}

/**
 * @typedef {object} WindowOptions
 * @property {string} binary
 * @property {string} extensionPath
 * @property {string} profileDir
 * @property {boolean} [headless]
 * @property {{ x: number, y: number, width: number, height: number }} [bounds]
 * @property {boolean} [control]  Open a DevTools port (tests, benchmarks).
 * @property {string} [title]  The window's name for the window manager (title bar, task bar), e.g. "Ana".
 */

/**
 * @typedef {object} ChromiumWindow
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<number | null>} exited  Resolves with the exit code when Chromium has gone.
 * @property {string | null} cdpUrl  http://127.0.0.1:PORT with `control`, else null.
 * @property {string} log  Where Chromium's output goes.
 * @property {() => Promise<void>} stop  Ask Chromium to quit (SIGTERM) and wait until all its processes have gone
 *   (forced after 10 s).
 */

/**
 * @param {WindowOptions} options
 * @returns {Promise<ChromiumWindow>}
 */
export async function openWindow({ binary, extensionPath, profileDir, headless = false, bounds, control = false, title }) {
  const args = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--password-store=basic', // no keyring prompt for a profile of its own
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(headless ? ['--headless', '--disable-gpu'] : []),
    ...(title ? [`--window-name=${title}`] : []),
    ...(bounds ? [`--window-position=${bounds.x},${bounds.y}`, `--window-size=${bounds.width},${bounds.height}`] : []),
    // A blank first tab instead of the New Tab page: a DevTools client connecting while that page swaps renderers
    // can wait for it forever (Playwright's connectOverCDP did, about one time in three).
    ...(control ? ['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', 'about:blank'] : []),
  ];
  const portFile = path.join(profileDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const log = path.join(profileDir, 'chromium.log');
  const fd = openSync(log, 'w');
  // A process group of its own: stop() can wait until every Chromium process of this window has gone (helpers
  // that outlive the browser process still write to the profile), and Ctrl-C reaches Chromium through stop().
  const child = spawn(binary, args, { stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  /** @type {number | null | undefined} */
  let code;
  const exited = new Promise((resolve) => {
    child.on('error', () => resolve((code = -1)));
    child.on('exit', (c) => resolve((code = c)));
  });
  const stop = async () => {
    if (code === undefined) child.kill('SIGTERM');
    const deadline = Date.now() + 10_000;
    const force = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 10_000);
    await exited;
    while (signalGroup(child.pid, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    clearTimeout(force);
  };
  let cdpUrl = null;
  if (control) {
    // Chromium writes the port it chose to DevToolsActivePort once it listens.
    while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').includes('\n')) {
      if (code !== undefined) throw new Error(`Chromium exited (code ${code}) before it opened DevTools; see ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    cdpUrl = `http://127.0.0.1:${readFileSync(portFile, 'utf8').split('\n')[0]}`;
  }
  return { child, exited, cdpUrl, log, stop };
}

/**
 * Send `signal` to every process of the group `pid` leads; false when none is left.
 * @param {number | undefined} pid
 * @param {NodeJS.Signals | 0} signal
 */
function signalGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
