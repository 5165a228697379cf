import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { emulatorsMissing } from '../../scripts/start/backend.mjs';
import { startSession, type Session } from '../../scripts/start/session.mjs';
import { extensionUrl } from '../support/tandem.mjs';

// The worker's own API, used inside `evaluate`.
declare const chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };

/**
 * `npm run start:partners` as a person uses it: the same startSession() it calls (emulators, a build against them,
 * one Chromium per person on a profile of its own), headless, with throwaway profiles, a build directory of its
 * own and a DevTools port to drive the pages. Ana and Ben pair through the options page; each one's toolbar badge
 * then shows the other's streak.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const missing = emulatorsMissing(ROOT);
if (missing) console.warn(`\n!!! START:PARTNERS BROWSER TEST SKIPPED — NOT PASSED: ${missing}\n`);

test('start:partners opens Ana and Ben against the emulators; they pair and see each other on the badge', async () => {
  test.skip(!!missing, `emulators unavailable: ${missing}`);
  test.setTimeout(300_000);
  const lines: string[] = [];
  let session: Session | undefined;
  const browsers: Browser[] = [];
  try {
    session = await startSession({
      root: ROOT, people: ['ana', 'ben'], needSync: true, sync: 'emulators',
      fresh: true, headless: true, control: true, outDir: '.output/e2e-start', log: (line) => lines.push(line),
    });
    expect(session.sync).toBe('emulators');
    expect(lines[0]).toMatch(/^Partner sync: the local emulators/);
    const connect = async (w: Session['windows'][number]) => {
      const browser = await chromium.connectOverCDP(w.cdpUrl!);
      browsers.push(browser);
      const context = browser.contexts()[0]!;
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // The id the session computed (and would open pages with) is the one Chromium gave the extension.
      expect(new URL(worker.url()).host).toBe(session!.extensionId);
      return { context, worker };
    };
    const ana = await connect(session.windows[0]!);
    const ben = await connect(session.windows[1]!);
    const open = async (context: BrowserContext, page: string): Promise<Page> => {
      const p = await context.newPage();
      await p.goto(extensionUrl(session!.extensionId, page));
      return p;
    };
    const badge = (who: typeof ana) => who!.worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));

    const anaOptions = await open(ana!.context, 'options.html');
    await anaOptions.getByTestId('partner-name').fill('Ana');
    await anaOptions.getByTestId('save-name').click();
    await anaOptions.getByTestId('create-invite').click();
    const code = (await anaOptions.getByTestId('invite-code').textContent())!;

    const benOptions = await open(ben!.context, 'options.html');
    await benOptions.getByTestId('partner-name').fill('Ben');
    await benOptions.getByTestId('save-name').click();
    await benOptions.getByTestId('redeem-code').fill(code);
    await benOptions.getByTestId('redeem').click();
    await expect(benOptions.getByTestId('pair')).toContainText('Ana');

    // Ana opens her popup: its sync finds the invite used, stores the pair, sends her summary and reads Ben's.
    const anaPopup = await open(ana!.context, 'popup.html');
    await expect(anaPopup.getByTestId('partner')).toContainText('Ben');
    await expect.poll(() => badge(ana), { timeout: 30_000 }).toMatchObject({ text: '0', title: expect.stringContaining('Ben: 0-day streak') });

    // Ben opens his: Ana's summary is there.
    const benPopup = await open(ben!.context, 'popup.html');
    await expect(benPopup.getByTestId('partner')).toContainText('Ana');
    await expect.poll(() => badge(ben), { timeout: 30_000 }).toMatchObject({ text: '0', title: expect.stringContaining('Ana: 0-day streak') });
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await session?.stop();
  }
  // Stopping removes the throwaway profiles.
  for (const w of session?.windows ?? []) expect(existsSync(w.profileDir)).toBe(false);
});
