import { test, expect, inWorker, type Tandem } from './fixtures';
import type { Page } from '@playwright/test';
import { stopServiceWorker } from '../support/worker.mjs';

/** The worker's own extension API, reached from inside `inWorker`. */
declare const chrome: {
  action: {
    getBadgeText(details: object): Promise<string>;
    setBadgeText(details: { text: string }): Promise<void>;
    getTitle(details: object): Promise<string>;
  };
  runtime: { sendMessage(message: object): Promise<{ answer?: { ok: boolean; error?: string; value?: { id: string } } }> };
};

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
/** The window "until 04:00", the day start: the whole day, so every commitment is open whenever the test runs. */
const ALL_DAY = { days: EVERY_DAY, untilMinutes: 240 };
const gate = (title: string, requirement: object) => ({ title, why: '', sites: ['mail.google.com'], requirement, schedule: [ALL_DAY] });
const habit = (title: string, times: number, per: 'day' | 'week') => ({ title, why: '', sites: [], requirement: { kind: 'habit', times, per }, schedule: [ALL_DAY] });

/** Saves commitments through the worker's message protocol, as the pages do; returns their ids in order. */
async function saveCommitments(tandem: Tandem, drafts: object[]): Promise<string[]> {
  const page = await tandem.open('options.html');
  const ids: string[] = [];
  for (const draft of drafts) {
    const reply = await page.evaluate((d) => chrome.runtime.sendMessage({ type: 'commitment.save', requestId: crypto.randomUUID(), draft: d }), draft);
    if (!reply.answer?.ok) throw new Error(`saving failed: ${JSON.stringify(reply)}`);
    ids.push(reply.answer.value!.id);
  }
  await page.close();
  return ids;
}

const EIGHT = [
  gate('Deep work before email', { kind: 'focus', minutes: 60 }),
  gate('Plan the day', { kind: 'checkin' }),
  gate('Write 500 words', { kind: 'focus', minutes: 30 }),
  habit('Stretch', 1, 'day'),
  gate('Inbox after the standup', { kind: 'checkin' }),
  habit('Run', 3, 'week'),
  habit('Read twenty pages', 1, 'day'),
  gate('Review pull requests', { kind: 'checkin' }),
];

const rows = (popup: Page) => popup.getByTestId('commitment');
const row = (popup: Page, title: string) => rows(popup).filter({ has: popup.getByRole('heading', { name: title, exact: true }) });
const statuses = (popup: Page) => rows(popup).evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
const badge = (tandem: Tandem) => inWorker(tandem, () => chrome.action.getBadgeText({}));
const badgeTitle = (tandem: Tandem) => inWorker(tandem, () => chrome.action.getTitle({}));

test('eight commitments fit the popup, done ones go below the pending ones, and a calendar opens on demand', async ({ tandem }) => {
  await saveCommitments(tandem, EIGHT);
  const popup = await tandem.open('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(rows(popup)).toHaveCount(8);
  for (const r of await rows(popup).all()) {
    await expect(r).toHaveAttribute('data-status', 'pending');
    const box = (await r.boundingBox())!;
    expect(box.y + box.height, 'every pending row within the popup’s 600 px').toBeLessThanOrEqual(600);
  }
  // No calendar is drawn until asked for.
  await expect(popup.getByTestId('heatmap')).toHaveCount(0);

  await row(popup, 'Plan the day').getByTestId('check-in').click();
  await expect(row(popup, 'Plan the day')).toHaveAttribute('data-status', 'done');
  expect(await statuses(popup)).toEqual([...Array(7).fill('pending'), 'done']);
  await expect(rows(popup).last().getByRole('heading')).toHaveText('Plan the day');

  // The calendar, by mouse and by keyboard; a brand-new commitment has no days off behind it.
  const stretch = row(popup, 'Stretch');
  const toggle = stretch.getByTestId('calendar-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(stretch.getByTestId('heatmap')).toBeVisible();
  await expect(stretch.getByTestId('legend-not-active')).toHaveText('not a commitment day 0');
  await expect(popup.getByTestId('heatmap')).toHaveCount(1);
  await toggle.focus();
  await popup.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(stretch.getByTestId('heatmap')).toHaveCount(0);
  await popup.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(stretch.getByTestId('details')).toHaveAttribute('id', (await toggle.getAttribute('aria-controls'))!);
});

test('with no partner the badge shows what is left today, follows the setting, and survives a stopped worker', async ({ tandem }) => {
  await saveCommitments(tandem, [gate('Plan the day', { kind: 'checkin' }), habit('Stretch', 1, 'day'), gate('Review pull requests', { kind: 'checkin' })]);
  await expect.poll(() => badge(tandem)).toBe('3');
  expect(await badgeTitle(tandem)).toBe('Tandem — 3 of 3 commitments still to do today');

  const popup = await tandem.open('popup.html');
  await row(popup, 'Plan the day').getByTestId('check-in').click();
  await expect.poll(() => badge(tandem)).toBe('2');
  expect(await badgeTitle(tandem)).toBe('Tandem — 2 of 3 commitments still to do today');

  const options = await tandem.open('options.html');
  const choice = options.getByTestId('badge-choice');
  await choice.selectOption('none');
  await expect.poll(() => badge(tandem)).toBe('');
  expect(await badgeTitle(tandem)).toBe('Tandem');
  await choice.selectOption('partner'); // no partner: nothing to show
  await expect.poll(() => badgeTitle(tandem)).toBe('Tandem');
  expect(await badge(tandem)).toBe('');
  await choice.selectOption('own');
  await expect.poll(() => badge(tandem)).toBe('2');

  // As if the worker had been stopped before it could set the badge: its next start recomputes it.
  await inWorker(tandem, () => chrome.action.setBadgeText({ text: '' }));
  await stopServiceWorker(tandem.context, tandem.id);
  await expect.poll(() => badge(tandem)).toBe('2');

  // A check-in followed at once by a stop: the page sends it again, the worker applies it once and sets the badge.
  await row(popup, 'Stretch').getByTestId('habit-check').click();
  await stopServiceWorker(tandem.context, tandem.id);
  await expect.poll(() => badge(tandem)).toBe('1');
  await row(popup, 'Review pull requests').getByTestId('check-in').click();
  await expect.poll(() => badge(tandem)).toBe('✓');
  expect(await badgeTitle(tandem)).toBe('Tandem — all 3 commitments done today');
});
