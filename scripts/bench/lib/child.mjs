// Runs the benchmark's TypeScript programs (scripts/bench-history.ts, scripts/bench-sync.ts) through jiti in a
// child process, from a given checkout: the current one, or the temporary worktree of `--against <ref>`, so each
// build's Node figures come from its own source.

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/** Kills the programs still running (the runner's watchdog). */
export function killChildren() {
  for (const c of running) c.kill();
}

/**
 * Runs `<root>/scripts/<name>` with `env` added; resolves with the JSON of its last line of output.
 * @param {string} root the checkout
 * @param {string} name e.g. 'bench-history.ts'
 * @param {Record<string, string>} env
 * @returns {Promise<any>}
 */
export function runTsScript(root, name, env) {
  const jitiCli = path.join(path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')), 'lib', 'jiti-cli.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [jitiCli, path.join(root, 'scripts', name)],
      { cwd: root, timeout: 240000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        running.delete(child);
        if (err) return reject(new Error(`scripts/${name} failed: ${err.message}\n${stderr}`));
        const line = stdout.trim().split('\n').at(-1) ?? '';
        try {
          resolve(JSON.parse(line));
        } catch {
          reject(new Error(`scripts/${name} printed no JSON: ${line.slice(0, 200)}\n${stderr}`));
        }
      },
    );
    running.add(child);
  });
}
