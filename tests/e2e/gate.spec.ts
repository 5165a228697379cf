import { test, expect, createCommitment, inWorker, blockPagePrefix, readStore } from './fixtures';

/** The worker's own extension API, reached from inside `inWorker`. */
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: { local: { get(): Promise<Record<string, unknown>> } };
};

const GMAIL = 'https://mail.google.com/mail/u/0/?a=1&b=%C3%BC#inbox/label&x=ü';

test('a gated host lands on the block page before any request reaches it; other hosts pass', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const page = await tandem.context.newPage();
  await page.goto(GMAIL);
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  const held = decodeURI(new URL(page.url()).hash.slice(1));
  expect(held).toBe(decodeURI(GMAIL));
  await expect(page.getByTestId('blocking-commitment').getByRole('heading')).toHaveText('Deep work before email');
  await expect(page.getByTestId('progress')).toHaveText('0 of 60 min today');
  expect(tandem.server.countFor('mail.google.com')).toBe(0);

  // Subdomain patterns, path prefixes and lookalikes.
  await page.goto('http://outlook.office.com/mail/');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await page.goto('https://www.icloud.com/photos/');
  await expect(page.getByTestId('fixture')).toHaveText('www.icloud.com /photos/');
  await page.goto('https://www.icloud.com/mail/');
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await page.goto('https://example.org/?next=https://mail.google.com/');
  await expect(page.getByTestId('fixture')).toContainText('example.org');
  expect(tandem.server.countFor('mail.google.com') + tandem.server.countFor('outlook.office.com')).toBe(0);
});

test('"go anyway" pauses, then lets the site through for 5 minutes, then the gate closes by itself', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/');
  await page.getByTestId('go-anyway').click();
  await expect(page.getByTestId('breathing')).toBeVisible();
  await expect(page.getByTestId('go-5')).toHaveCount(0);
  await page.getByTestId('go-5').click({ timeout: 15_000 });
  await expect(page.getByTestId('fixture')).toHaveText('mail.google.com /mail/u/0/');
  expect(tandem.server.countFor('mail.google.com')).toBeGreaterThan(0);
  expect(await readStore(tandem, 'attempts')).toEqual([expect.objectContaining({ outcome: 'went-anyway' })]);

  // The grant stands for other visits to the same host meanwhile.
  const other = await tandem.context.newPage();
  await other.goto('https://mail.google.com/other');
  await expect(other.getByTestId('fixture')).toBeVisible();
  await other.close();

  // Five minutes pass: we move the stored expiry to now and let the worker's alarm fire.
  await inWorker(tandem, async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    await new Promise((ok, ko) => {
      const tx = db.transaction('overrides', 'readwrite');
      tx.objectStore('overrides').put({ host: 'mail.google.com', until: Date.now() - 1 });
      tx.oncomplete = ok;
      tx.onerror = ko;
    });
    db.close();
    await chrome.alarms.create('gate', { when: Date.now() });
  });
  // The open tab is sent back to the block page, and new visits are held again.
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`), { timeout: 15_000 });
  const again = await tandem.context.newPage();
  const before = tandem.server.countFor('mail.google.com');
  await again.goto('https://mail.google.com/mail/u/0/');
  await expect(again).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  expect(tandem.server.countFor('mail.google.com')).toBe(before);
});

test('"not now" goes back to where the person came from', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const page = await tandem.context.newPage();
  await page.goto('https://example.org/start');
  await page.goto('https://mail.google.com/');
  await expect(page.getByTestId('blocking-commitment')).toBeVisible();
  await page.reload(); // a reload is the same visit, not a second attempt
  await expect(page.getByTestId('blocking-commitment')).toBeVisible();
  await page.getByTestId('not-now').click();
  await expect(page.getByTestId('fixture')).toHaveText('example.org /start');
  expect(tandem.server.countFor('mail.google.com')).toBe(0);
  const attempts = await readStore(tandem, 'attempts');
  expect(attempts).toEqual([expect.objectContaining({ outcome: 'turned-back' })]);
});

test('no URL is stored anywhere: arrivals are counts, grants keep only a host', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/secret-label');
  await page.reload();
  await page.getByTestId('go-anyway').click();
  await page.getByTestId('go-5').click({ timeout: 15_000 });
  await expect(page.getByTestId('fixture')).toBeVisible();
  const stores = ['commitments', 'sessions', 'checkIns', 'attempts', 'overrides'];
  const everything = JSON.stringify({
    db: await Promise.all(stores.map((s) => readStore(tandem, s))),
    storage: await inWorker(tandem, () => chrome.storage.local.get()),
  });
  expect(everything).toContain('mail.google.com'); // the commitment's own site list and the 5-minute grant
  expect(everything).not.toContain('secret-label');
  expect(everything).not.toContain('/mail/u/0');
});

test('a tab already on a gated site is sent to the block page when the gate closes over it', async ({ tandem }) => {
  const page = await tandem.context.newPage();
  await page.goto('https://mail.yahoo.com/d/folders/1');
  await expect(page.getByTestId('fixture')).toBeVisible();
  await createCommitment(tandem, { minutes: 30 });
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}\\?swept#https://mail.yahoo.com/d/folders/1$`));
});

test('check-in commitments open the gate with "I did it" and the block page goes on by itself', async ({ tandem }) => {
  await createCommitment(tandem, { checkin: true, title: 'Walk before the inbox' });
  const page = await tandem.context.newPage();
  await page.goto('https://app.fastmail.com/mail/Inbox');
  await expect(page.getByTestId('blocking-commitment')).toContainText('Walk before the inbox');
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('fixture')).toHaveText('app.fastmail.com /mail/Inbox');
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('status')).toHaveText('Done');
  await expect(popup.getByTestId('streak')).toHaveText('1-day streak');
  // The calendar is drawn when asked for.
  await expect(popup.getByTestId('heatmap')).toHaveCount(0);
  await popup.getByTestId('calendar-toggle').click();
  await expect(popup.getByTestId('legend-done')).toHaveText('done 1');
  await expect(popup.getByTestId('legend-missed')).toHaveText('missed 0');
  // Pointing at the day gives its date and outcome.
  await popup.getByTestId('heatmap').locator('[data-outcome="done"]').hover();
  await expect(popup.getByTestId('heatmap-day')).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d{2}-\d{2}: done$/);
  await expect(popup.getByTestId('rate30')).toHaveText('100% of the last 30 days');

  // The options page keeps the history: the calendar and the block-page record.
  const options = await tandem.open('options.html');
  await expect(options.getByTestId('history').getByTestId('heatmap')).toHaveAttribute('aria-label', /: 1 done, 0 missed over the last 16 weeks$/);
  await expect(options.getByTestId('attempt-chart')).toContainText('1 arrival at the pause in 8 weeks; held back 100% of the time.');
  await expect(options.getByTestId('attempts-by-day').locator('title').last()).toHaveText(/: 1 arrival$/);
});
