import { defineConfig } from '@playwright/test';

// Browser tests load the built extension (.output/chrome-mv3) into Debian's Chromium, headless.
// One browser at a time: these machines have 2 cores, and each test launches its own profile.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  retries: 0,
});
