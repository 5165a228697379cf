// The floor for the block page (dnr.floor.ms.*): a minimal extension, written by the benchmark into a temp dir,
// whose one static declarativeNetRequest rule redirects the gated host to a static page inside it. That page
// holds what Tandem's block page shows once rendered (a commitment, its streak, the day's counts) in its HTML,
// and sets both marks the benchmark reads ('tandem:block-ready', 'tandem:block-rendered') from a plain script at
// the end of its body: no database, no message, no framework. It is named block.html so that the navigation
// timing (lib/navigation.mjs) reads it exactly as it reads Tandem's. The worker is empty: Chromium and the
// launcher want one, and a warm navigation is timed with it running, as Tandem's is.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GATED_HOST } from './navigation.mjs';

const MANIFEST = {
  manifest_version: 3,
  name: 'DNR floor',
  version: '1.0.0',
  permissions: ['declarativeNetRequestWithHostAccess'],
  host_permissions: [`*://${GATED_HOST}/*`],
  background: { service_worker: 'worker.js' },
  declarative_net_request: { rule_resources: [{ id: 'floor', enabled: true, path: 'rules.json' }] },
  web_accessible_resources: [{ resources: ['block.html'], matches: ['<all_urls>'] }],
};

const RULES = [
  {
    id: 1,
    priority: 1,
    action: { type: 'redirect', redirect: { extensionPath: '/block.html' } },
    condition: { requestDomains: [GATED_HOST], resourceTypes: ['main_frame'] },
  },
];

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Not yet</title>
    <link rel="stylesheet" href="/floor.css" />
  </head>
  <body>
    <main>
      <p>Tandem is holding this site until your commitment is done — you set this up.</p>
      <h1>Deep work before email</h1>
      <p>“The inbox can wait; the book cannot.”</p>
      <p>0 of 45 min today</p>
      <progress max="45" value="0"></progress>
      <p>3-day streak — 45 min of focus keeps it.</p>
      <p>You turned back 2 times today, 5 this week.</p>
      <button>Start 45 min focus</button>
      <button>Not now</button>
      <button>Go anyway…</button>
    </main>
    <script src="/floor.js"></script>
  </body>
</html>
`;

const SCRIPT = `performance.mark('tandem:block-ready');\nperformance.mark('tandem:block-rendered');\n`;
const CSS = `body { font: 16px system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; }\nprogress { width: 100%; }\n`;

/** Writes the floor extension into a fresh temp dir; `remove` deletes it. */
export function writeFloorExtension() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-dnr-floor-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(path.join(dir, 'rules.json'), JSON.stringify(RULES, null, 2));
  writeFileSync(path.join(dir, 'block.html'), PAGE);
  writeFileSync(path.join(dir, 'floor.js'), SCRIPT);
  writeFileSync(path.join(dir, 'floor.css'), CSS);
  writeFileSync(path.join(dir, 'worker.js'), '// Nothing to do: the redirect is a static rule.\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
