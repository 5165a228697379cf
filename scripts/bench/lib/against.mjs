// `--against <git-ref>`: the other build, made in a temporary git worktree of that ref (detached), with this
// checkout's node_modules (a symlink), WXT's postinstall step (`wxt prepare`) and its own `npm run build`.
// Removed again by cleanupSync(), which the runner calls at the end, from its watchdog and on Ctrl-C.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * @param {string} cmd @param {string[]} args @param {string} cwd @param {number} [timeout]
 * @returns {Promise<string>}
 */
function run(cmd, args, cwd, timeout = 120000) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, timeout, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/**
 * @typedef {object} OtherBuild
 * @property {string} label          e.g. 'main@443b054'
 * @property {string} ref
 * @property {string} commit
 * @property {string} root           the temporary worktree
 * @property {string} extensionPath  its .output/chrome-mv3
 * @property {() => void} cleanupSync
 */

/**
 * Checks out and builds `ref` in a temporary worktree of the repository at `root`.
 * @param {string} root this checkout
 * @param {string} ref
 * @param {(line: string) => void} log
 * @returns {Promise<OtherBuild>}
 */
export async function buildAgainst(root, ref, log) {
  const commit = (await run('git', ['rev-parse', '--verify', `${ref}^{commit}`], root)).trim();
  const parent = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-against-'));
  const dir = path.join(parent, 'tree');
  let added = false;
  const cleanupSync = () => {
    const link = path.join(dir, 'node_modules');
    try {
      if (existsSync(link)) unlinkSync(link); // the link only, never what it points to
    } catch {
      // gone already
    }
    if (added) {
      try {
        execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
      } catch {
        // removed below; prune forgets it
      }
    }
    rmSync(parent, { recursive: true, force: true });
    if (added) {
      try {
        execFileSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore' });
      } catch {
        // nothing to prune
      }
    }
    added = false;
  };
  try {
    const label = `${ref}@${commit.slice(0, 7)}`;
    log(`--against ${ref}: checking out ${commit.slice(0, 12)} in ${dir} …`);
    await run('git', ['worktree', 'add', '--detach', dir, commit], root);
    added = true;
    symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
    log(`--against ${ref}: wxt prepare, npm run build …`);
    await run('npx', ['wxt', 'prepare'], dir, 300000);
    await run('npm', ['run', 'build'], dir, 600000);
    const extensionPath = path.join(dir, '.output', 'chrome-mv3');
    if (!existsSync(path.join(extensionPath, 'manifest.json'))) throw new Error(`${ref}'s build made no ${extensionPath}/manifest.json`);
    return { label, ref, commit, root: dir, extensionPath, cleanupSync };
  } catch (err) {
    cleanupSync();
    throw err;
  }
}
