// Local Firebase emulators for tests: Google's Cloud Firestore emulator (a Java jar, started directly — firebase-tools'
// `--only firestore` wants Java 21 and a download) and the Firebase Auth emulator (firebase-tools, offline, no Java).
// Each starts on a free 127.0.0.1 port, is awaited until it answers, and is killed on stop() or when this process
// exits. Missing pieces (no jar, no java, no firebase-tools) raise EmulatorUnavailableError with a readable reason so
// callers can skip loudly. See README.md here and ../../docs/sync.md.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} RunningEmulator
 * @property {string} host  Always '127.0.0.1'.
 * @property {number} port
 * @property {() => Promise<void>} stop  Kill the process (SIGTERM, then SIGKILL after 5 s) and remove temp files.
 */

/** Thrown when an emulator cannot run on this machine; `reason` says why, for a loud skip message. */
export class EmulatorUnavailableError extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(reason);
    this.name = 'EmulatorUnavailableError';
    this.reason = reason;
  }
}

const HOST = '127.0.0.1';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SYSTEM_FIRESTORE_JAR =
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';

/**
 * Where the Firestore emulator jar is: env FIRESTORE_EMULATOR_JAR (must exist if set), then the Debian package's
 * path, then the newest firebase-tools cache copy (~/.cache/firebase/emulators/cloud-firestore-emulator-*.jar).
 * @returns {{ jar: string, reason?: undefined } | { jar: null, reason: string }}
 */
export function findFirestoreEmulatorJar() {
  const fromEnv = process.env.FIRESTORE_EMULATOR_JAR;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { jar: fromEnv };
    return { jar: null, reason: `FIRESTORE_EMULATOR_JAR=${fromEnv} does not exist` };
  }
  if (existsSync(SYSTEM_FIRESTORE_JAR)) return { jar: SYSTEM_FIRESTORE_JAR };
  const cacheDir = path.join(os.homedir(), '.cache', 'firebase', 'emulators');
  /** @type {string[]} */
  let cached = [];
  try {
    cached = readdirSync(cacheDir)
      .filter((f) => /^cloud-firestore-emulator-.*\.jar$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    // no cache dir
  }
  const newest = cached.at(-1);
  if (newest) return { jar: path.join(cacheDir, newest) };
  return {
    jar: null,
    reason:
      `no Cloud Firestore emulator jar: FIRESTORE_EMULATOR_JAR is unset, ${SYSTEM_FIRESTORE_JAR} is missing ` +
      `(Debian package google-cloud-cli-firestore-emulator) and ${cacheDir} has no cloud-firestore-emulator-*.jar`,
  };
}

/**
 * A free loopback port (bound to 0, read, released).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let exitHooked = false;

function killAllChildrenNow() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/** Kill children when this process exits or is told to stop (then let the signal do what it would have done). */
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', killAllChildrenNow);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      killAllChildrenNow();
      process.removeListener(signal, onSignal);
      // If nobody else handles it, re-raise so the default action (exit) still happens.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, name: string }} options
 */
function startChild(command, args, { cwd, env, name }) {
  hookExit();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  /** @type {{ error: Error | null, code: number | null, signal: string | null } | null} */
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.on('error', (error) => {
      exited = { error, code: null, signal: null };
      children.delete(child);
      resolve(undefined);
    });
    child.on('exit', (code, signal) => {
      exited ??= { error: null, code, signal };
      children.delete(child);
      resolve(undefined);
    });
  });
  return {
    child,
    name,
    output: () => output,
    exited: () => exited,
    exitedPromise,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/**
 * Poll `url` until `ready(status, body)` is true, the child exits, or the timeout passes.
 * @param {ReturnType<typeof startChild>} proc
 * @param {string} url
 * @param {(status: number, body: string) => boolean} ready
 * @param {number} timeoutMs
 */
async function waitUntilReady(proc, url, ready, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = proc.exited();
    if (exited) {
      const why = exited.error ? exited.error.message : `exited with code ${exited.code} signal ${exited.signal}`;
      throw new Error(`${proc.name} ${why} before it was ready. Its output:\n${proc.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await response.text();
      if (ready(response.status, body)) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${proc.name} was not ready at ${url} within ${timeoutMs} ms. Its output:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Start the Cloud Firestore emulator (Java jar) on a free loopback port. It enforces `rules` for every project.
 * Throws EmulatorUnavailableError when the jar or `java` is missing.
 * @param {{ rules?: string, port?: number, timeoutMs?: number }} [options]
 *   rules: path of the rules file (default: the repo's firestore.rules); port: default a free one.
 * @returns {Promise<RunningEmulator>}
 */
export async function startFirestoreEmulator({ rules, port, timeoutMs = 30000 } = {}) {
  const found = findFirestoreEmulatorJar();
  if (found.jar === null) throw new EmulatorUnavailableError(found.reason);
  const jar = found.jar;
  const rulesPath = path.resolve(REPO_ROOT, rules ?? 'firestore.rules');
  if (!existsSync(rulesPath)) throw new Error(`rules file ${rulesPath} does not exist`);
  const java = process.env.JAVA ?? 'java';
  const chosenPort = port ?? (await freePort());
  const proc = startChild(
    java,
    [
      '-Duser.language=en',
      '-cp',
      jar,
      'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
      'start',
      `--host=${HOST}`,
      `--port=${chosenPort}`,
      `--rules=${rulesPath}`,
    ],
    { name: 'Firestore emulator' },
  );
  // A missing `java` shows up as a spawn error right away.
  await new Promise((r) => setTimeout(r, 50));
  const early = proc.exited();
  if (early?.error && /** @type {NodeJS.ErrnoException} */ (early.error).code === 'ENOENT') {
    throw new EmulatorUnavailableError(`no Java runtime ('${java}' not found) to run ${jar}`);
  }
  await waitUntilReady(proc, `http://${HOST}:${chosenPort}/`, (status, body) => status === 200 && body.trim() === 'Ok', timeoutMs);
  return { host: HOST, port: chosenPort, stop: () => proc.stop() };
}

/**
 * Start the Firebase Auth emulator (firebase-tools from node_modules) on a free loopback port, with the emulator hub
 * and logging ports also moved to free ports (their defaults 4400/4500 may be taken), through a temporary
 * firebase.json. Throws EmulatorUnavailableError when firebase-tools is not installed.
 * @param {{ projectId?: string, port?: number, timeoutMs?: number }} [options]  projectId default 'demo-tandem'.
 * @returns {Promise<RunningEmulator>}
 */
export async function startAuthEmulator({ projectId = 'demo-tandem', port, timeoutMs = 60000 } = {}) {
  const firebaseBin = path.join(REPO_ROOT, 'node_modules', 'firebase-tools', 'lib', 'bin', 'firebase.js');
  if (!existsSync(firebaseBin)) {
    throw new EmulatorUnavailableError(`firebase-tools is not installed (${firebaseBin} is missing): run npm install`);
  }
  const [authPort, hubPort, loggingPort] = port
    ? [port, await freePort(), await freePort()]
    : [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-auth-emulator-'));
  writeFileSync(
    path.join(dir, 'firebase.json'),
    JSON.stringify({
      emulators: {
        auth: { host: HOST, port: authPort },
        hub: { host: HOST, port: hubPort },
        logging: { host: HOST, port: loggingPort },
        ui: { enabled: false },
      },
    }),
  );
  const proc = startChild(
    process.execPath,
    [firebaseBin, 'emulators:start', '--only', 'auth', '--project', projectId, '--config', path.join(dir, 'firebase.json')],
    { cwd: dir, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, name: 'Auth emulator' },
  );
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(
      proc,
      `http://${HOST}:${authPort}/`,
      (status, body) => {
        if (status !== 200) return false;
        try {
          JSON.parse(body);
          return true;
        } catch {
          return false;
        }
      },
      timeoutMs,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: HOST, port: authPort, stop };
}

/**
 * Delete every document of `projectId` in the Firestore emulator (security rules do not apply).
 * @param {{ host: string, port: number }} emulator
 * @param {string} projectId
 */
export async function clearFirestoreData({ host, port }, projectId) {
  const response = await fetch(
    `http://${host}:${port}/emulator/v1/projects/${encodeURIComponent(projectId)}/databases/(default)/documents`,
    { method: 'DELETE' },
  );
  if (!response.ok) throw new Error(`clearing Firestore data failed: ${response.status} ${await response.text()}`);
}

/**
 * Delete every user of `projectId` in the Auth emulator.
 * @param {{ host: string, port: number }} emulator
 * @param {string} projectId
 */
export async function clearAuthAccounts({ host, port }, projectId) {
  const response = await fetch(`http://${host}:${port}/emulator/v1/projects/${encodeURIComponent(projectId)}/accounts`, {
    method: 'DELETE',
  });
  if (!response.ok) throw new Error(`clearing Auth accounts failed: ${response.status} ${await response.text()}`);
}
