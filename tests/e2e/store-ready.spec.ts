import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test, expect, blockPagePrefix, inWorker, EXTENSION_PATH } from './fixtures';
import { makeScreenshots } from '../../scripts/store/screenshots.mjs';

/** What a store reviewer and a careful person check in the built extension (issue 13, item 6). */
declare const chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> } };

test('a site cannot tell Tandem is installed: the block page does not load by its fixed address', async ({ tandem }) => {
  const page = await tandem.context.newPage();
  await page.goto('https://example.org/start');
  // The way sites detect extensions: fetch a web-accessible file by its address. With use_dynamic_url it fails,
  // while the gate's redirect still reaches the block page (gate.spec.ts).
  const probe = await page.evaluate(async (url) => fetch(url).then((r) => `loaded ${r.status}`, () => 'refused'), blockPagePrefix(tandem));
  expect(probe).toBe('refused');
});

test('keyboard shortcuts: Alt+Shift+K opens the check-in, Alt+Shift+F starts the first pending focus session', async ({ tandem }) => {
  const commands = await inWorker(tandem, () => chrome.commands.getAll());
  expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+K' }));
  expect(commands).toContainEqual(expect.objectContaining({ name: 'start-focus', shortcut: 'Alt+Shift+F' }));
  // What the command does is tested on the worker itself (tests/db/worker.test.ts, "the keyboard command"): Chrome
  // handles these keys in its window's own accelerators, which keys sent to a page in headless Chromium never reach.
});

test('the store screenshots are made from the built extension, each 1280 × 800', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-store-'));
  try {
    const files = await makeScreenshots({ extensionPath: EXTENSION_PATH, outDir: dir });
    expect(files.map((f) => basename(f))).toEqual(['1-onboarding.png', '2-block-page.png', '3-popup.png', '4-options.png']);
    for (const file of files) {
      const png = readFileSync(file);
      // The PNG header's IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], basename(file)).toEqual([1280, 800]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
