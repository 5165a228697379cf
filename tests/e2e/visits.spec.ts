import { test, expect, createCommitment, blockPagePrefix, readStore } from './fixtures';

// www.icloud.com is among the preset hosts Tandem may see, so iCloud Pages can be a work site here
// without a permission prompt (which a headless test cannot answer).
test('time on a work site counts toward a time-on-site requirement and opens the gate while the person stays', async ({ tandem }) => {
  test.setTimeout(180_000);
  await createCommitment(tandem, { title: 'Write in Pages before email', siteTime: { minutes: 1, sites: ['www.icloud.com/pages'] } });

  const mail = await tandem.context.newPage();
  await mail.goto('https://mail.google.com/mail/u/0/');
  await expect(mail).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(mail.getByTestId('progress')).toHaveText('0 of 1 min today');
  await expect(mail.getByTestId('site-time-hint')).toContainText('www.icloud.com/pages');

  // The person works in Pages (the tab in front); elsewhere on icloud.com does not count.
  const work = await tandem.context.newPage();
  await work.goto('https://www.icloud.com/pages/document-1');
  await expect(work.getByTestId('fixture')).toBeVisible();
  await work.bringToFront();

  // Within a minute or so, the block page in the other tab goes on to the mail by itself.
  await expect(mail.getByTestId('fixture')).toHaveText('mail.google.com /mail/u/0/', { timeout: 120_000 });
  const siteDays = await readStore<{ site: string; seconds: number }>(tandem, 'siteDays');
  const tracker = await readStore<{ open: { site: string } | null }>(tandem, 'tracker');
  // Only the work site's key is stored: no URL, no other site.
  expect(JSON.stringify([siteDays, tracker])).not.toContain('document-1');
  expect(new Set([...siteDays.map((d) => d.site), tracker[0]?.open?.site].filter(Boolean))).toEqual(new Set(['www.icloud.com/pages']));
  expect(await readStore(tandem, 'checkIns')).toHaveLength(1); // the moment it was met, kept for history

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('status')).toHaveText('Done');
  await expect(popup.getByTestId('progress')).toHaveText('1 of 1 min');
});

test('a visit to a work site ends when its tab goes to the block page (looked at once the page has arrived)', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Write in Pages before email', siteTime: { minutes: 30, sites: ['www.icloud.com/pages'] } });
  const open = async () => (await readStore<{ open: { site: string } | null }>(tandem, 'tracker'))[0]?.open?.site ?? null;

  const tab = await tandem.context.newPage();
  await tab.goto('https://www.icloud.com/pages/document-1');
  await expect(tab.getByTestId('fixture')).toBeVisible();
  await tab.bringToFront();
  await expect.poll(open).toBe('www.icloud.com/pages');

  // The same tab, on to a gated site: held back, and the time on Pages stops counting.
  await tab.goto('https://mail.google.com/mail/u/0/');
  await expect(tab).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(tab.getByTestId('blocking-commitment').first()).toBeVisible();
  await expect.poll(open).toBeNull();
});
