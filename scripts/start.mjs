#!/usr/bin/env node
// `npm start`: builds the extension and opens Chromium with it loaded in a fresh, throwaway profile.
// Local-only: with no Firebase config nothing leaves the machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output', 'chrome-mv3');
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const browser = candidates.find((p) => p && existsSync(p));
if (!browser) {
  console.error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('No display found: on a headless machine run `xvfb-run -a npm start`.');
}
const profile = mkdtempSync(join(tmpdir(), 'tandem-profile-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
console.log(`Opening ${browser} with Tandem loaded (profile ${profile}).`);
const child = spawn(browser, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
