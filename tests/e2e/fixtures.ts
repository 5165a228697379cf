import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.mjs';
import { launchWithExtension, type LaunchedExtension } from '../support/launch.mjs';
import { extensionUrl } from '../support/tandem.mjs';
import { getWorker } from '../support/worker.mjs';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface Tandem {
  server: FixtureServer;
  /** The running browser; `restart()` replaces it with a new one on the same profile. */
  browser: LaunchedExtension;
  context: BrowserContext;
  id: string;
  restart(): Promise<void>;
  open(page: 'popup.html' | 'options.html' | 'onboarding.html' | 'review.html'): Promise<Page>;
}

/**
 * Each test gets a fixture server for real host names and a fresh Chromium profile with the built extension.
 * `chromiumArgs` adds switches to the browser, e.g. `test.use({ chromiumArgs: ['--lang=de'] })` (tests/e2e/i18n.spec.ts).
 */
export const test = base.extend<{ tandem: Tandem; chromiumArgs: string[] }>({
  chromiumArgs: [[], { option: true }],
  tandem: async ({ chromiumArgs }, use) => {
    const server = await startFixtureServer();
    const profileDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
    const launch = () => launchWithExtension({ extensionPath: EXTENSION_PATH, profileDir, fixturePort: server.port, extraArgs: chromiumArgs });
    const tandem: Tandem = {
      server,
      browser: await launch(),
      get context() {
        return this.browser.context;
      },
      get id() {
        return this.browser.extensionId;
      },
      async restart() {
        await this.browser.close();
        this.browser = await launch();
      },
      async open(page) {
        const p = await this.context.newPage();
        await p.goto(extensionUrl(this.id, page));
        return p;
      },
    };
    await use(tandem);
    await tandem.browser.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  },
});

export { expect };

export interface CommitmentFields {
  title?: string;
  minutes?: number;
  checkin?: boolean;
  /** A time-on-site requirement instead of a focus session. */
  siteTime?: { minutes: number; sites: string[] };
  /** Days to tick (0 = Sunday); default every day. */
  days?: number[];
  /** Default 04:00, the day start, which means the whole day: the window is open at any hour the test runs. */
  until?: string;
  sites?: string[];
}

/** Fills the onboarding form (pre-filled with the preset) and saves it, as a person would. */
export async function createCommitment(tandem: Tandem, fields: CommitmentFields = {}): Promise<void> {
  const page = await tandem.open('onboarding.html');
  if (fields.title) await page.getByTestId('title').fill(fields.title);
  if (fields.checkin) await page.getByTestId('kind-checkin').check();
  if (fields.siteTime) {
    await page.getByTestId('kind-site-time').check();
    await page.getByTestId('site-minutes').fill(String(fields.siteTime.minutes));
    await page.getByTestId('work-sites').fill(fields.siteTime.sites.join('\n'));
  }
  if (fields.minutes !== undefined) await page.getByTestId('minutes').fill(String(fields.minutes));
  const days = fields.days ?? [0, 1, 2, 3, 4, 5, 6];
  for (let d = 0; d < 7; d++) await page.getByTestId(`day-${d}`).setChecked(days.includes(d));
  await page.getByTestId('until').fill(fields.until ?? '04:00');
  if (fields.sites) await page.getByTestId('sites').fill(fields.sites.join('\n'));
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('saved')).toBeVisible();
  await page.close();
}

/** Runs `fn` inside the extension's worker (waking it first): the test's way to reach browser APIs. */
export async function inWorker<T, A = undefined>(tandem: Pick<Tandem, 'context' | 'id'>, fn: (arg: A) => Promise<T>, arg?: A): Promise<T> {
  const worker = await getWorker(tandem.context, tandem.id);
  return worker.evaluate(fn as (arg: unknown) => Promise<T>, arg);
}

/** Every record of one store of the extension's IndexedDB database, read as the browser holds it. */
export function readStore<T = Record<string, unknown>>(tandem: Tandem, store: string): Promise<T[]> {
  return readStoreIn(tandem.context, tandem.id, store);
}

/** The same, in any browser with Tandem loaded (a second profile): read in its worker. */
export async function readStoreIn<T = Record<string, unknown>>(context: BrowserContext, extensionId: string, store: string): Promise<T[]> {
  const worker = await getWorker(context, extensionId);
  return worker.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const rows = await new Promise<unknown[]>((ok, ko) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return rows as T[];
  }, store);
}

export const blockPagePrefix = (tandem: Tandem) => extensionUrl(tandem.id, 'block.html');

/**
 * Rewrites every stored commitment in the worker's own database, as time passing would leave it (the tests cannot
 * wait days): `olderBy` ms made earlier (the outcome cache cleared, so the days are judged again); a waiting
 * easing or a pause moved to start today (the logical day, with the tests' 04:00 day start, in the browser's zone).
 * A write outside Dexie wakes no live query: open pages read it on their next open.
 */
export function rewindCommitments(tandem: Pick<Tandem, 'context' | 'id'>, patch: { olderBy?: number; easingToday?: boolean; pausedFromToday?: boolean }): Promise<void> {
  return inWorker(tandem, async ({ olderBy, easingToday, pausedFromToday }) => {
    const d = new Date(Date.now() - 4 * 3_600_000);
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction(['commitments', 'outcomes'], 'readwrite');
    if (olderBy) tx.objectStore('outcomes').clear();
    const all = tx.objectStore('commitments').getAll();
    all.onsuccess = () => {
      for (const c of all.result) {
        const next = { ...c };
        if (olderBy) next.createdAt = c.createdAt - olderBy;
        if (easingToday && c.pending) next.pending = { ...c.pending, day: today };
        if (pausedFromToday) next.pauses = [{ from: today }];
        tx.objectStore('commitments').put(next);
      }
    };
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
    });
    db.close();
  }, patch);
}
