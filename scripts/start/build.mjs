// Builds the extension for `npm start` into a directory of its own (never .output/chrome-mv3, which `npm run build`
// makes for loading into an everyday browser), quietly: WXT's output is shown only when the build fails.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {{ root: string, outDir: string, env?: Record<string, string> }} options
 *   outDir: relative to root (e.g. '.output/start'); env: build-time settings (WXT_*) on top of this process's.
 * @returns {Promise<string>} The unpacked Chrome extension's directory.
 */
export async function buildExtension({ root, outDir, env = {} }) {
  const wxt = path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  const child = spawn(process.execPath, [wxt, 'build'], {
    cwd: root,
    env: { ...process.env, ...env, TANDEM_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => void (output += chunk.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`The build failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
  const dir = path.join(root, outDir, 'chrome-mv3');
  stampVersion(dir);
  return dir;
}

/**
 * Gives the build a fourth version number made from its contents ("0.1.0" → "0.1.0.N"). Chromium registers an
 * extension's service worker again only when the version changes: without this, a profile kept between runs goes on
 * running the worker of the first build it saw (old code, old emulator ports) next to the new build's pages.
 * @param {string} dir
 */
function stampVersion(dir) {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && !(f.parentPath === dir && f.name === 'manifest.json'))
    .map((f) => path.join(f.parentPath, f.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update(readFileSync(file));
  hash.update(JSON.stringify(manifest));
  manifest.version = `${String(manifest.version).split('.').slice(0, 3).join('.')}.${hash.digest().readUInt16BE(0)}`;
  writeFileSync(manifestFile, JSON.stringify(manifest));
}
