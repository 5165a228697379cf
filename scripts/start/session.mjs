// `npm start` and `npm run start:partners` as one function the tests and benchmarks call too: choose what partner
// sync runs against (backend.mjs), start the emulators while building (build.mjs), then open one Chromium window
// per person, side by side (chromium.mjs), each on its own profile (profiles.mjs). stop() undoes all of it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { emulatorsMissing, givenFirebaseProject, planEmulators } from './backend.mjs';
import { buildExtension } from './build.mjs';
import { findChromium, openWindow, screenSize } from './chromium.mjs';
import { extensionIdFor, freshProfile, persistentProfile, prepareProfile, profileInUseBy } from './profiles.mjs';

/** Theme colours for side-by-side windows (warm orange, blue), so that Ana's and Ben's can be told apart. */
const COLORS = [0xffd9730d, 0xff2a7ab8];

/** A reason not to start, for a person: print its message alone, no stack. */
export class StartError extends Error {}

/**
 * @typedef {object} SessionOptions
 * @property {string} root  The repository.
 * @property {string[]} people  One window per name, side by side: ['default'] for `npm start`, ['ana', 'ben'].
 * @property {boolean} [fresh]  Throwaway profiles, deleted by stop(), instead of .profiles/<name>.
 * @property {boolean} [headless]
 * @property {boolean} [control]  A DevTools port per window (tests, benchmarks); see chromium.mjs.
 * @property {string} [outDir]  The build's directory, relative to root (default .output/start).
 * @property {'auto' | 'emulators' | 'local'} [sync]  What partner sync runs against. 'auto' (the default): a Firebase
 *   config given in .env or the environment, else the emulators where they can run, else nothing (local-only).
 * @property {boolean} [needSync]  Refuse to start local-only (two partners need sync).
 * @property {import('./backend.mjs').Emulators} [emulators]  Emulators already running, to use and leave running.
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} Session
 * @property {'firebase' | 'emulators' | 'local'} sync
 * @property {string} extensionId
 * @property {number} buildMs  The build's wall time (the emulators, when they start here, start meanwhile).
 * @property {(import('./chromium.mjs').ChromiumWindow & { name: string, profileDir: string })[]} windows
 * @property {Promise<void>} closed  Resolves once every window has been closed.
 * @property {() => Promise<void>} stop  Close the windows, stop the emulators started here, delete fresh profiles.
 */

/**
 * @param {SessionOptions} options
 * @returns {Promise<Session>}
 */
export async function startSession(options) {
  const { root, people, fresh = false, headless = false, control = false, outDir = '.output/start' } = options;
  const log = options.log ?? ((/** @type {string} */ line) => console.log(line));
  const binary = findChromium();
  if (!binary) throw new StartError('No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new StartError('No display found: on a machine without one, run it under `xvfb-run -a`.');
  }
  if (!fresh) {
    for (const name of people) {
      const pid = profileInUseBy(persistentProfile(root, name));
      if (pid) throw new StartError(`The profile .profiles/${name} is open in another Chromium (pid ${pid}): close it first, or add --fresh.`);
    }
  }

  const sync = await chooseSync(options);
  if (options.needSync && sync.kind === 'local') throw new StartError(`${sync.line} Two partners need it.`);
  log(sync.kind === 'local' ? `${sync.line} Running local-only.` : sync.line);
  const startedAt = Date.now();
  let buildMs = 0;
  const building = buildExtension({ root, outDir, env: sync.env }).finally(() => void (buildMs = Date.now() - startedAt));
  const [built, emulators] = await Promise.allSettled([building, sync.running]);
  const ownEmulators = emulators.status === 'fulfilled' && !options.emulators ? emulators.value : undefined;
  if (built.status === 'rejected' || emulators.status === 'rejected') {
    await ownEmulators?.stop();
    throw built.status === 'rejected' ? built.reason : /** @type {PromiseRejectedResult} */ (emulators).reason;
  }
  const extensionPath = built.value;
  log(`Built in ${(buildMs / 1000).toFixed(1)} s: ${path.relative(root, extensionPath)}`);

  const extensionId = extensionIdFor(extensionPath);
  const layout = sideBySide(people.length);
  /** @type {Session['windows']} */
  const windows = [];
  /** @type {string[]} */
  const throwaway = [];
  const stop = once(async () => {
    await Promise.all(windows.map((w) => w.stop()));
    await ownEmulators?.stop();
    for (const dir of throwaway) rmSync(dir, { recursive: true, force: true });
  });
  try {
    for (const [i, name] of people.entries()) {
      const profileDir = fresh ? freshProfile(name) : persistentProfile(root, name);
      if (fresh) throwaway.push(profileDir);
      const label = name === 'default' ? 'Tandem' : name[0]?.toUpperCase() + name.slice(1);
      prepareProfile(profileDir, { extensionPath, extensionId, label, color: people.length > 1 ? COLORS[i % COLORS.length] : undefined });
      const opened = openWindow({ binary, extensionPath, profileDir, headless, bounds: layout[i], control, title: people.length > 1 ? label : undefined });
      windows.push({ name, profileDir, ...(await opened) });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const closed = Promise.all(windows.map((w) => w.exited)).then(() => undefined);
  return { sync: sync.kind, extensionId, buildMs, windows, closed, stop };
}

/**
 * @param {SessionOptions} options
 * @returns {Promise<{ kind: Session['sync'], line: string, env?: Record<string, string>,
 *   running?: Promise<import('./backend.mjs').Emulators> }>}
 */
async function chooseSync({ root, sync = 'auto', emulators }) {
  if (emulators) return { kind: 'emulators', line: `Partner sync: the local emulators (${emulators.describe}).`, env: emulators.env, running: Promise.resolve(emulators) };
  if (sync === 'local') return { kind: 'local', line: 'Partner sync is off (--local-only).' };
  const project = sync === 'auto' ? givenFirebaseProject(root) : null;
  if (project) return { kind: 'firebase', line: `Partner sync: your Firebase project ${project} (from .env or the environment).` };
  const missing = emulatorsMissing(root);
  if (missing) return { kind: 'local', line: `Partner sync is off: ${missing}.` };
  const plan = await planEmulators(root);
  return {
    kind: 'emulators',
    line: `Partner sync: the local emulators (${plan.describe}); pairs made now last until you stop.`,
    env: plan.env,
    running: plan.start(),
  };
}

/**
 * Window bounds for `n` windows next to each other across the screen; none for a single window (Chromium's own).
 * @param {number} n
 */
function sideBySide(n) {
  if (n < 2) return [];
  const screen = screenSize();
  const width = Math.floor(screen.width / n);
  return Array.from({ length: n }, (_, i) => ({ x: i * width, y: 0, width, height: screen.height }));
}

/**
 * @param {() => Promise<void>} fn
 * @returns {() => Promise<void>}
 */
function once(fn) {
  /** @type {Promise<void> | undefined} */
  let running;
  return () => (running ??= fn());
}
