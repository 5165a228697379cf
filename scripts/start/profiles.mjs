// Chromium profiles for `npm start`: persistent ones under .profiles/<name> (git-ignored), or a fresh throwaway one
// per run. A profile Chromium has never opened is set up the way a person would leave it: Tandem pinned to the
// toolbar (where the badge shows) and the person's name on the profile. A profile kept from an earlier run forgets
// the earlier build's service worker (see forgetOldWorker).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the persistent profile `name` lives: `<root>/.profiles/<name>`.
 * @param {string} root
 * @param {string} name
 */
export const persistentProfile = (root, name) => path.join(root, '.profiles', name);

/**
 * A new throwaway profile directory for `name` in the temp directory (the caller deletes it).
 * @param {string} name
 */
export const freshProfile = (name) => mkdtempSync(path.join(os.tmpdir(), `tandem-${name}-`));

/**
 * Chromium's id for an unpacked extension loaded from `extensionPath`: the first 128 bits of the SHA-256 of its
 * absolute, symlink-free path, each hex digit written as a letter a–p.
 * @param {string} extensionPath
 */
export function extensionIdFor(extensionPath) {
  const hex = createHash('sha256').update(realpathSync(extensionPath)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * The pid of a Chromium that has this profile open right now (its SingletonLock names "host-pid"), or null.
 * @param {string} dir
 * @returns {number | null}
 */
export function profileInUseBy(dir) {
  let target;
  try {
    target = readlinkSync(path.join(dir, 'SingletonLock'));
  } catch {
    return null;
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match || match[1] !== os.hostname()) return null;
  const pid = Number(match[2]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a lock left behind by a Chromium that is gone
  }
}

/**
 * Before Chromium opens the profile with the build in `extensionPath`. First use: pin Tandem to the toolbar and
 * name the profile (shown on its avatar button). Later uses: the profile is left as the person left it, but for
 * the service worker of an earlier build (forgetOldWorker).
 * @param {string} dir
 * @param {{ extensionPath: string, extensionId: string, label: string, color?: number }} options
 *   color: the browser's theme colour (0xAARRGGBB), so that side-by-side windows can be told apart.
 */
export function prepareProfile(dir, { extensionPath, extensionId, label, color }) {
  if (existsSync(path.join(dir, 'Local State'))) {
    const { version } = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8'));
    forgetOldWorker(dir, extensionId, version);
    return;
  }
  mkdirSync(path.join(dir, 'Default'), { recursive: true });
  const theme = color === undefined ? {} : { browser: { theme: { user_color2: color | 0, color_variant2: 1 } } };
  writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [extensionId] }, ...theme }));
  writeFileSync(
    path.join(dir, 'Local State'),
    JSON.stringify({ profile: { info_cache: { Default: { name: label, is_using_default_name: false } } } }),
  );
}

/**
 * Chromium keeps an unpacked extension's service worker registered across restarts and, measured with Chromium 156,
 * goes on running the first build's worker even after the files and the version changed: new pages, old worker
 * (here: the emulator ports of an earlier run). When the registered version is not this build's, the registration
 * goes (the profile's service-worker store and the extension's note of it); Chromium then registers this build's
 * worker as on a first install. The extension's data (IndexedDB, storage) stays.
 * @param {string} dir
 * @param {string} extensionId
 * @param {string} version
 */
function forgetOldWorker(dir, extensionId, version) {
  const file = path.join(dir, 'Default', 'Preferences');
  if (!existsSync(file)) return;
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[extensionId];
  const registered = settings?.service_worker_registration_info?.version;
  if (registered === undefined || registered === version) return;
  delete settings.service_worker_registration_info;
  writeFileSync(file, JSON.stringify(prefs));
  rmSync(path.join(dir, 'Default', 'Service Worker'), { recursive: true, force: true });
}
