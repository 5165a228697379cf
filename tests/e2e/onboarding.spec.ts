import { test, expect } from './fixtures';

test('install opens onboarding; the preset is created in one click and shows in the popup and options', async ({ tandem }) => {
  const onboarding = tandem.context.pages().find((p) => p.url().endsWith('/onboarding.html'))
    ?? (await tandem.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/onboarding.html') }));
  await expect(onboarding.getByTestId('title')).toHaveValue('Deep work before email');
  await expect(onboarding.getByTestId('minutes')).toHaveValue('60');
  await expect(onboarding.getByTestId('until')).toHaveValue('12:00');
  for (const d of [1, 2, 3, 4, 5]) await expect(onboarding.getByTestId(`day-${d}`)).toBeChecked();
  for (const d of [0, 6]) await expect(onboarding.getByTestId(`day-${d}`)).not.toBeChecked();
  await expect(onboarding.getByTestId('sites')).toHaveValue(/mail\.google\.com[\s\S]*outlook\.office\.com[\s\S]*www\.icloud\.com\/mail/);

  await onboarding.getByTestId('save-commitment').click();
  await expect(onboarding.getByTestId('onboarding-done')).toContainText('Deep work before email');

  const popup = await tandem.open('popup.html');
  const card = popup.getByTestId('commitment');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading')).toHaveText('Deep work before email');
  await expect(card.getByTestId('progress')).toHaveText('0 of 60 min');
  await expect(card.getByTestId('streak')).toHaveText('no streak yet');

  const options = await tandem.open('options.html');
  await expect(options.getByTestId('commitment-row')).toHaveCount(1);
  await expect(options.getByTestId('commitment-row')).toContainText('60 min focus · Mon Tue Wed Thu Fri until 12:00');
});

test('invalid input is refused with a clear message and nothing is saved', async ({ tandem }) => {
  const page = await tandem.open('onboarding.html');
  await page.getByTestId('sites').fill('mail.google.com\nftp://files.example.com');
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('form-error')).toContainText('ftp');
  await page.getByTestId('sites').fill('mail.google.com\n*');
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('form-error')).toBeVisible();
  await page.getByTestId('sites').fill('mail.google.com');
  for (let d = 0; d < 7; d++) await page.getByTestId(`day-${d}`).setChecked(false);
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('form-error')).toContainText('at least one day');
  await page.getByTestId('day-1').check();
  await page.getByTestId('minutes').fill('500');
  await page.getByTestId('save-commitment').click();
  await expect(page.getByTestId('form-error')).toContainText('1 to 240');
  await expect(page.getByTestId('saved')).toHaveCount(0);

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('empty')).toBeVisible();
});

test('commitments can be edited and archived from the options page', async ({ tandem }) => {
  const onboarding = await tandem.open('onboarding.html');
  await onboarding.getByTestId('save-commitment').click();
  await expect(onboarding.getByTestId('saved')).toBeVisible();

  const options = await tandem.open('options.html');
  await options.getByTestId('edit').click();
  await options.getByTestId('title').fill('Deep work first');
  await options.getByTestId('minutes').fill('45');
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('commitment-row')).toContainText('Deep work first');
  await expect(options.getByTestId('commitment-row')).toContainText('45 min focus');

  // A season of life: paused, the gate stays open and the popup says so; resumed, it holds again.
  await options.getByTestId('pause').click();
  await expect(options.getByTestId('resume')).toBeVisible();
  const paused = await tandem.open('popup.html');
  await expect(paused.getByTestId('status')).toHaveText(/Paused|Not today/);
  await options.getByTestId('resume').click();
  await expect(options.getByTestId('pause')).toBeVisible();

  await options.getByTestId('archive').click();
  await expect(options.getByTestId('commitment-row')).toHaveCount(1); // inside the closed "Archived" list
  await expect(options.getByText('Archived (1)')).toBeVisible();
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('empty')).toBeVisible();
});
