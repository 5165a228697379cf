import type { Page } from '@playwright/test';
import { test, expect, inWorker, blockPagePrefix, readStore } from './fixtures';

/**
 * Schedules with start times, made through the options form, followed by the gate in the built extension.
 * Independent of the hour the test runs: the day start is set to six hours before now (read from the worker's own
 * clock and zone), so every window below lies inside the person's day, also around midnight.
 */
const hhmm = (m: number) => {
  const x = ((m % 1440) + 1440) % 1440;
  return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
};

async function newCommitment(page: Page, title: string, site: string, windows: { from: number; until: number }[]) {
  await page.getByTestId('new-commitment').click();
  await page.getByTestId('title').fill(title);
  await page.getByTestId('kind-checkin').check();
  for (let d = 0; d < 7; d++) await page.getByTestId(`day-${d}`).setChecked(true);
  for (const [i, w] of windows.entries()) {
    if (i > 0) await page.getByTestId('add-window-0').click();
    const id = (name: string) => (i === 0 ? name : `${name}-0-${i}`);
    // The first window starts with the day until a start time is set; added ones have a start already.
    if (i === 0) await page.getByTestId('set-start').click();
    await page.getByTestId(id('from')).fill(hhmm(w.from));
    await page.getByTestId(id('until')).fill(hhmm(w.until));
  }
  await page.getByTestId('sites').fill(site);
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('commitment-row').filter({ hasText: title })).toBeVisible();
}

test('the gate follows start times: held during a window that has begun, open before one that starts later', async ({ tandem }) => {
  // The worker's wall clock, in the zone it judges days by.
  const nowMinutes = await inWorker(tandem, async () => {
    const d = new Date();
    return d.getHours() * 60 + d.getMinutes();
  });
  const options = await tandem.open('options.html');
  await options.getByTestId('day-start').fill(hhmm(nowMinutes - 360));
  await options.getByTestId('day-start').blur();
  await expect(options.locator('section.settings [role=status]')).toHaveText('Saved');

  // Two windows today: one that began 30 minutes ago, and a later one.
  await newCommitment(options, 'Mail after my first hour', 'mail.google.com', [
    { from: nowMinutes - 30, until: nowMinutes + 60 },
    { from: nowMinutes + 90, until: nowMinutes + 150 },
  ]);
  // One window that starts in two hours.
  await newCommitment(options, 'Outlook in the afternoon', 'outlook.office.com', [{ from: nowMinutes + 120, until: nowMinutes + 180 }]);
  await expect(options.getByTestId('commitment-row').filter({ hasText: 'Outlook in the afternoon' }))
    .toContainText(`from ${hhmm(nowMinutes + 120)} until ${hhmm(nowMinutes + 180)}`);

  const stored = await readStore<{ title: string; schedule: unknown }>(tandem, 'commitments');
  expect(stored.find((c) => c.title === 'Outlook in the afternoon')?.schedule).toEqual([
    { days: [0, 1, 2, 3, 4, 5, 6], fromMinutes: (nowMinutes + 120) % 1440, untilMinutes: (nowMinutes + 180) % 1440 },
  ]);

  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(page.getByTestId('blocking-commitment').getByRole('heading')).toHaveText('Mail after my first hour');
  expect(tandem.server.countFor('mail.google.com')).toBe(0);

  await page.goto('https://outlook.office.com/mail/');
  await expect(page.getByTestId('fixture')).toHaveText('outlook.office.com /mail/');
  expect(tandem.server.countFor('outlook.office.com')).toBeGreaterThan(0);

  // The popup says when the later window starts.
  const popup = await tandem.open('popup.html');
  const card = popup.getByTestId('commitment').filter({ hasText: 'Outlook in the afternoon' });
  await expect(card.getByTestId('window-hint')).toHaveText(`Starts at ${hhmm(nowMinutes + 120)}`);
  // The one in its window counts down to its close, in the row's details.
  const open = popup.getByTestId('commitment').filter({ hasText: 'Mail after my first hour' });
  await expect(open.getByTestId('window-hint')).toHaveCount(0);
  await open.getByTestId('calendar-toggle').click();
  await expect(open.getByTestId('closing-hint')).toHaveText(/^Window closes in \d+:\d\d/);
});

test('an impossible window is refused in words and nothing is saved', async ({ tandem }) => {
  const options = await tandem.open('options.html');
  await options.getByTestId('new-commitment').click();
  await options.getByTestId('title').fill('Backwards');
  await options.getByTestId('set-start').click();
  await options.getByTestId('from').fill('13:00');
  await options.getByTestId('until').fill('12:00');
  await options.getByTestId('sites').fill('mail.google.com');
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('form-error')).toContainText("can't run from 13:00 until 12:00");
  expect(await readStore(tandem, 'commitments')).toEqual([]);
});
