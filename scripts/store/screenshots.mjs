#!/usr/bin/env node
// Store listing screenshots (docs/store/), made from the real extension: the built .output/chrome-mv3 in Debian's
// Chromium, on a fresh profile, with commitments made through Tandem's own pages and the fixture server standing in
// for the webmail sites. Every image is 1280 × 800, the size the Chrome Web Store and addons.mozilla.org take.
//
//   npm run store:screenshots          (after `npm run build`) writes docs/store/screenshots/*.png
//
// The popup is drawn at its own size, then placed on a 1280 × 800 canvas with a one-line caption (a store
// screenshot of a 360 px popup alone would be mostly empty).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../../tests/support/fixture-server.mjs';
import { launchWithExtension } from '../../tests/support/launch.mjs';
import { extensionUrl, saveAlwaysOpenCommitment } from '../../tests/support/tandem.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SIZE = { width: 1280, height: 800 };

/** @typedef {import('@playwright/test').Page} Page */

/**
 * Makes the screenshots into `outDir`; returns the files written.
 * @param {{ extensionPath?: string, outDir?: string }} [options]
 */
export async function makeScreenshots({ extensionPath = path.join(ROOT, '.output/chrome-mv3'), outDir = path.join(ROOT, 'docs/store/screenshots') } = {}) {
  mkdirSync(outDir, { recursive: true });
  const server = await startFixtureServer();
  const ext = await launchWithExtension({ extensionPath, fixturePort: server.port });
  /** @type {string[]} */
  const written = [];
  /** @param {string} name @param {Buffer} png */
  const save = (name, png) => {
    const file = path.join(outDir, name);
    writeFileSync(file, png);
    written.push(file);
  };
  /** @param {string} url */
  const open = async (url) => {
    const page = await ext.context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(url);
    return page;
  };
  try {
    const onboarding = await open(extensionUrl(ext.extensionId, 'onboarding.html'));
    await onboarding.getByTestId('save-commitment').waitFor();
    save('1-onboarding.png', await onboarding.screenshot());
    await onboarding.close();

    await saveAlwaysOpenCommitment(ext.context, ext.extensionId);
    const block = await open('https://mail.google.com/mail/u/0/');
    await block.getByTestId('blocking-commitment').first().waitFor();
    save('2-block-page.png', await block.screenshot());
    await block.close();

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(extensionUrl(ext.extensionId, 'popup.html'));
    await popup.getByTestId('commitment').first().waitFor();
    const popupPng = await popup.locator('body').screenshot();
    await popup.close();
    save('3-popup.png', await onCanvas(ext.context, popupPng, 'The daily check-in: what is left today, the next step, and your streak'));

    const options = await open(extensionUrl(ext.extensionId, 'options.html'));
    await options.getByTestId('commitment-row').first().waitFor();
    save('4-options.png', await options.screenshot());
    await options.close();
  } finally {
    await ext.close();
    await server.close();
  }
  return written;
}

/**
 * A picture centred on a calm 1280 × 800 canvas, with a caption above it.
 * @param {import('@playwright/test').BrowserContext} context @param {Buffer} png @param {string} caption
 */
async function onCanvas(context, png, caption) {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  const escaped = caption.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  await page.setContent(`<!doctype html><html><body style="margin:0;height:800px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:24px;background:#eef3f1;font:22px system-ui,sans-serif;color:#1f2328">
    <p style="margin:0">${escaped}</p>
    <img src="data:image/png;base64,${png.toString('base64')}" style="max-height:680px;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.18)">
  </body></html>`);
  await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
  const shot = await page.screenshot();
  await page.close();
  return shot;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await makeScreenshots();
  for (const f of files) console.log(`wrote ${path.relative(ROOT, f)}`);
}
