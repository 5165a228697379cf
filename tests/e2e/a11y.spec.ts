import { test, expect, createCommitment, blockPagePrefix } from './fixtures';
import { expectAccessible, expectFitsWidth } from './a11y';

/**
 * Accessibility in the built extension (issue 13, item 4): axe-core on every page in its main states, in light
 * and dark colours; keyboard-only flows; where the focus goes after each action; 320 px layouts; reduced motion.
 */

test('every page in its main states has no serious or critical axe violation, light or dark', async ({ tandem }) => {
  const onboarding = await tandem.open('onboarding.html');
  await expectAccessible(onboarding, 'onboarding: the form');
  // Held all day every day, so the block page below is reached on any day and at any hour the test runs.
  for (let d = 0; d < 7; d++) await onboarding.getByTestId(`day-${d}`).check();
  await onboarding.getByTestId('until').fill('04:00');
  await onboarding.getByTestId('save-commitment').click();
  await expect(onboarding.getByTestId('saved')).toBeVisible();
  await expectAccessible(onboarding, 'onboarding: what next');

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('commitment')).toHaveCount(1);
  await expectAccessible(popup, 'popup: one pending commitment');

  const options = await tandem.open('options.html');
  await expect(options.getByTestId('commitment-row')).toHaveCount(1);
  await expectAccessible(options, 'options: a commitment');
  await options.getByTestId('new-commitment').click();
  await expectAccessible(options, 'options: the new commitment form');
  await options.getByTestId('delete-everything-button').click();
  await expectAccessible(options, 'options: the delete confirmation');

  const block = await tandem.context.newPage();
  await block.goto('https://mail.google.com/mail/u/0/');
  await expect(block).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(block.getByTestId('blocking-commitment')).toBeVisible();
  await expectAccessible(block, 'block page');
  await block.getByTestId('go-anyway').click();
  await expect(block.getByTestId('breathing')).toBeVisible();
  await expectAccessible(block, 'block page: the breathing pause');
});

test('an empty popup and options page are accessible too', async ({ tandem }) => {
  await expectAccessible(await tandem.open('popup.html'), 'popup: no commitments');
  await expectAccessible(await tandem.open('options.html'), 'options: no commitments');
});

test('keyboard only: create a commitment, then turn back on the block page', async ({ tandem }) => {
  const onboarding = await tandem.open('onboarding.html');
  for (let d = 0; d < 7; d++) await onboarding.getByTestId(`day-${d}`).check(); // every day, whatever the day of the run
  await onboarding.getByTestId('until').fill('04:00'); // all day, whatever the hour of the run
  await onboarding.getByTestId('save-commitment').focus();
  await onboarding.keyboard.press('Enter');
  await expect(onboarding.getByTestId('saved')).toBeVisible();
  // The focus is where the next thing to do is, not lost on the page body.
  await expect.poll(() => onboarding.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

  const block = await tandem.context.newPage();
  await block.goto('https://example.org/start');
  await block.goto('https://mail.google.com/mail/u/0/');
  await expect(block).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(block.getByTestId('blocking-commitment')).toBeVisible();
  const reached = [] as string[];
  for (let i = 0; i < 12 && !reached.includes('not-now'); i++) {
    await block.keyboard.press('Tab');
    reached.push((await block.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ?? '');
  }
  expect(reached).toContain('not-now');
  await block.keyboard.press('Enter');
  await expect(block.getByTestId('fixture')).toHaveText('example.org /start');
});

test('the focus moves where the next action is after New commitment and after Save in the options page', async ({ tandem }) => {
  const options = await tandem.open('options.html');
  await options.getByTestId('new-commitment').click();
  await expect(options.getByTestId('title')).toBeFocused();
  await options.getByTestId('title').fill('Write 300 words');
  await options.getByTestId('sites').fill('mail.google.com');
  for (let d = 0; d < 7; d++) await options.getByTestId(`day-${d}`).check();
  await options.getByTestId('until').fill('04:00');
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('commitment-row')).toHaveCount(1);
  // Back on the list: the focus is on the new commitment's row, not lost on the page body.
  await expect(options.getByTestId('commitment-row').first()).toBeFocused();
});

test('320 px: the options page and the block page fit without sideways scrolling', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const options = await tandem.open('options.html');
  await expect(options.getByTestId('commitment-row')).toHaveCount(1);
  await expectFitsWidth(options, 320, 'options');
  const block = await tandem.context.newPage();
  await block.goto('https://mail.google.com/mail/u/0/');
  await expect(block.getByTestId('blocking-commitment')).toBeVisible();
  await expectFitsWidth(block, 320, 'block page');
});

test('the breathing circle keeps still for people who ask for reduced motion', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const block = await tandem.context.newPage();
  await block.emulateMedia({ reducedMotion: 'reduce' });
  await block.goto('https://mail.google.com/mail/u/0/');
  await block.getByTestId('go-anyway').click();
  const circle = block.locator('.breath-circle');
  await expect(circle).toBeVisible();
  expect(await circle.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await block.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await circle.evaluate((el) => getComputedStyle(el).animationName)).toBe('breathe');
});

test('the weekly review page, empty, while writing and finished, has no serious or critical axe violation', async ({ tandem }) => {
  const empty = await tandem.open('review.html');
  await expect(empty.getByRole('heading', { level: 1 })).toContainText('Your week from');
  await expectAccessible(empty, 'review: no commitments');
  await empty.close();

  await createCommitment(tandem, { title: 'Deep work' });
  const review = await tandem.open('review.html');
  await expect(review.getByTestId('week-report')).toBeVisible();
  await review.getByTestId('obstacle-phone').check();
  await review.getByTestId('add-plan').click();
  await review.getByTestId('cue-moment').selectOption('__own__');
  await review.getByTestId('cue-own').fill('I sit down after dinner');
  await expectAccessible(review, 'review: writing, a plan in own words');
  for (const rating of ['consistency', 'confidence', 'stress']) await review.getByTestId(`rating-${rating}`).getByLabel('3', { exact: true }).check();
  await review.getByTestId('finish-review').click();
  await expect(review.getByTestId('draft-state')).toHaveText('Saved.');
  await expectAccessible(review, 'review: finished');
  await expectFitsWidth(review, 320, 'review: finished');
});
