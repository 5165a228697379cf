#!/usr/bin/env node
// Checks the browser-test support code itself against the baseline extension (no Tandem build needed):
//   node tests/support/self-test.mjs
// Fixture server over HTTP and HTTPS on one port, host mapping, extension id, worker stop (state in a global is
// gone after the restart), worker wake-up, mark reading. Bounded: every step has a timeout; ~5 s in all.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension } from './launch.mjs';
import { waitForMark } from './marks.mjs';
import { getWorker, isWorkerRunning, stopServiceWorker } from './worker.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const baseline = path.join(here, '..', 'bench', 'baseline-extension');

const watchdog = setTimeout(() => {
  console.error('self-test: timed out');
  process.exit(2);
}, 60000);

const fx = await startFixtureServer();
const ext = await launchWithExtension({ extensionPath: baseline, fixturePort: fx.port });
try {
  const { context, extensionId } = ext;
  assert.match(extensionId, /^[a-p]{32}$/);

  // HTTPS and HTTP on the one port, real host names.
  const page = await context.newPage();
  await page.goto('https://docs.example.org/a/b?c=1');
  assert.equal(await page.textContent('[data-testid="fixture"]'), 'docs.example.org /a/b');
  await page.goto('http://example.org/plain');
  assert.equal(await page.title(), 'Fixture example.org');
  assert.ok(fx.requests.some((r) => r.host === 'docs.example.org' && r.url === '/a/b?c=1' && r.tls));
  assert.ok(fx.requests.some((r) => r.host === 'example.org' && r.url === '/plain' && !r.tls));
  // Hosts not mapped never leave the machine.
  await assert.rejects(page.goto('https://unmapped.invalid/'), /ERR_NAME_NOT_RESOLVED/);

  // Worker: state in a global is lost across a stop, as after the 30 s idle timeout.
  let worker = await getWorker(context, extensionId);
  await worker.evaluate(() => { /** @type {any} */ (globalThis).__selfTest = 'alive'; });
  await stopServiceWorker(context, extensionId);
  assert.equal(await isWorkerRunning(context, extensionId), false);
  worker = await getWorker(context, extensionId);
  assert.equal(await isWorkerRunning(context, extensionId), true);
  assert.equal(await worker.evaluate(() => /** @type {any} */ (globalThis).__selfTest ?? 'gone'), 'gone');

  // A stopped worker is woken by the navigation it must handle; the block page keeps the original URL.
  await stopServiceWorker(context, extensionId);
  fx.reset();
  const url = 'https://mail.google.com/mail/u/0/#inbox?x=1&y=ü';
  await page.goto(url).catch(() => {}); // the baseline aborts the first navigation (ERR_ABORTED)
  const mark = await waitForMark(page, 'tandem:block-ready', { urlPrefix: `chrome-extension://${extensionId}/block.html` });
  assert.equal(mark.href, `chrome-extension://${extensionId}/block.html#${new URL(url).href}`);
  assert.ok(mark.startTime > 0);
  console.log(`self-test ok (extension ${extensionId}; baseline leaked ${fx.countFor('mail.google.com')} request(s) to mail.google.com)`);
} finally {
  await ext.close();
  await fx.close();
  clearTimeout(watchdog);
}
