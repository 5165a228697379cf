// The popup with no commitments against the popup with 5 years × 20 commitments (scripts/history-fixture.ts), in
// one run, opens alternating between the two (for scripts/bench/popup.mjs): popup.render.ms.empty and
// popup.render.ms.5y20c, and their ratio. Two browsers (one profile each, the fixture's time zone in both), kept
// open side by side; the opens take turns in the order empty, history, history, empty, … so the machine's load and
// its drift fall on both alike. Each open is left to finish drawing before the next (popupOpens says why).
//
// The history browser is seeded as scripts/bench/lib/history-browser.mjs seeds it (raw IndexedDB, the outcome cache
// cleared), then asked for one gate.refresh so the worker builds its outcome cache before any counted open: what
// a person who has used Tandem for years has.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { popupOpens } from './popup-opens.mjs';
import { seed } from './history-browser.mjs';
import { launchWithExtension } from '../../../tests/support/launch.mjs';
import { extensionUrl } from '../../../tests/support/tandem.mjs';
import { getWorker } from '../../../tests/support/worker.mjs';

export const PAIR_TZ = 'Europe/Berlin';

/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} Ext */

/** Launches with TZ set for Chromium (it reads it at start-up); Node's own is put back at once. @param {string} extensionPath */
async function launchInZone(extensionPath) {
  const tz = process.env.TZ;
  process.env.TZ = PAIR_TZ;
  try {
    return await launchWithExtension({ extensionPath });
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
}

/** Waits until the extension has created its database. @param {Ext} ext @param {number} timeoutMs */
async function optionsWithDatabase(ext, timeoutMs) {
  const page = await ext.context.newPage();
  page.setDefaultTimeout(timeoutMs);
  await page.goto(extensionUrl(ext.extensionId, 'options.html'));
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'tandem' && (d.version ?? 0) >= 10), null, { timeout: timeoutMs });
  return page;
}

/**
 * The two browsers, ready to be measured: { empty, history, commitments, close }.
 * @param {{ build: { root: string, extensionPath: string }, timeoutMs: number, warmups: number, log: (l: string) => void }} o
 */
export async function launchPair({ build, timeoutMs, warmups, log }) {
  const { createJiti } = await import('jiti');
  /** @type {typeof import('../../history-fixture.ts')} */
  const { makeHistory } = await createJiti(import.meta.url).import(pathToFileURL(path.join(build.root, 'scripts', 'history-fixture.ts')).href);
  const fixture = makeHistory({ now: Date.now(), timeZone: PAIR_TZ });
  const empty = await launchInZone(build.extensionPath);
  /** @type {Ext | undefined} */
  let history;
  try {
    history = await launchInZone(build.extensionPath);
    log(`  seeding 5 years × ${fixture.commitments.length} commitments …`);
    const seeder = await optionsWithDatabase(history, timeoutMs);
    await seed(seeder, { commitments: fixture.commitments, sessions: fixture.sessions, checkIns: fixture.checkIns }, { clearOutcomes: true });
    // The worker judges the settled days once into its outcome cache (as it does within the hour after an upgrade).
    const answer = await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh', requestId: crypto.randomUUID() }));
    if (answer === undefined) throw new Error('gate.refresh after seeding got no answer');
    await seeder.close();
    await (await optionsWithDatabase(empty, timeoutMs)).close();
    for (const [ext, cards] of /** @type {const} */ ([[empty, 0], [history, fixture.commitments.length]])) {
      await getWorker(ext.context, ext.extensionId);
      await popupOpens(ext.context, ext.extensionId, 0, { timeoutMs, warmups, cards });
    }
  } catch (err) {
    await empty.close();
    await history?.close();
    throw err;
  }
  const h = /** @type {Ext} */ (history);
  return {
    empty,
    history: h,
    commitments: fixture.commitments.length,
    close: async () => {
      await empty.close().catch(() => {});
      await h.close().catch(() => {});
    },
  };
}

/**
 * `n` opens of each, alternating (empty, history, history, empty, …): the ready marks of each.
 * @param {Awaited<ReturnType<typeof launchPair>>} pair
 * @param {number} n
 * @param {number} timeoutMs
 */
export async function alternatingOpens(pair, n, timeoutMs) {
  /** @type {number[]} */
  const empty = [];
  /** @type {number[]} */
  const history = [];
  const once = async (/** @type {Ext} */ ext, /** @type {number} */ cards, /** @type {number[]} */ into) => {
    await getWorker(ext.context, ext.extensionId); // running, as after a previous open
    into.push(...(await popupOpens(ext.context, ext.extensionId, 1, { timeoutMs, cards })).ready);
  };
  for (let i = 0; i < n; i++) {
    const turns = [() => once(pair.empty, 0, empty), () => once(pair.history, pair.commitments, history)];
    if (i % 2 === 1) turns.reverse();
    for (const turn of turns) await turn();
  }
  return { empty, history };
}
