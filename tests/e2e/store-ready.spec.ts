import { test, expect, blockPagePrefix, inWorker } from './fixtures';

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
