import { test, expect, createCommitment, inWorker, blockPagePrefix, readStore } from './fixtures';
import type { Page } from '@playwright/test';
import { getWorker, stopServiceWorker } from '../support/worker.mjs';

/** The worker's own extension API, reached from inside `inWorker`. */
declare const chrome: {
  declarativeNetRequest: {
    getDynamicRules(): Promise<{ id: number }[]>;
    updateDynamicRules(change: { removeRuleIds: number[] }): Promise<void>;
  };
};

const GMAIL = 'https://mail.google.com/mail/u/0/';

/**
 * Opens a URL as a person would. The worker may send the tab on meanwhile (its tab sweep, racing the DNR redirect),
 * which interrupts Playwright's own wait; where the tab ends up is what the assertions after it check.
 */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url).catch((e: unknown) => {
    if (!/interrupted by another navigation|ERR_ABORTED/.test(String(e))) throw e;
  });
}

test('a worker that starts recomputes the gate, so a refresh cut off by a stop is redone', async ({ tandem }) => {
  await createCommitment(tandem, { checkin: true });
  // As if a refresh had been cut off after removing the rules and before adding the new ones.
  await inWorker(tandem, async () => {
    const rules = await chrome.declarativeNetRequest.getDynamicRules();
    await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id) });
  });
  await stopServiceWorker(tandem.context, tandem.id);
  await getWorker(tandem.context, tandem.id); // any event starts it again; here, the test's own
  await expect.poll(() => inWorker(tandem, async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBeGreaterThan(0);
  const page = await tandem.context.newPage();
  await visit(page, GMAIL);
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  expect(tandem.server.countFor('mail.google.com')).toBe(0);
});

test('a check-in whose answer was lost to a stopped worker is applied once, and the page shows no error', async ({ tandem }) => {
  await createCommitment(tandem, { checkin: true });
  const popup = await tandem.open('popup.html');
  // The worker is stopped while the check-in is on its way or just applied: the page sends it again once the
  // worker is back, and the worker, knowing the action's id, applies it once.
  await popup.getByTestId('check-in').click();
  await stopServiceWorker(tandem.context, tandem.id);
  await expect(popup.getByTestId('status')).toContainText(/done/i);
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(await readStore(tandem, 'checkIns')).toHaveLength(1);
  const page = await tandem.context.newPage();
  await visit(page, GMAIL);
  await expect(page.getByTestId('fixture')).toBeVisible(); // the gate opened
});

test('an action in the options page followed at once by a stop still reaches the gate', async ({ tandem }) => {
  await createCommitment(tandem, { checkin: true, sites: ['mail.google.com'] });
  const options = await tandem.open('options.html');
  const rules = () => inWorker(tandem, async () => JSON.stringify(await chrome.declarativeNetRequest.getDynamicRules()));
  expect(await rules()).not.toContain('aol');
  // One more site held back: harder, so it applies at once (an easing would wait its days, issue 11).
  await options.getByTestId('edit').click();
  const sites = options.getByTestId('sites');
  await sites.fill(`${await sites.inputValue()}\nmail.aol.com`);
  await options.getByTestId('save-commitment').click();
  await stopServiceWorker(tandem.context, tandem.id);
  await expect.poll(rules).toContain('aol');
  await expect(options.getByRole('alert')).toHaveCount(0);
  expect((await readStore<{ sites: string[] }>(tandem, 'commitments'))[0]?.sites).toContain('mail.aol.com');
});

test('when the database is deleted under a running worker, the gate opens and the person is told once', async ({ tandem }) => {
  await createCommitment(tandem, { checkin: true });
  const page = await tandem.context.newPage();
  await visit(page, GMAIL);
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  // Cleared from outside (as a cleanup tool or "clear site data" would), with the worker running.
  await inWorker(tandem, () => new Promise<void>((ok, ko) => {
    const r = indexedDB.deleteDatabase('tandem');
    r.onsuccess = () => ok();
    r.onerror = () => ko(r.error);
  }));
  await expect.poll(() => inWorker(tandem, async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBe(0);
  await visit(page, GMAIL);
  await expect(page.getByTestId('fixture')).toBeVisible();

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('data-lost')).toContainText('records on this device were cleared');
  await popup.getByTestId('data-lost-ok').click();
  await expect(popup.getByTestId('data-lost')).toHaveCount(0);
  await popup.reload();
  await expect(popup.getByTestId('empty')).toBeVisible();
  await expect(popup.getByTestId('data-lost')).toHaveCount(0); // once only
});
