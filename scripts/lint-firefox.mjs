// `npm run lint:firefox`: build for Firefox and run web-ext's linter (Mozilla's addons-linter, the checks
// addons.mozilla.org runs on upload) on the build. Fails on any error, and on any warning or notice that is not
// one of EXPLAINED below (README.md, "Publishing", says why each is there). Offline: web-ext's lint command is
// called as a library, so no update check runs, and the linter's schemas ship in the package.
//
// Two builds are linted, because their manifests differ in what they say they transmit: the build this
// environment makes (.env decides: local-only without a Firebase config) in <outDir>/firefox-mv3, and, when that
// one is local-only, a build with a placeholder sync config (project demo-tandem) in <outDir>/lint-firefox-sync.
//
//   node scripts/lint-firefox.mjs            both builds, then lint
//   node scripts/lint-firefox.mjs --no-build lint what is already in <outDir>/firefox-mv3 (and lint-firefox-sync)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.resolve(ROOT, process.env.TANDEM_OUT_DIR || '.output');
const SYNC_OUT = path.join(OUT, 'lint-firefox-sync');
const build = !process.argv.includes('--no-build');

/**
 * Warnings that are explained, each recognised by what it points at — not by its code alone, so the same code
 * anywhere else still fails.
 * @type {{ code: string, why: string, matches: (text: string) => boolean }[]}
 */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's renderer sets innerHTML only for a dangerouslySetInnerHTML prop, which no Tandem source passes "
      + '(tests/unit/firefox-manifest.test.ts checks the source)',
    // Preact's one assignment, minified: `e.innerHTML=f.__html` (the prop's `__html`).
    matches: (text) => /^[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(text),
  },
];

/** The text a finding points at (line and column are 1-based), up to 80 characters. */
function pointedAt(dir, finding) {
  if (!finding.file || !finding.line) return '';
  const file = path.join(dir, finding.file);
  if (!existsSync(file)) return '';
  const line = readFileSync(file, 'utf8').split('\n')[finding.line - 1] ?? '';
  return line.slice(Math.max(0, (finding.column ?? 1) - 1), (finding.column ?? 1) + 79);
}

function wxtBuild(outDir, extraEnv) {
  const env = { ...process.env, ...extraEnv, TANDEM_OUT_DIR: outDir };
  const r = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`The Firefox build into ${path.relative(ROOT, outDir)} failed.`);
  }
}

const readManifest = (dir) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const transmits = (dir) => readManifest(dir).browser_specific_settings?.gecko?.data_collection_permissions?.required ?? [];

async function lint(label, dir) {
  const result = await webExt.cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false });
  const findings = [
    ...result.errors.map((f) => ({ ...f, kind: 'error' })),
    ...result.warnings.map((f) => ({ ...f, kind: 'warning' })),
    ...result.notices.map((f) => ({ ...f, kind: 'notice' })),
  ];
  const failures = [];
  const explained = [];
  for (const f of findings) {
    const text = pointedAt(dir, f);
    const reason = f.kind === 'warning' && EXPLAINED.find((e) => e.code === f.code && e.matches(text));
    const where = `${f.file ?? ''}${f.line ? `:${f.line}:${f.column ?? ''}` : ''}`;
    if (reason) explained.push(`  ${f.code} ${where} — explained: ${reason.why}`);
    else failures.push(`  ${f.kind} ${f.code} ${where}: ${f.message}${f.description ? ` (${String(f.description).replace(/\s+/g, ' ')})` : ''}`);
  }
  const s = result.summary;
  console.log(`${label} (${path.relative(ROOT, dir)}; transmits: ${transmits(dir).join(', ')}): ${s.errors} errors, ${s.warnings} warnings (${explained.length} explained), ${s.notices} notices`);
  for (const line of [...explained, ...failures]) console.log(line);
  return failures.length;
}

const started = Date.now();
const asConfigured = path.join(OUT, 'firefox-mv3');
if (build) wxtBuild(OUT, {});
const targets = [['web-ext lint, this build', asConfigured]];
if (transmits(asConfigured).includes('none')) {
  if (build) wxtBuild(SYNC_OUT, { WXT_FIREBASE_PROJECT_ID: 'demo-tandem', WXT_FIREBASE_API_KEY: 'demo-key' });
  if (existsSync(SYNC_OUT)) targets.push(['web-ext lint, a sync build', path.join(SYNC_OUT, 'firefox-mv3')]);
}
let failed = 0;
for (const [label, dir] of targets) failed += await lint(label, dir);
console.log(failed ? `web-ext lint: ${failed} unexplained finding(s) — fix them or explain them (README.md, "Publishing")` : `web-ext lint: clean (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
