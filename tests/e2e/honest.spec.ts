/** Keeping commitments honest (issue 11): an easing waits, a pause made today leaves today as it was. */
import { test, expect, createCommitment, inWorker, blockPagePrefix, readStore, rewindCommitments, type Tandem } from './fixtures';
import { expectAccessible } from './a11y';

declare const chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };

const GMAIL = 'https://mail.google.com/mail/u/0/';

async function expectGated(tandem: Tandem) {
  const page = await tandem.context.newPage();
  await page.goto(GMAIL);
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await page.close();
}

/** Moves every stored commitment's waiting easing to today (as if its wait were over) and fires the easing alarm. */
async function easingDayComes(tandem: Tandem) {
  await rewindCommitments(tandem, { easingToday: true });
  await inWorker(tandem, () => chrome.alarms.create('easing', { when: Date.now() + 200 }));
}

test('an easing edit leaves today’s gate closed, shows in options and popup with its date, and applies at its time', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const options = await tandem.open('options.html');
  await options.getByTestId('edit').click();
  await options.getByTestId('minutes').fill('45');
  await options.getByTestId('save-commitment').click();
  const row = options.getByTestId('commitment-row');
  await expect(row.getByTestId('pending-easing')).toHaveText(/^Eases to 45 min focus on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\.$/);
  await expect(row.locator('.meta').first()).toContainText('60 min focus'); // still in force
  await expectGated(tandem);

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('progress')).toHaveText('0 of 60 min');
  await expect(popup.getByTestId('pending-easing')).toHaveText(/^Deep work before email: Eases to 45 min focus on /);

  // Editing the name again keeps the wait (and the form starts from what is coming: 45).
  await options.getByTestId('edit').click();
  await expect(options.getByTestId('minutes')).toHaveValue('45');
  await options.getByTestId('title').fill('Deep work first');
  await options.getByTestId('save-commitment').click();
  await expect(row.locator('h2')).toHaveText('Deep work first');
  await expect(row.getByTestId('pending-easing')).toContainText('Eases to 45 min focus');

  // Its day comes: the alarm applies it in the worker, and every page follows.
  await easingDayComes(tandem);
  await expect(row.getByTestId('pending-easing')).toHaveCount(0);
  await expect(row.locator('.meta').first()).toContainText('45 min focus');
  await expect(popup.getByTestId('progress')).toHaveText('0 of 45 min');
  expect((await readStore<{ earlierRules?: unknown[] }>(tandem, 'commitments'))[0]!.earlierRules).toHaveLength(1);
});

test('an easing can be taken back from the popup; archiving waits too', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const options = await tandem.open('options.html');
  await options.getByTestId('archive').click();
  await expect(options.getByTestId('pending-easing')).toHaveText(/^Archived on /);
  await expect(options.getByText(/Archived \(\d\)/)).toHaveCount(0);
  await expectGated(tandem);
  const popup = await tandem.open('popup.html');
  await popup.getByTestId('cancel-easing').click();
  await expect(popup.getByTestId('pending-easing')).toHaveCount(0);
  await expect(options.getByTestId('pending-easing')).toHaveCount(0);
  expect((await readStore<{ pending?: unknown }>(tandem, 'commitments'))[0]!.pending).toBeUndefined();
});

test('a pause made today leaves today’s gate closed; it shows with its reason and can be called off', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const options = await tandem.open('options.html');
  await options.getByTestId('pause').click();
  await expect(options.getByTestId('pause-form')).toContainText('Today counts as usual.');
  await expectAccessible(options, 'options: the pause form');
  await options.getByTestId('pause-reason').fill('exam week');
  await options.getByTestId('pause-confirm').click();
  await expect(options.getByTestId('pause-note')).toHaveText(/^Paused from (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}: exam week\.$/);
  await expect(options.getByTestId('pause')).toHaveCount(0);
  await expectGated(tandem);
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('status')).toHaveText('Pending');
  await expect(popup.getByTestId('pause-note')).toContainText('exam week');
  await expectAccessible(options, 'options: a pause planned');
  await expectAccessible(popup, 'popup: a pause planned');

  await options.getByTestId('end-pause').click();
  await expect(options.getByTestId('pause-note')).toHaveCount(0);
  await expect(options.getByTestId('pause')).toBeVisible();
  expect((await readStore<{ pauses?: unknown }>(tandem, 'commitments'))[0]!.pauses).toBeUndefined();
});

test('a pledge: set in options, told in the popup once a week reaches its missed days, marked kept', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  // As if made three days ago and not kept since (the database as the worker keeps it).
  await rewindCommitments(tandem, { olderBy: 3 * 86_400_000 });
  const options = await tandem.open('options.html');
  await options.getByTestId('edit-pledge').click();
  await options.getByTestId('pledge-misses').selectOption('1');
  await options.getByTestId('pledge-stake').fill('give €10 to the climbing club');
  await options.getByTestId('save-pledge').click();
  await expect(options.getByTestId('pledge')).toContainText('Pledge: If I miss a day in a week, I give €10 to the climbing club.');
  // Yesterday was missed (today too maybe, once its window is over): the popup tells the pledge is due.
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('pledge-due')).toContainText('Your pledge: If I miss a day in a week, I give €10 to the climbing club.');
  await options.getByTestId('remove-pledge').click();
  await expect(options.getByTestId('pledge').getByRole('alert')).toContainText('Mark this week’s pledge kept first.');
  await popup.getByTestId('pledge-kept').first().click();
  await expect.poll(async () => (await readStore<{ pledge?: { kept?: string[] } }>(tandem, 'commitments'))[0]!.pledge?.kept?.length ?? 0).toBeGreaterThan(0);
});

test('the weekly review offers a recalibration to a commitment missed lately; recommitting there settles it in the popup too', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60, title: 'Deep work' });
  // As if made four days ago and not kept since: three of its last days missed.
  await rewindCommitments(tandem, { olderBy: 4 * 86_400_000 });
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('recalibration')).toContainText('Deep work missed');
  const review = await tandem.open('review.html');
  const offer = review.getByTestId('review-recalibrations').getByTestId('recalibration');
  await expect(offer).toContainText(/Deep work missed \d of its last \d days\. What would help\?/);
  await expect(offer.getByTestId('make-it-fit')).toContainText('45 min focus');
  await offer.getByTestId('recalibration-note').fill('mornings were chaos');
  await offer.getByTestId('recommit').click();
  await expect(review.getByTestId('review-recalibrations')).toHaveCount(0);
  const [c] = await readStore<{ recalibration?: { choice: string; note?: string } }>(tandem, 'commitments');
  expect(c!.recalibration).toMatchObject({ choice: 'recommit', note: 'mornings were chaos' });
  // Asked at most once a week: the popup no longer offers it either.
  const again = await tandem.open('popup.html');
  await expect(again.getByTestId('commitment')).toBeVisible();
  await expect(again.getByTestId('recalibration')).toHaveCount(0);
});

test('a pledge lowered waits its days, shown as a change coming; one raised applies at once', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const options = await tandem.open('options.html');
  await options.getByTestId('edit-pledge').click();
  await options.getByTestId('pledge-misses').selectOption('3');
  await options.getByTestId('pledge-stake').fill('give €10 to the climbing club');
  await options.getByTestId('save-pledge').click();
  await expect(options.getByTestId('pledge')).toContainText('If I miss 3 days in a week');
  // Raised (triggered by fewer missed days): at once.
  await options.getByTestId('edit-pledge').click();
  await options.getByTestId('pledge-misses').selectOption('2');
  await options.getByTestId('save-pledge').click();
  await expect(options.getByTestId('pledge')).toContainText('If I miss 2 days in a week');
  await expect(options.getByTestId('pending-easing')).toHaveCount(0);
  // Removed: it waits, and says when it goes.
  await options.getByTestId('remove-pledge').click();
  await expect(options.getByTestId('pledge')).toContainText('If I miss 2 days in a week');
  await expect(options.getByTestId('pending-easing')).toHaveText(/^Eases to no pledge on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\.$/);
  await options.getByTestId('cancel-easing').click();
  await expect(options.getByTestId('pending-easing')).toHaveCount(0);
  await expect(options.getByTestId('pledge')).toContainText('If I miss 2 days in a week');
});
