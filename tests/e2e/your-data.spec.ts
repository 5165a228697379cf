import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, createCommitment, readStore, readStoreIn, EXTENSION_PATH } from './fixtures';
import { launchWithExtension } from '../support/launch.mjs';
import { extensionUrl } from '../support/tandem.mjs';
import { getWorker, stopServiceWorker } from '../support/worker.mjs';

const BAD = resolve(import.meta.dirname, '../fixtures/import/bad');
const GOOD = resolve(import.meta.dirname, '../fixtures/import/good.json');
/** Each bad file of the corpus and words its refusal must contain (tests/fixtures/import/make-corpus.mjs). */
const EXPECTED = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/import/expected.json'), 'utf8')) as Record<string, string>;


test('export from the options page, import into a fresh profile: the same commitments and records', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work before email' });
  await createCommitment(tandem, { title: 'Morning pages', checkin: true });
  const popup = await tandem.open('popup.html');
  await popup.getByTestId('commitment').filter({ hasText: 'Morning pages' }).getByTestId('check-in').click();
  await expect.poll(async () => (await readStore(tandem, 'checkIns')).length).toBe(1);

  const options = await tandem.open('options.html');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/^tandem-\d{4}-\d{2}-\d{2}\.json$/);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-export-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const want = { commitments: await readStore(tandem, 'commitments'), checkIns: await readStore(tandem, 'checkIns') };

  // A second browser with a fresh profile: a new install, nothing in it.
  const fresh = await launchWithExtension({ extensionPath: EXTENSION_PATH, profileDir: mkdtempSync(join(tmpdir(), 'tandem-e2e-')), fixturePort: tandem.server.port });
  try {
    const page = await fresh.context.newPage();
    await page.goto(extensionUrl(fresh.extensionId, 'options.html'));
    await expect(page.getByTestId('commitment-row')).toHaveCount(0);
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByTestId('import-preview')).toContainText('holds 2 commitments, 1 check-in');
    await expect(page.getByTestId('import-preview')).toContainText('replaces what is here now (0 commitments');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('your-data-message')).toHaveText('Imported: 2 commitments, 1 check-in, 0 focus sessions, 0 block-page visits.');
    await expect(page.getByTestId('commitment-row')).toHaveCount(2);
    await expect(page.getByTestId('commitment-row').first()).toContainText('Deep work before email');

    const freshPopup = await fresh.context.newPage();
    await freshPopup.goto(extensionUrl(fresh.extensionId, 'popup.html'));
    await expect(freshPopup.getByTestId('commitment')).toHaveCount(2);
    await expect(freshPopup.getByTestId('commitment').filter({ hasText: 'Morning pages' })).toContainText(/done/i);

    expect(await readStoreIn(fresh.context, fresh.extensionId, 'commitments')).toEqual(want.commitments);
    expect(await readStoreIn(fresh.context, fresh.extensionId, 'checkIns')).toEqual(want.checkIns);
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a daily backup is listed and restored from the options page; a bad file changes nothing', async ({ tandem }) => {
  await createCommitment(tandem, { title: 'Deep work before email' });
  // The worker starts again (as after the browser was closed): no backup yet, so it takes one.
  await stopServiceWorker(tandem.context, tandem.id);
  await getWorker(tandem.context, tandem.id);
  const options = await tandem.open('options.html');
  const backups = options.getByTestId('backup');
  await expect(backups).toHaveCount(1, { timeout: 15_000 });
  await expect(backups.first()).toContainText('1 commitment, 0 check-ins');
  // Chromium answers persist() with no, but exempts an extension with unlimitedStorage from eviction.
  await expect(options.getByTestId('storage-kept')).toContainText('Your browser didn’t promise to keep Tandem’s data for good, but it lets Tandem use as much space');

  await createCommitment(tandem, { title: 'Read before bed', checkin: true });
  await expect(options.getByTestId('commitment-row')).toHaveCount(2);

  // A damaged file: said plainly, and nothing changes.
  await options.getByTestId('import-file').setInputFiles(join(BAD, 'truncated.json'));
  await expect(options.getByTestId('your-data-message')).toContainText('incomplete');
  await expect(options.getByTestId('your-data-message')).toContainText('Nothing was changed.');
  await options.getByTestId('import-file').setInputFiles(join(BAD, 'proto-key.json'));
  await expect(options.getByTestId('your-data-message')).toContainText('“__proto__”');
  await expect(options.getByTestId('commitment-row')).toHaveCount(2);

  await backups.first().getByTestId('restore-backup').click();
  await expect(backups.first()).toContainText('Replace what is here now with this backup?');
  await backups.first().getByTestId('restore-confirm').click();
  await expect(options.getByTestId('restore-message')).toHaveText('Restored: 1 commitment, 0 check-ins, 0 focus sessions, 0 block-page visits.');
  await expect(options.getByTestId('commitment-row')).toHaveCount(1);
  await expect(options.getByTestId('commitment-row')).toContainText('Deep work before email');
  expect((await readStore(tandem, 'commitments')).map((c) => c.title)).toEqual(['Deep work before email']);
});

test('every file of the bad corpus, and a 50 MB one, is refused in words in the options page, and nothing changes', async ({ tandem }) => {
  test.setTimeout(180_000);
  await createCommitment(tandem, { title: 'Deep work before email' });
  const before = { commitments: await readStore(tandem, 'commitments'), requests: (await readStore(tandem, 'requests')).length };
  const dir = mkdtempSync(join(tmpdir(), 'tandem-huge-'));
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, `{"format":"tandem-export","version":1,"notes":"${'x'.repeat(50 * 1024 * 1024)}"}`);
  const files = [...readdirSync(BAD).filter((f) => f.endsWith('.json')).map((f) => [join(BAD, f), EXPECTED[f]!] as const), [huge, 'far larger than a Tandem export'] as const];
  expect(files.length).toBeGreaterThanOrEqual(21);
  try {
    const options = await tandem.open('options.html');
    const message = options.getByTestId('your-data-message');
    for (const [file, words] of files) {
      expect(words, file).toBeTruthy();
      // A good file between two bad ones shows its preview (and clears the last refusal), so each refusal is new.
      await options.getByTestId('import-file').setInputFiles(GOOD);
      await expect(options.getByTestId('import-preview')).toBeVisible();
      await expect(message).toHaveCount(0);
      await options.getByTestId('import-file').setInputFiles(file);
      await expect(message, file).toContainText(words);
      await expect(message, file).toContainText('Nothing was changed.');
      await expect(options.getByTestId('import-preview')).toHaveCount(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(await readStore(tandem, 'commitments')).toEqual(before.commitments);
  expect((await readStore(tandem, 'requests')).length).toBe(before.requests); // no import reached the worker
});
