import { test, expect, createCommitment, blockPagePrefix, readStore } from './fixtures';

/** Delete everything (issue 13, item 3), as a person does it from the options page of a local-only build. */
test('delete everything: the list says what goes, "Keep my data" keeps it, the deletion empties Tandem and opens the gate', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 60 });
  const gmail = await tandem.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/');
  await expect(gmail).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect.poll(async () => (await readStore(tandem, 'attempts')).length).toBe(1);

  const options = await tandem.open('options.html');
  await options.getByTestId('delete-everything-button').click();
  const list = options.getByTestId('delete-list');
  await expect(list).toContainText('1 commitment, archived ones included');
  await expect(list).toContainText('1 visit to the block page');
  await expect(list).not.toContainText('partnership'); // no partner here
  // The safe choice has the focus; taking it changes nothing.
  await expect(options.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(options.getByTestId('delete-confirm')).toHaveCount(0);
  expect(await readStore(tandem, 'commitments')).toHaveLength(1);

  await options.getByTestId('delete-everything-button').click();
  await options.getByTestId('delete-confirm-button').click();
  await expect(options.getByTestId('delete-outcome')).toHaveText(/Everything Tandem kept is deleted/);
  await expect(options.getByTestId('delete-outcome')).toBeFocused();
  await expect(options.getByTestId('commitment-row')).toHaveCount(0);
  for (const store of ['commitments', 'attempts', 'requests']) expect(await readStore(tandem, store), store).toEqual([]);
  // Not mistaken for records lost by accident.
  await expect(options.getByTestId('data-lost')).toHaveCount(0);

  // The gate is open: the site loads.
  await gmail.goto('https://mail.google.com/mail/u/0/');
  await expect(gmail.getByTestId('fixture')).toHaveText('mail.google.com /mail/u/0/');
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('commitment')).toHaveCount(0);
  await expect(popup.getByTestId('data-lost')).toHaveCount(0);
});
