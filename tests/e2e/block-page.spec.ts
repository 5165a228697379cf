import { test, expect, createCommitment, inWorker, blockPagePrefix, readStore, type Tandem } from './fixtures';

/** The worker's own extension API, reached from inside `inWorker`. */
declare const chrome: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const GMAIL = 'https://mail.google.com/mail/u/0/';

/** Opens a gated page in a new tab and waits for the block page to show its commitments. */
async function arrive(tandem: Tandem) {
  const page = await tandem.context.newPage();
  await page.goto(GMAIL);
  await expect(page).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(page.getByTestId('blocking-commitment').first()).toBeVisible();
  return page;
}

/**
 * Gives the commitment titled `title` a streak of `days` done days before today: made earlier, a check-in on each
 * of those days (at noon, within the whole-day window), its cache of final days rebuilt by the worker.
 */
async function seedStreak(tandem: Tandem, title: string, days: number) {
  await inWorker(tandem, async ({ title, days }) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('tandem');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = await new Promise<{ id: string; title: string; createdAt: number }[]>((ok) => {
      const r = db.transaction('commitments').objectStore('commitments').getAll();
      r.onsuccess = () => ok(r.result);
    });
    const c = all.find((x) => x.title === title)!;
    const pad = (n: number) => String(n).padStart(2, '0');
    // The person's logical day starts at 04:00 (the default).
    const today = new Date(Date.now() - 4 * 3_600_000);
    await new Promise((ok, ko) => {
      const tx = db.transaction(['commitments', 'checkIns', 'outcomes'], 'readwrite');
      const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days - 1, 12);
      tx.objectStore('commitments').put({ ...c, createdAt: first.getTime() });
      tx.objectStore('outcomes').delete(c.id);
      for (let k = 1; k <= days; k++) {
        const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - k, 12);
        const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        tx.objectStore('checkIns').put({ id: `seed-${k}`, commitmentId: c.id, day, at: d.getTime() });
      }
      tx.oncomplete = ok;
      tx.onerror = ko;
    });
    db.close();
    await chrome.alarms.create('gate', { when: Date.now() });
  }, { title, days });
}

test('the block page says what Tandem is doing, what is at stake, and shows progress from 0', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 45 });
  const page = await arrive(tandem);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByTestId('about')).toHaveText('Tandem is holding this site until your commitment is done — you set this up.');
  await expect(page.getByTestId('stake')).toHaveText('45 min of focus today starts a streak.');
  // The bar is there at 0: its track takes room and its label says where the day stands.
  const bar = page.getByTestId('progress-bar');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('value', '0');
  const box = (await bar.boundingBox())!;
  expect(box.width).toBeGreaterThan(100);
  expect(box.height).toBeGreaterThan(4);
  expect(await bar.evaluate((el) => getComputedStyle(el).borderTopWidth)).not.toBe('0px');
  await expect(page.getByTestId('progress')).toHaveText('0 of 45 min today');
  await expect(bar).toHaveAccessibleName('0 of 45 min today');
  // No turning back counted yet: this visit has not ended.
  await expect(page.getByTestId('turned-back')).toHaveCount(0);
});

test('"turned back" counts each visit that ended without going on, and grows as the person turns back', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 45 });
  const first = await arrive(tandem);
  await first.getByTestId('not-now').click(); // a fresh tab: not now closes nothing, it goes back (or stays)
  await first.close();
  const second = await arrive(tandem);
  await expect(second.getByTestId('turned-back')).toHaveText('You turned back once today.');
  await second.reload(); // the same visit: not counted again
  await expect(second.getByTestId('turned-back')).toHaveText('You turned back once today.');
  await second.close();
  const third = await arrive(tandem);
  await expect(third.getByTestId('turned-back')).toHaveText('You turned back twice today.');
});

test('two commitments holding the site: one h1, each commitment with its streak and what keeps it', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 45, title: 'Deep work before email' });
  await createCommitment(tandem, { checkin: true, title: 'Walk before the inbox' });
  await seedStreak(tandem, 'Walk before the inbox', 3);
  const page = await arrive(tandem);
  await expect(page.getByTestId('blocking-commitment')).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByTestId('about')).toHaveText('Tandem is holding this site until your commitments are done — you set this up.');
  const walk = page.getByTestId('blocking-commitment').filter({ hasText: 'Walk before the inbox' });
  await expect(walk.getByRole('heading', { level: 2 })).toHaveText('Walk before the inbox');
  await expect(walk.getByTestId('stake')).toHaveText('3-day streak — a check-in to keep it.');
  const deep = page.getByTestId('blocking-commitment').filter({ hasText: 'Deep work before email' });
  await expect(deep.getByTestId('stake')).toHaveText('45 min of focus today starts a streak.');
});

test('after the breathing pause the focus is on the choice, which opens the site for the minutes set in the options', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 45 });
  const options = await tandem.open('options.html');
  const minutes = options.getByTestId('go-anyway-minutes');
  await expect(minutes).toHaveValue('5');
  // Out of range: said in words, nothing saved.
  await minutes.fill('31');
  await minutes.press('Tab');
  await expect(options.getByTestId('go-anyway-message')).toHaveText('“Go anyway” opens a site for 1 to 30 whole minutes.');
  const stored = () => inWorker(tandem, async () => (await chrome.storage.local.get('settings')).settings as { goAnywayMinutes?: number } | undefined);
  expect((await stored())?.goAnywayMinutes ?? 5).toBe(5);
  await minutes.fill('12');
  await minutes.press('Tab');
  await expect(options.getByTestId('go-anyway-message')).toHaveText('Saved');
  expect((await stored())?.goAnywayMinutes).toBe(12);

  const page = await arrive(tandem);
  await page.getByTestId('go-anyway').click();
  await expect(page.getByTestId('breathing')).toBeFocused();
  const choice = page.getByTestId('go-12');
  await expect(choice).toBeFocused({ timeout: 15_000 });
  await expect(choice).toHaveText('Open for 12 minutes');
  const before = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fixture')).toHaveText('mail.google.com /mail/u/0/');
  const after = Date.now();
  const [grant] = await readStore<{ host: string; until: number }>(tandem, 'overrides');
  expect(grant!.host).toBe('mail.google.com');
  // Granted when the person chose, for 12 minutes.
  expect(grant!.until).toBeGreaterThanOrEqual(before + 12 * 60_000 - 1000);
  expect(grant!.until).toBeLessThanOrEqual(after + 12 * 60_000);
  expect(await readStore(tandem, 'attempts')).toEqual([expect.objectContaining({ outcome: 'went-anyway' })]);
});

test('the first frame, painted from the worker’s preview before the app loads, says what the app then says', async ({ tandem }) => {
  await createCommitment(tandem, { minutes: 45 });
  await (await arrive(tandem)).close(); // one visit that ended turned back: the preview written after it counts it
  const page = await tandem.context.newPage();
  // Keeps what the early frame said (block-early.js), before the full app replaces it.
  await page.addInitScript(() => {
    const w = window as unknown as { tandemEarly?: unknown };
    new MutationObserver(() => {
      const early = document.querySelector('main[data-early]');
      if (!early || w.tandemEarly) return;
      w.tandemEarly = {
        stakes: [...early.querySelectorAll('[data-testid=stake]')].map((e) => e.textContent),
        turnedBack: early.querySelector('[data-testid=turned-back]')?.textContent ?? null,
        pressable: early.querySelectorAll('button, a, input, select, textarea').length,
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(GMAIL);
  await expect(page.getByTestId('not-now')).toBeVisible(); // the full app, with its choices
  await expect(page.locator('main[data-early]')).toHaveCount(0);
  await expect(page.getByTestId('turned-back')).toHaveText('You turned back once today.');
  const early = await page.evaluate(() => (window as unknown as { tandemEarly?: unknown }).tandemEarly);
  expect(early).toEqual({
    stakes: await page.getByTestId('stake').allTextContents(),
    turnedBack: 'You turned back once today.',
    pressable: 0, // nothing that would do nothing yet
  });
});
