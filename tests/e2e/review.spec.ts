import { test, expect, createCommitment, blockPagePrefix, readStore, inWorker } from './fixtures';

declare const chrome: {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; clear(name: string): Promise<boolean> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/**
 * The weekly review (issue 10, the local half) in the built extension: a review written with an if-then plan, the
 * plan shown in the popup and on the block page of its commitment, and a draft that survives closing the page and
 * restarting the browser (the worker with it).
 */

test('a weekly review with a plan: the plan shows in the popup and on the block page of its commitment', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work', sites: ['mail.google.com'] });
  await createCommitment(tandem, { title: 'Walk first', checkin: true, sites: ['mail.yahoo.com'] });

  const review = await tandem.open('review.html');
  await expect(review.getByTestId('week-report')).toBeVisible();
  await expect(review.getByTestId('report-row')).toHaveCount(2);
  // Finishing without a plan says what is missing.
  await review.getByTestId('finish-review').click();
  await expect(review.getByTestId('review-error')).toHaveText('Make at least one plan for the coming week.');

  await review.getByTestId('obstacle-email-first').check();
  await expect(review.getByText('Try: Start the focus session from the block page')).toBeVisible();
  await review.getByTestId('add-plan').click();
  await review.getByTestId('cue-moment').selectOption('block-page');
  await review.getByTestId('plan-commitment').selectOption({ label: 'Deep work' });
  await expect(review.getByTestId('plan-sentence')).toHaveText('When I land on the block page, I start “Deep work”.');
  for (const [rating, value] of [['consistency', '3'], ['confidence', '4'], ['stress', '2']] as const) {
    await review.getByTestId(`rating-${rating}`).getByLabel(value, { exact: true }).check();
  }
  await review.getByTestId('finish-review').click();
  await expect(review.getByTestId('draft-state')).toHaveText('Saved.');
  await expect(review.getByTestId('finish-review')).toHaveText('Save changes');

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('intention')).toHaveText(['When I land on the block page, I start “Deep work”.']);

  // On the block page of that commitment: the plan. On another commitment's block page: none.
  const block = await tandem.context.newPage();
  await block.goto('https://mail.google.com/mail/u/0/');
  await expect(block).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(block.getByTestId('blocking-commitment')).toContainText('Deep work');
  await expect(block.getByTestId('intention')).toHaveText(['When I land on the block page, I start “Deep work”.']);
  await block.goto('https://mail.yahoo.com/');
  await expect(block.getByTestId('blocking-commitment')).toContainText('Walk first');
  await expect(block.getByTestId('intention')).toHaveCount(0);

  const stored = await readStore<{ status: string; intentions: unknown[]; obstacles: string[] }>(tandem, 'reviews');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ status: 'done', obstacles: ['email-first'] });
});

test('the draft is kept as it is typed: closing the page, and the browser with its worker, loses nothing', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work' });
  let review = await tandem.open('review.html');
  await review.getByTestId('review-notes').fill('Mornings went to email before I noticed.');
  await review.getByTestId('add-plan').click();
  await review.getByTestId('cue-kind').selectOption('place');
  await review.getByTestId('cue-place').fill('the library');
  await expect(review.getByTestId('draft-state')).toHaveText('Draft saved.');
  await review.close();

  review = await tandem.open('review.html');
  await expect(review.getByTestId('review-notes')).toHaveValue('Mornings went to email before I noticed.');
  await expect(review.getByTestId('cue-place')).toHaveValue('the library');
  await review.close();

  await tandem.restart();
  review = await tandem.open('review.html');
  await expect(review.getByTestId('review-notes')).toHaveValue('Mornings went to email before I noticed.');
  await expect(review.getByTestId('plan-sentence')).toHaveText('When I am at the library, I start “Deep work”.');
  // Still a draft: a draft's plan is not in force.
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('commitment')).toHaveCount(1);
  await expect(popup.getByTestId('intention')).toHaveCount(0);
});

test('the review opens from the popup and the options page', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work' });
  for (const from of ['popup.html', 'options.html'] as const) {
    const page = await tandem.open(from);
    const opened = tandem.context.waitForEvent('page');
    await page.getByTestId('open-review').click();
    const review = await opened;
    await expect(review).toHaveURL(/\/review\.html$/);
    await expect(review.getByRole('heading', { level: 1 })).toContainText('Your week from');
  }
});

test('the review reminder is an alarm recomputed from stored state: set when turned on, set again after a restart, cleared when off', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work' });
  const options = await tandem.open('options.html');
  const refresh = () => options.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh', requestId: crypto.randomUUID() }));
  const reminderAlarm = () =>
    inWorker(tandem, async () => {
      const a = await chrome.alarms.get('reminder');
      return a ? { hour: new Date(a.scheduledTime).getHours(), minute: new Date(a.scheduledTime).getMinutes(), day: new Date(a.scheduledTime).getDay() } : null;
    });
  expect(await reminderAlarm()).toBeNull();
  // As the settings write it (the permission prompt itself cannot be clicked in a test): Wednesday 18:30, no quiet hours.
  await options.evaluate(() => chrome.storage.local.set({ reminders: { review: true, reviewDay: 3, reviewMinutes: 18 * 60 + 30, closing: false, quiet: null } }));
  await refresh();
  await expect.poll(reminderAlarm).toEqual({ hour: 18, minute: 30, day: 3 });

  // The alarm lost (as if never set) and the browser restarted: the start-up recompute sets it again from storage.
  await inWorker(tandem, () => chrome.alarms.clear('reminder'));
  await tandem.restart();
  await expect.poll(reminderAlarm, { timeout: 10_000 }).toEqual({ hour: 18, minute: 30, day: 3 });

  const again = await tandem.open('options.html');
  await again.evaluate(() => chrome.storage.local.set({ reminders: { review: false, reviewDay: 3, reviewMinutes: 18 * 60 + 30, closing: false, quiet: null } }));
  await again.evaluate(() => chrome.runtime.sendMessage({ type: 'gate.refresh', requestId: crypto.randomUUID() }));
  await expect.poll(reminderAlarm).toBeNull();
});
