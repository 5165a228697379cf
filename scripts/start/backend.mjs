// What partner sync runs against in `npm start`: the person's own Firebase project when a config is given (the
// environment or WXT's .env files), else the local Firestore and Auth emulators the tests use, else nothing
// (local-only), with the reason in one line.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import {
  findFirestoreEmulatorJar, freePort, startAuthEmulator, startFirestoreEmulator,
} from '../../tests/support/emulators.mjs';

/** A `demo-*` project never touches a real Firebase project. */
export const EMULATOR_PROJECT = 'demo-tandem';

// The files WXT reads for a production Chrome build (wxt/dist/core/utils/env.mjs), later ones winning.
const ENV_FILES = ['', '.local', '.production', '.production.local', '.chrome', '.chrome.local', '.production.chrome', '.production.chrome.local'];

/**
 * The Firebase project a build would be configured with (WXT_FIREBASE_PROJECT_ID and WXT_FIREBASE_API_KEY, from the
 * environment first, then the .env files), or null: the same test as utils/firestore/config.ts.
 * @param {string} root
 * @returns {string | null}
 */
export function givenFirebaseProject(root) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const suffix of ENV_FILES) {
    const file = path.join(root, `.env${suffix}`);
    try {
      if (existsSync(file)) Object.assign(files, parseEnv(readFileSync(file, 'utf8')));
    } catch {
      // WXT skips a file it cannot parse; so do we.
    }
  }
  const value = (/** @type {string} */ key) => (process.env[key] ?? files[key] ?? '').trim();
  return value('WXT_FIREBASE_PROJECT_ID') && value('WXT_FIREBASE_API_KEY') ? value('WXT_FIREBASE_PROJECT_ID') : null;
}

/** @param {string} command */
function onPath(command) {
  const candidates = command.includes('/') ? [command] : (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Why the emulators cannot run on this machine, in a few words, or null when they can.
 * @param {string} root
 * @returns {string | null}
 */
export function emulatorsMissing(root) {
  const found = findFirestoreEmulatorJar();
  if (found.jar === null) {
    return process.env.FIRESTORE_EMULATOR_JAR
      ? found.reason
      : 'no Firestore emulator jar (Debian: apt-get install google-cloud-cli-firestore-emulator; or set FIRESTORE_EMULATOR_JAR)';
  }
  if (!onPath(process.env.JAVA ?? 'java')) return 'no Java to run the Firestore emulator (Debian: apt-get install default-jre-headless)';
  if (!existsSync(path.join(root, 'node_modules', 'firebase-tools'))) return 'firebase-tools is missing (run npm ci)';
  return null;
}

/**
 * @typedef {object} Emulators
 * @property {Record<string, string>} env  The WXT_* settings that point a build at them.
 * @property {string} describe  "Firestore 127.0.0.1:PORT, Auth 127.0.0.1:PORT".
 * @property {() => Promise<void>} stop
 */

/**
 * Ports for both emulators, and a start() that brings them up there. The ports are known before the emulators
 * answer, so the extension can be built meanwhile (the addresses are build-time settings).
 * @param {string} root
 * @returns {Promise<{ env: Record<string, string>, describe: string, start: () => Promise<Emulators> }>}
 */
export async function planEmulators(root) {
  const [firestorePort, authPort] = [await freePort(), await freePort()];
  const env = {
    WXT_FIREBASE_PROJECT_ID: EMULATOR_PROJECT,
    WXT_FIREBASE_API_KEY: 'demo-key',
    WXT_FIRESTORE_EMULATOR_HOST: `127.0.0.1:${firestorePort}`,
    WXT_AUTH_EMULATOR_HOST: `127.0.0.1:${authPort}`,
  };
  const describe = `Firestore ${env.WXT_FIRESTORE_EMULATOR_HOST}, Auth ${env.WXT_AUTH_EMULATOR_HOST}`;
  const start = async () => {
    const started = await Promise.allSettled([
      startFirestoreEmulator({ rules: path.join(root, 'firestore.rules'), port: firestorePort }),
      startAuthEmulator({ projectId: EMULATOR_PROJECT, port: authPort }),
    ]);
    const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const stop = async () => void (await Promise.all(running.map((e) => e.stop())));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await stop();
      throw failed.reason;
    }
    return { env, describe, stop };
  };
  return { env, describe, start };
}
