import { test, expect, createCommitment, blockPagePrefix, readStore } from './fixtures';
import { stopServiceWorker, isWorkerRunning } from '../support/worker.mjs';

test('a one-minute focus session completes and opens the gate even when the worker is stopped midway', async ({ tandem }) => {
  test.setTimeout(150_000);
  await createCommitment(tandem, { minutes: 1 });
  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await page.getByTestId('start-focus').click();
  await expect(page.getByTestId('countdown')).toHaveText(/^0:5\d|^1:00$/);

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('status')).toHaveText('In progress');
  await expect(popup.getByTestId('countdown')).toBeVisible();

  await stopServiceWorker(tandem.context, tandem.id);
  expect(await isWorkerRunning(tandem.context, tandem.id)).toBe(false);

  // Nothing else wakes the worker: the session's alarm does, the gate opens, the block page goes on.
  await expect(page.getByTestId('fixture')).toHaveText('mail.google.com /mail/u/0/', { timeout: 90_000 });
  expect(page.url()).toBe('https://mail.google.com/mail/u/0/#inbox');
  await expect(popup.getByTestId('status')).toHaveText('Done');
  await expect(popup.getByTestId('progress')).toHaveText('1 of 1 min');
  await expect(popup.getByTestId('streak')).toHaveText('1-day streak');
  expect(await readStore(tandem, 'attempts')).toEqual([expect.objectContaining({ outcome: 'started-session' })]);
});

test('ending a session early is recorded as incomplete and keeps the gate closed', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 30 });
  const popup = await tandem.open('popup.html');
  await popup.getByTestId('start-focus').click();
  await expect(popup.getByTestId('countdown')).toBeVisible();
  await popup.getByTestId('stop-focus').click();
  await expect(popup.getByTestId('start-focus')).toBeVisible();
  await expect(popup.getByTestId('status')).toHaveText('Pending');
  const sessions = await readStore<{ outcome: string; startedAt: number; endsAt: number; endedAt: number }>(tandem, 'sessions');
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ outcome: 'ended-early' });
  expect(sessions[0]!.endedAt).toBeLessThan(sessions[0]!.endsAt);
  expect(sessions[0]!.endsAt - sessions[0]!.startedAt).toBe(30 * 60_000);
  const page = await tandem.context.newPage();
  await page.goto('https://outlook.live.com/mail/0/');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
});

test('data and a running session survive a browser restart', async ({ tandem }) => {
  test.setTimeout(210_000);
  await createCommitment(tandem, { minutes: 2, title: 'Write first' });
  let popup = await tandem.open('popup.html');
  await popup.getByTestId('start-focus').click();
  await expect(popup.getByTestId('countdown')).toBeVisible();

  await tandem.restart();
  popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('commitment').getByRole('heading')).toHaveText('Write first');
  await expect(popup.getByTestId('status')).toHaveText('In progress');
  await expect(popup.getByTestId('countdown')).toHaveText(/^[01]:\d\d$/);
  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(popup.getByTestId('status')).toHaveText('Done', { timeout: 150_000 });
  // The block page goes on to the site by itself once the gate opens; wait for that before navigating again.
  await expect(page.getByTestId('fixture')).toHaveText('mail.google.com /');
  await page.goto('https://mail.google.com/after');
  await expect(page.getByTestId('fixture')).toHaveText('mail.google.com /after');
});
