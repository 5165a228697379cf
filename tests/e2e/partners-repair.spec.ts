import type { Page } from '@playwright/test';
import { test, expect, readStoreIn, rewindCommitments } from './fixtures';
import type { LaunchedExtension } from '../support/launch.mjs';
import { getWorker } from '../support/worker.mjs';
import { openIn, syncBuild } from './sync-build';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Issue 11 with two profiles against the emulators (a build of its own, as partners.spec.ts): Ben grants Ana a
 * repair of a missed day from his popup; Ana's calendar shows it repaired, and so does Ben's view of her. Ben is told
 * which choice Ana's recalibration took and when her pledge comes due and is kept.
 */

const worker = (who: LaunchedExtension) => getWorker(who.context, who.extensionId);
const pulledAt = async (who: LaunchedExtension) =>
  (await worker(who)).evaluate(async () => ((await chrome.storage.local.get('sync')).sync as { lastPullAt?: number } | undefined)?.lastPullAt ?? 0);
/** Refresh in the popup's partner panel, until that pull is done. */
const refresh = async (who: LaunchedExtension, popup: Page) => {
  const before = await pulledAt(who);
  await popup.getByTestId('partner-refresh').click();
  await expect.poll(() => pulledAt(who), { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(popup.getByTestId('partners').getByText('Checking…')).toHaveCount(0, { timeout: 30_000 });
};
/** The first shared commitment as `who` last delivered it to the partner (undefined before any). */
const lastDelivered = (who: LaunchedExtension) =>
  readStoreIn<{ lastPushed?: { commitments: Record<string, unknown>[] } }>(who.context, who.extensionId, 'pairs').then((pairs) => pairs[0]?.lastPushed?.commitments[0]);
/** A daily journal habit made in `who`'s options page, then made (as if) `daysAgo` days ago with nothing done since. */
async function journalMadeDaysAgo(who: LaunchedExtension, daysAgo: number): Promise<Page> {
  const options = await openIn(who, 'options.html');
  await options.getByTestId('new-commitment').click();
  await options.getByTestId('type-habit').check();
  await options.getByTestId('title').fill('Journal');
  await options.getByTestId('habit-times').fill('1');
  await options.getByTestId('habit-per').selectOption('day');
  for (let d = 0; d < 7; d++) await options.getByTestId(`day-${d}`).setChecked(true);
  await options.getByTestId('save-commitment').click();
  await expect(options.getByTestId('commitment-row')).toContainText('Journal');
  await rewindCommitments({ context: who.context, id: who.extensionId }, { olderBy: daysAgo * 86_400_000 });
  return options;
}

test.describe('a partner takes part in keeping commitments honest', () => {
  const build = syncBuild({ outDir: 'e2e-sync-honest', project: 'demo-tandem-e2e-honest' });

  test('Ben grants Ana a repair (her calendar and his view show it repaired, never done), then approves her easing: it applies at once', async () => {
    build.skipIfUnavailable();
    test.setTimeout(300_000);
    const { ana, ben } = await build.people();
    const deliveredDays = async () => String((await lastDelivered(ana))?.days ?? '');
    try {
      // Ana: a daily habit, made (as if) three days ago and not done since.
      const anaOptions = await journalMadeDaysAgo(ana, 3);
      await anaOptions.getByTestId('partner-name').fill('Ana');
      await anaOptions.getByTestId('save-name').click();
      await anaOptions.getByTestId('create-invite').click();
      const code = (await anaOptions.getByTestId('invite-code').textContent())!;
      const benOptions = await openIn(ben, 'options.html');
      await benOptions.getByTestId('partner-name').fill('Ben');
      await benOptions.getByTestId('save-name').click();
      await benOptions.getByTestId('redeem-code').fill(code);
      await benOptions.getByTestId('redeem').click();
      await expect(benOptions.getByTestId('pair')).toContainText('Ana');

      // Ana's popup: the pair on her side and her summary, with the missed days, delivered.
      const anaPopup = await openIn(ana, 'popup.html');
      await expect(anaPopup.getByTestId('partner')).toContainText('Ben');
      await expect.poll(deliveredDays, { timeout: 90_000, intervals: [2000] }).toMatch(/mmx$/);

      // Ben grants the repair of her last missed day from his popup.
      const benPopup = await openIn(ben, 'popup.html');
      await refresh(ben, benPopup);
      const journal = benPopup.getByTestId('partner-commitment').filter({ hasText: 'Journal' });
      await journal.getByTestId('grant-repair').click();
      await expect(journal.getByTestId('grant-note')).toContainText('will show as repaired');

      // Ana's Refresh reads the grant: her calendar shows one repaired day (and it is not counted done).
      await refresh(ana, anaPopup);
      const card = anaPopup.getByTestId('commitment').filter({ hasText: 'Journal' });
      await card.getByTestId('calendar-toggle').click(); // the calendar opens on demand
      await expect(card.getByTestId('legend-repaired')).toHaveText('repaired 1');
      await expect(card.getByTestId('legend-done')).toHaveText('done 0');
      // Her next summary carries it; Ben's view says so.
      await expect.poll(deliveredDays, { timeout: 90_000, intervals: [2000] }).toMatch(/rx$/);
      await refresh(ben, benPopup);
      await expect(journal.getByTestId('partner-ahead')).toContainText('Repaired');
      // A second grant for Journal within 14 days is refused, in words.
      const again = await openIn(ben, 'popup.html');
      await again.getByTestId('partner-commitment').filter({ hasText: 'Journal' }).getByTestId('grant-repair').click();
      await expect(again.getByTestId('grant-note')).toContainText('once every 14 days');

      // Ana eases Journal (no more Sundays): it waits, and Ben sees it with its day; he approves, it applies at once.
      await anaOptions.getByTestId('edit').click();
      await anaOptions.getByTestId('day-0').setChecked(false);
      await anaOptions.getByTestId('save-commitment').click();
      await expect(anaOptions.getByTestId('pending-easing')).toContainText('Eases to');
      await expect.poll(async () => JSON.stringify((await lastDelivered(ana))?.easing ?? null), { timeout: 90_000, intervals: [2000] }).not.toBe('null');
      const benAgain = await openIn(ben, 'popup.html');
      await refresh(ben, benAgain);
      const row = benAgain.getByTestId('partner-commitment').filter({ hasText: 'Journal' });
      await expect(row.getByTestId('partner-ahead').first()).toContainText(/^Ana eases Journal on \w{3} \d{1,2} \w{3}: /);
      await row.getByTestId('approve-easing').click();
      await expect(row.getByTestId('approve-note')).toContainText('Approved');
      await refresh(ana, anaPopup);
      await expect(anaOptions.getByTestId('pending-easing')).toHaveCount(0);
      await expect(anaOptions.getByTestId('commitment-row')).not.toContainText('Sun');
    } finally {
      await ana.close();
      await ben.close();
    }
  });
  test('Ana recommits on her weekly review and her pledge comes due: Ben is told both, then that she kept it', async () => {
    build.skipIfUnavailable();
    test.setTimeout(300_000);
    const { ana, ben } = await build.people();
    const delivered = async () => JSON.stringify((await lastDelivered(ana)) ?? '');
    try {
      // Ana: a daily check-in, made (as if) four days ago and not done since, with a pledge for one missed day.
      const anaOptions = await journalMadeDaysAgo(ana, 4);
      const fresh = await openIn(ana, 'options.html'); // the rewind wakes no live query: read again
      await fresh.getByTestId('edit-pledge').click();
      await fresh.getByTestId('pledge-misses').selectOption('1');
      await fresh.getByTestId('pledge-stake').fill('give €10 to the climbing club');
      await fresh.getByTestId('save-pledge').click();
      await expect(fresh.getByTestId('pledge')).toContainText('If I miss a day in a week');
      await fresh.getByTestId('partner-name').fill('Ana');
      await fresh.getByTestId('save-name').click();
      await fresh.getByTestId('create-invite').click();
      const code = (await fresh.getByTestId('invite-code').textContent())!;
      const benOptions = await openIn(ben, 'options.html');
      await benOptions.getByTestId('partner-name').fill('Ben');
      await benOptions.getByTestId('save-name').click();
      await benOptions.getByTestId('redeem-code').fill(code);
      await benOptions.getByTestId('redeem').click();
      await expect(benOptions.getByTestId('pair')).toContainText('Ana');
      const anaPopup = await openIn(ana, 'popup.html');
      await expect(anaPopup.getByTestId('partner')).toContainText('Ben');
      await expect(anaPopup.getByTestId('pledge-due')).toContainText('Your pledge: If I miss a day in a week, I give €10 to the climbing club.');

      // Her weekly review offers the recalibration: she recommits (her note stays with her).
      const review = await openIn(ana, 'review.html');
      const offer = review.getByTestId('review-recalibrations').getByTestId('recalibration');
      await offer.getByTestId('recalibration-note').fill('a rough week at work');
      await offer.getByTestId('recommit').click();
      await expect(review.getByTestId('review-recalibrations')).toHaveCount(0);
      await expect.poll(delivered, { timeout: 90_000, intervals: [2000] }).toMatch(/"recalibrated":\{"day":"[\d-]+","choice":"recommit"\}/);
      expect(await delivered()).not.toContain('rough week');

      // Ben is told which choice she made, and that her pledge is due.
      const benPopup = await openIn(ben, 'popup.html');
      await refresh(ben, benPopup);
      const row = benPopup.getByTestId('partner-commitment').filter({ hasText: 'Journal' });
      await expect(row.getByTestId('partner-ahead').filter({ hasText: 'recommitted' })).toHaveText(/^Ana missed Journal often lately and recommitted to it on \w{3} \d{1,2} \w{3}$/);
      await expect(row.getByTestId('partner-ahead').filter({ hasText: 'pledge' })).toHaveText(/^Ana's pledge is due for the week of \w{3} \d{1,2} \w{3}: “If I miss a day in a week, I give €10 to the climbing club\.”$/);

      // Ana marks it kept (each week it came due in); Ben reads that she kept it.
      await expect.poll(async () => {
        const kept = anaPopup.getByTestId('pledge-kept');
        if (await kept.count()) await kept.first().click(); // marking a week kept twice changes nothing
        return kept.count();
      }, { timeout: 20_000, intervals: [1000] }).toBe(0);
      await expect.poll(delivered, { timeout: 90_000, intervals: [2000] }).toContain('"kept":true');
      await refresh(ben, benPopup);
      await expect(row.getByTestId('partner-ahead').filter({ hasText: 'pledge' })).toHaveText(/^Ana kept the pledge for the week of /);
    } finally {
      await ana.close();
      await ben.close();
    }
  });
});
