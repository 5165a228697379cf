import { test, expect, readStore, rewindCommitments } from './fixtures';

test('a weekly habit: made in options, checked in from the popup in one click, undone, described', async ({ tandem }) => {
  const options = await tandem.open('options.html');
  await options.getByTestId('new-commitment').click();
  await options.getByTestId('type-habit').check();
  await options.getByTestId('title').fill('Three 30-minute workouts');
  await options.getByTestId('habit-times').fill('3');
  await options.getByTestId('habit-per').selectOption('week');
  await expect(options.getByTestId('sites')).toHaveCount(0); // a habit holds no site back
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('commitment-row')).toContainText('3 times a week');

  const popup = await tandem.open('popup.html');
  const card = popup.getByTestId('commitment');
  await expect(card.getByTestId('progress')).toHaveText('0 of 3 this week');
  await card.getByTestId('habit-check').click();
  await expect(card.getByTestId('progress')).toHaveText('1 of 3 this week');
  await card.getByTestId('undo').click();
  await expect(card.getByTestId('progress')).toHaveText('0 of 3 this week');
  await card.getByTestId('habit-check').click();
  await expect(card.getByTestId('progress')).toHaveText('1 of 3 this week');

  await card.getByTestId('describe').locator('summary').click();
  await card.getByTestId('note').fill('Ran by the river');
  await card.getByTestId('rating-4').check();
  await card.getByTestId('save-note').click();
  await expect(card.getByTestId('describe').locator('summary')).toHaveText('“Ran by the river” · 4/5');
  expect(await readStore(tandem, 'checkIns')).toEqual([expect.objectContaining({ note: 'Ran by the river', rating: 4 })]);
  // The note taken out again: the rating stands alone.
  await card.getByTestId('note').fill('');
  await card.getByTestId('save-note').click();
  await expect(card.getByTestId('describe').locator('summary')).toHaveText('4/5');
  await card.getByTestId('calendar-toggle').click();
  await expect(card.getByTestId('legend-done')).toHaveText('done 1');
  await expect(card.getByTestId('log-yesterday')).toHaveCount(0); // it did not exist yesterday

  // A habit never gates: the webmail opens.
  const page = await tandem.context.newPage();
  await page.goto('https://mail.google.com/');
  await expect(page.getByTestId('fixture')).toBeVisible();
});

test('a daily habit: yesterday can still be logged from the popup, once; paused, today shows as paused', async ({ tandem }) => {
  const options = await tandem.open('options.html');
  await options.getByTestId('new-commitment').click();
  await options.getByTestId('type-habit').check();
  await options.getByTestId('title').fill('Stretch');
  await options.getByTestId('habit-times').fill('1');
  await options.getByTestId('habit-per').selectOption('day');
  for (let d = 0; d < 7; d++) await options.getByTestId(`day-${d}`).setChecked(true);
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('commitment-row')).toContainText('once a day');

  // As if it had been made three days ago (and nothing judged yet): the database as the worker keeps it.
  await rewindCommitments(tandem, { olderBy: 3 * 86_400_000 });

  const popup = await tandem.open('popup.html');
  const card = popup.getByTestId('commitment');
  await card.getByTestId('calendar-toggle').click();
  await expect(card.getByTestId('legend-done')).toHaveText('done 0');
  await card.getByTestId('log-yesterday').click();
  await expect(card.getByTestId('legend-done')).toHaveText('done 1');
  await expect(card.getByTestId('log-yesterday')).toHaveCount(0); // once: yesterday has its check-in now
  await expect(card.getByTestId('progress')).toHaveText('0 of 1 today'); // today is untouched

  // A season of life: a pause made today starts tomorrow at the earliest, so today is as it was.
  await options.getByTestId('pause').click();
  await options.getByTestId('pause-confirm').click();
  await expect(options.getByTestId('pause-note')).toContainText('Paused from');
  await expect(card.getByTestId('status')).toHaveText('Pending');
  // Planned earlier, starting today: today is marked paused (a dashed outline, counted in the legend).
  await rewindCommitments(tandem, { pausedFromToday: true });
  // A write outside Dexie wakes no live query: a popup opened now reads it.
  const again = (await tandem.open('popup.html')).getByTestId('commitment');
  await expect(again.getByTestId('status')).toHaveText('Paused');
  await again.getByTestId('calendar-toggle').click(); // the calendar opens on demand
  await expect(again.getByTestId('legend-paused')).toHaveText('paused 1');
});
