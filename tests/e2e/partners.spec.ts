import { test, expect } from './fixtures';
import type { LaunchedExtension } from '../support/launch.mjs';
import { saveAlwaysOpenCommitment } from '../support/tandem.mjs';
import { getWorker } from '../support/worker.mjs';
import { openIn, syncBuild } from './sync-build';

// The worker's own API, used inside `evaluate` (types for just what this file calls).
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
};

/**
 * Two people, two Chromium profiles, each with Tandem built against the local Firestore and Auth emulators
 * (a build of its own, in .output/e2e-sync: the emulator addresses are build-time settings, like a real
 * Firebase config). They pair through the UI, and one sees the other's progress on the badge and in the popup.
 */

test('a local-only build says plainly where partner features would be', async ({ tandem }) => {
  const options = await tandem.open('options.html');
  await expect(options.getByTestId('partner-settings').getByTestId('partner-off')).toHaveText("Partner sync isn't available in this build. Everything else works, and nothing leaves this device.");
  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('partner-off')).toHaveText("Partner sync isn't available in this build. Everything else works, and nothing leaves this device.");
});

test.describe('two partners through the emulators', () => {
  const build = syncBuild({ outDir: 'e2e-sync', project: 'demo-tandem-e2e' });

  /** Whether the Auth emulator still has this account (asked as an administrator). */
  const accountExists = async (uid: string) => {
    const auth = build.auth();
    const res = await fetch(`http://${auth.host}:${auth.port}/identitytoolkit.googleapis.com/v1/accounts:lookup?key=demo-key`, {
      method: 'POST', headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' }, body: JSON.stringify({ localId: [uid] }),
    });
    expect(res.ok).toBe(true);
    return ((await res.json()) as { users?: unknown[] }).users?.length === 1;
  };

  test('pair with a code, see the partner streak on the badge and in the popup, and an offline check-in arrive once', async () => {
    build.skipIfUnavailable();
    test.setTimeout(360_000);
    const { ana, ben } = await build.people();
    const open = openIn;
    const inWorker = async <T>(who: LaunchedExtension, fn: () => Promise<T>): Promise<T> =>
      (await getWorker(who.context, who.extensionId)).evaluate(fn);
    /** Every row of one of `who`'s object stores, read in their worker. */
    const rows = async <T,>(who: LaunchedExtension, store: string): Promise<T[]> =>
      (await getWorker(who.context, who.extensionId)).evaluate((name) => new Promise<T[]>((ok, ko) => {
        const r = indexedDB.open('tandem');
        r.onerror = () => ko(r.error);
        r.onsuccess = () => {
          const get = r.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => { ok(get.result); r.result.close(); };
          get.onerror = () => ko(get.error);
        };
      }), store);
    const outbox = (who: LaunchedExtension) => rows<{ attempts: number }>(who, 'outbox');
    /** The status of `title` in the last summary `who` delivered to their partner. */
    const delivered = async (who: LaunchedExtension, title: string) =>
      (await rows<{ lastPushed?: { commitments: { title: string; status: string }[] } }>(who, 'pairs'))[0]?.lastPushed?.commitments.find((c) => c.title === title)?.status;

    try {
      // Ana has two daily habits; she shares them with whoever she pairs with.
      const anaOptions = await open(ana, 'options.html');
      for (const title of ['Journal', 'Stretch']) {
        await anaOptions.getByTestId('new-commitment').click();
        await anaOptions.getByTestId('type-habit').check();
        await anaOptions.getByTestId('title').fill(title);
        await anaOptions.getByTestId('habit-times').fill('1');
        await anaOptions.getByTestId('habit-per').selectOption('day');
        for (let d = 0; d < 7; d++) await anaOptions.getByTestId(`day-${d}`).setChecked(true);
        await anaOptions.getByTestId('save-commitment').click();
        await expect(anaOptions.getByTestId('commitment-row').filter({ hasText: title })).toBeVisible();
      }
      await anaOptions.getByTestId('partner-name').fill('Ana');
      await anaOptions.getByTestId('save-name').click();
      await anaOptions.getByTestId('create-invite').click();
      const code = (await anaOptions.getByTestId('invite-code').textContent())!;
      expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);

      // Ben pairs by typing the code; a wrong code first is explained and changes nothing.
      const benOptions = await open(ben, 'options.html');
      await benOptions.getByTestId('partner-name').fill('Ben');
      await benOptions.getByTestId('save-name').click();
      await benOptions.getByTestId('redeem-code').fill('ABCDE-FGHJK');
      await benOptions.getByTestId('redeem').click();
      await expect(benOptions.getByTestId('partner-error')).toContainText('No invite has that code');
      await expect(benOptions.getByTestId('pair')).toHaveCount(0);
      await benOptions.getByTestId('redeem-code').fill(code.toLowerCase());
      await benOptions.getByTestId('redeem').click();
      await expect(benOptions.getByTestId('pair')).toContainText('Ana');

      // Ana sees Ben as soon as her popup opens (one sync); she checks in Journal.
      const anaPopup = await open(ana, 'popup.html');
      await expect(anaPopup.getByTestId('partner')).toContainText('Ben');
      const journal = anaPopup.getByTestId('commitment').filter({ hasText: 'Journal' });
      await journal.getByTestId('habit-check').click();
      await expect(journal.getByTestId('status')).toContainText(/done/i);
      // The push goes out with the next sync (one write per burst, ~30 s after it): wait until the server has it.
      await expect.poll(() => delivered(ana, 'Journal'), { timeout: 90_000, intervals: [2000] }).toBe('done');

      // Ben's popup and badge show Ana's streak after one sync.
      const benPopup = await open(ben, 'popup.html');
      const anaCard = benPopup.getByTestId('partner');
      // Ben's Refresh, waited for: a pull has started (lastPullAt moved) and its answer is in (no "Checking…").
      const pulledAt = () => inWorker(ben, async () => ((await chrome.storage.local.get('sync')).sync as { lastPullAt?: number } | undefined)?.lastPullAt ?? 0);
      const refreshBen = async () => {
        const before = await pulledAt();
        await benPopup.getByTestId('partner-refresh').click();
        await expect.poll(pulledAt, { timeout: 30_000 }).toBeGreaterThan(before);
        await expect(benPopup.getByTestId('partners').getByRole('status')).toHaveCount(0, { timeout: 30_000 });
      };
      await expect(anaCard).toContainText('Ana');
      await expect(anaCard.getByTestId('partner-commitment').filter({ hasText: 'Journal' })).toContainText(/done/i);
      await expect(anaCard.getByTestId('partner-streak')).toHaveText('1-day streak');
      await expect.poll(() => inWorker(ben, () => chrome.action.getBadgeText({}))).toBe('1');
      const stretchAtFirst = anaCard.getByTestId('partner-commitment').filter({ hasText: 'Stretch' });
      await expect(stretchAtFirst).not.toContainText(/done/i);

      // Ana goes offline and checks in Stretch: it waits in her outbox.
      await ana.context.setOffline(true);
      const stretch = anaPopup.getByTestId('commitment').filter({ hasText: 'Stretch' });
      await stretch.getByTestId('habit-check').click();
      await expect(stretch.getByTestId('status')).toContainText(/done/i);
      await expect.poll(async () => (await outbox(ana))[0]?.attempts ?? 0, { timeout: 90_000, intervals: [2000] }).toBeGreaterThan(0);
      await refreshBen();
      await expect(anaCard.getByTestId('partner-commitment').filter({ hasText: 'Stretch' })).not.toContainText(/done/i);

      // Back online: the outbox delivers it, once.
      await ana.context.setOffline(false);
      await expect.poll(async () => (await outbox(ana)).length, { timeout: 120_000, intervals: [2000] }).toBe(0);
      await refreshBen();
      const stretchRow = anaCard.getByTestId('partner-commitment').filter({ hasText: 'Stretch' });
      await expect(stretchRow).toHaveCount(1);
      await expect(stretchRow).toContainText(/done/i);
      await expect(stretchRow).toContainText('1-day streak');
      const badge = await inWorker(ben, async () => ({ text: await chrome.action.getBadgeText({}), color: await chrome.action.getBadgeBackgroundColor({}) }));
      expect(badge.text).toBe('1');
      expect(badge.color.slice(0, 3)).toEqual([0x1d, 0x7a, 0x46]); // green: Ana is done for today

      // The mirror: Ben's own gate holds his email back, and the block page tells him what Ana has done today.
      await saveAlwaysOpenCommitment(ben.context, ben.extensionId);
      const block = await open(ben, 'block.html#https://mail.google.com/mail/u/0/');
      await expect(block.getByTestId('block-page')).toBeVisible();
      await expect(block.getByTestId('partner-progress')).toContainText(/Ana finished Journal at \d{1,2}:\d{2}/);
      await expect(block.getByTestId('partner-progress')).toContainText(/Ana finished Stretch at/);

      // Ana ends the partnership from her options page; Ben's next sync says so, and his badge shows his own progress
      // again (the default badge: the partner's streak while there is a partner).
      anaOptions.once('dialog', (d) => void d.accept());
      await anaOptions.getByTestId('end-pair').click();
      await expect(anaOptions.getByTestId('pair-ended')).toContainText('You ended your partnership with Ben');
      // Her screen says so at once; the server learns it through her outbox. Wait for that, not for time.
      await expect.poll(async () => (await outbox(ana)).length, { timeout: 60_000, intervals: [500] }).toBe(0);
      await refreshBen();
      await expect(benPopup.getByTestId('pair-ended')).toContainText('Ana ended your partnership');
      await expect(benPopup.getByTestId('partner')).toHaveCount(0);
      await expect.poll(() => inWorker(ben, () => chrome.action.getTitle({}))).toBe('Tandem — 1 of 1 commitment still to do today');
      expect(await inWorker(ben, () => chrome.action.getBadgeText({}))).toBe('1');

      // Ben deletes everything from his options page: the list names his sync account, which the server then
      // no longer has (asked as an administrator), and nothing of Tandem is left in his browser.
      const benUid = (await rows<{ partnerUid: string }>(ana, 'pairs'))[0]!.partnerUid;
      expect(await accountExists(benUid)).toBe(true);
      await benOptions.getByTestId('delete-everything-button').click();
      await expect(benOptions.getByTestId('delete-list')).toContainText('anonymous sync account');
      await benOptions.getByTestId('delete-confirm-button').click();
      await expect(benOptions.getByTestId('delete-outcome')).toHaveText(/Everything Tandem kept is deleted/);
      expect(await accountExists(benUid)).toBe(false);
      for (const store of ['commitments', 'pairs', 'partnerSummaries', 'outbox']) expect(await rows(ben, store), store).toEqual([]);
    } finally {
      await Promise.all([ana.close(), ben.close()]);
    }
  });
});
