import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { test } from './fixtures';
import {
  EmulatorUnavailableError, startAuthEmulator, startFirestoreEmulator, type RunningEmulator,
} from '../support/emulators.mjs';
import { launchWithExtension, type LaunchedExtension } from '../support/launch.mjs';
import { extensionUrl } from '../support/tandem.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * For a describe block of two-profile tests: the official Firestore and Auth emulators started before them (the
 * rules enforced) and Tandem built against them in a build of its own (`.output/<outDir>`: the emulator addresses
 * are build-time settings, like a real Firebase config), stopped after. Where Java or the emulator jar is missing,
 * `skipIfUnavailable()` skips the test with the reason printed loudly.
 */
export function syncBuild({ outDir, project }: { outDir: string; project: string }) {
  let emulators: RunningEmulator[] = [];
  let unavailable: string | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    try {
      emulators = await Promise.all([startFirestoreEmulator({ rules: resolve(ROOT, 'firestore.rules') }), startAuthEmulator({ projectId: project })]);
    } catch (e) {
      if (!(e instanceof EmulatorUnavailableError)) throw e;
      unavailable = e.reason;
      console.warn(`\n!!! PARTNER BROWSER TEST SKIPPED — NOT PASSED: ${e.reason}\n`);
      return;
    }
    const [firestore, auth] = emulators;
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: {
        ...process.env,
        TANDEM_OUT_DIR: `.output/${outDir}`,
        WXT_FIREBASE_PROJECT_ID: project,
        WXT_FIREBASE_API_KEY: 'demo-key',
        WXT_FIRESTORE_EMULATOR_HOST: `${firestore!.host}:${firestore!.port}`,
        WXT_AUTH_EMULATOR_HOST: `${auth!.host}:${auth!.port}`,
      },
    });
  });
  test.afterAll(async () => {
    await Promise.all(emulators.map((e) => e.stop()));
  });
  const extensionPath = resolve(ROOT, `.output/${outDir}/chrome-mv3`);
  return {
    extensionPath,
    /** Ana and Ben: two fresh profiles with this build (close both when done). */
    people: async () => ({ ana: await launchWithExtension({ extensionPath }), ben: await launchWithExtension({ extensionPath }) }),
    skipIfUnavailable: () => test.skip(!!unavailable, `emulator unavailable: ${unavailable}`),
    /** The Auth emulator's address (for asking it, as an administrator, which accounts exist). */
    auth: () => emulators[1]!,
  };
}

/** A page of Tandem's in someone's browser. */
export async function openIn(who: LaunchedExtension, page: string): Promise<Page> {
  const p = await who.context.newPage();
  await p.goto(extensionUrl(who.extensionId, page));
  return p;
}
