// Vitest globalSetup of the "emulators" project (tests/rules, tests/sync): starts the Firestore emulator (enforcing
// the repo's firestore.rules) and the Auth emulator once, in parallel, and hands their addresses to the test files
// through provide/inject (read them with the helpers in ./emulator-env.ts). When an emulator cannot run here
// (EmulatorUnavailableError: no jar, no java, no firebase-tools) it provides null plus the reason and prints a loud
// banner; the tests then skip with that reason in their names. Any other start failure fails the run.
import type { TestProject } from 'vitest/node';
import {
  EmulatorUnavailableError,
  startAuthEmulator,
  startFirestoreEmulator,
  type RunningEmulator,
} from './emulators.mjs';

export interface EmulatorAddress {
  host: string;
  port: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Firestore emulator (enforcing ./firestore.rules), or null when it cannot run here. */
    firestoreEmulator: EmulatorAddress | null;
    /** The Auth emulator, or null when it cannot run here. */
    authEmulator: EmulatorAddress | null;
    /** Why an emulator above is null. */
    emulatorsUnavailable: { firestore?: string; auth?: string };
  }
}

function banner(lines: string[]): void {
  const bar = '!'.repeat(100);
  console.warn(['', bar, ...lines.map((l) => `!!! ${l}`), bar, ''].join('\n'));
}

async function attempt(
  name: string,
  start: () => Promise<RunningEmulator>,
): Promise<{ emulator: RunningEmulator | null; reason?: string }> {
  try {
    return { emulator: await start() };
  } catch (error) {
    if (error instanceof EmulatorUnavailableError) return { emulator: null, reason: `${name}: ${error.reason}` };
    throw error;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const settled = await Promise.allSettled([
    attempt('Firestore emulator', () => startFirestoreEmulator({ rules: 'firestore.rules' })),
    attempt('Auth emulator', () => startAuthEmulator()),
  ]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    // A real start failure (not a missing piece): stop whatever did start, then fail the run.
    await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.emulator?.stop() : undefined)));
    throw failed.reason;
  }
  const [firestore, auth] = settled.map((s) => (s.status === 'fulfilled' ? s.value : { emulator: null }));
  if (!firestore || !auth) throw new Error('unreachable');
  const address = (e: RunningEmulator | null) => (e ? { host: e.host, port: e.port } : null);
  project.provide('firestoreEmulator', address(firestore.emulator));
  project.provide('authEmulator', address(auth.emulator));
  project.provide('emulatorsUnavailable', {
    ...(firestore.reason ? { firestore: firestore.reason } : {}),
    ...(auth.reason ? { auth: auth.reason } : {}),
  });
  const missing = [firestore.reason, auth.reason].filter((r): r is string => !!r);
  if (missing.length > 0) {
    banner(['EMULATOR TESTS WILL BE SKIPPED — NOT PASSED:', ...missing]);
  } else {
    console.info(
      `emulators ready in ${Date.now() - startedAt} ms: Firestore ${firestore.emulator?.host}:${firestore.emulator?.port}, ` +
        `Auth ${auth.emulator?.host}:${auth.emulator?.port}`,
    );
  }
  return async () => {
    await Promise.all([firestore.emulator?.stop(), auth.emulator?.stop()]);
  };
}
