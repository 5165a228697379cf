import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node-side tiers, as two Vitest projects so plain unit runs never start an emulator:
// - unit: the pure core (tests/unit) and the database on fake-indexeddb (tests/db).
// - emulators: tests against the real Firestore and Auth emulators (tests/rules, tests/sync). Its globalSetup starts
//   both once (only when a file of this project is selected) and provides their addresses: see
//   tests/support/emulator-setup.ts and emulator-env.ts.
// Browser behaviour is tested against the built extension by Playwright (tests/e2e).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', 'tests/support/i18n-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'emulators',
          include: ['tests/rules/**/*.test.ts', 'tests/sync/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto', 'tests/support/i18n-setup.ts'],
          globalSetup: ['tests/support/emulator-setup.ts'],
          // The emulator's first write pays the JVM warm-up (~1.5 s).
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
