#!/usr/bin/env node
// `npm start`: build Tandem and open Chromium with it, on a profile kept in .profiles/default.
// `npm run start:partners` (= `npm start -- --partners`): two windows side by side, Ana and Ben, to pair.
// With no Firebase config, partner sync runs against the local emulators for as long as this runs.
// The work is in scripts/start/session.mjs (the browser test tests/e2e/start-partners.spec.ts calls it too).
import path from 'node:path';
import { StartError, startSession } from './start/session.mjs';

const USAGE = `Usage: npm start [-- --partners] [-- --fresh] [-- --local-only]
  --partners    two windows side by side, profiles ana and ben, to pair (npm run start:partners)
  --fresh       throwaway profiles, deleted when you stop (default: kept in .profiles/)
  --local-only  no partner sync, even where the emulators could run`;

const flags = new Set(process.argv.slice(2));
for (const flag of flags) {
  if (!['--partners', '--fresh', '--local-only'].includes(flag)) {
    console.error(flag === '--help' || flag === '-h' ? USAGE : `Unknown option ${flag}.\n${USAGE}`);
    process.exit(flag === '--help' || flag === '-h' ? 0 : 2);
  }
}
const partners = flags.has('--partners');
const fresh = flags.has('--fresh');
const root = path.resolve(import.meta.dirname, '..');

// Until the windows are open, Ctrl-C just ends this process (the emulators' helper kills them on exit).
const quit = () => process.exit(130);
process.once('SIGINT', quit).once('SIGTERM', quit).once('SIGHUP', quit);

let session;
try {
  session = await startSession({
    root,
    people: partners ? ['ana', 'ben'] : ['default'],
    fresh,
    sync: flags.has('--local-only') ? 'local' : 'auto',
    needSync: partners,
  });
} catch (error) {
  console.error(error instanceof StartError ? error.message : error);
  process.exit(1);
}

const where = fresh ? 'a fresh profile, deleted when you stop' : session.windows.map((w) => path.relative(root, w.profileDir)).join(', ');
console.log(`Chromium is open (${where}); its output goes to chromium.log in the profile.`);
if (partners) {
  console.log('In each window, click Tandem on the toolbar → pair up. Choose a name; Ana creates an invite, Ben enters its code.');
}
console.log('Close the window' + (partners ? 's' : '') + ' or press Ctrl-C to stop.');

const finish = async (/** @type {number} */ code) => {
  await session.stop();
  process.exit(code);
};
process.off('SIGINT', quit).off('SIGTERM', quit).off('SIGHUP', quit);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.once(signal, () => void finish(130));
await session.closed;
await finish(0);
