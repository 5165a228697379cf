import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node-side tiers: the pure core (tests/unit) and the database on fake-indexeddb (tests/db).
// Browser behaviour is tested against the built extension by Playwright (tests/e2e).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
