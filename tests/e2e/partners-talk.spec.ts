import type { Page } from '@playwright/test';
import { test, expect, createCommitment, rewindCommitments, blockPagePrefix, readStore, type Tandem } from './fixtures';
import { launchWithExtension, type LaunchedExtension } from '../support/launch.mjs';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.mjs';
import { getWorker } from '../support/worker.mjs';
import { extensionUrl } from '../support/tandem.mjs';
import { syncBuild } from './sync-build';
import { expectAccessible } from './a11y';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/**
 * Issue 10's "Done when" with two profiles against the emulators (a build of its own, as partners.spec.ts): Ana
 * misses two days; Ben's review page offers the drafted nudge and he sends it; Ana sees it in her popup; she writes
 * her weekly review with a plan, which her block page shows; Ben reads her week and cheers; both finish today and
 * both see the celebration exactly once.
 */
test.describe('the weekly check-in between partners', () => {
  const build = syncBuild({ outDir: 'e2e-sync-talk', project: 'demo-tandem-e2e-talk' });

  test('nudge, message, shared week with a plan, cheer, and done together once on each side', async () => {
    build.skipIfUnavailable();
    test.setTimeout(420_000);
    const server: FixtureServer = await startFixtureServer();
    const launched = [
      await launchWithExtension({ extensionPath: build.extensionPath, fixturePort: server.port }),
      await launchWithExtension({ extensionPath: build.extensionPath, fixturePort: server.port }),
    ];
    // The shared fixtures' helpers take a Tandem: the same browser, seen through that shape.
    const as = (b: LaunchedExtension): Tandem => ({
      server, browser: b, context: b.context, id: b.extensionId, restart: async () => undefined,
      open: async (page) => {
        const p = await b.context.newPage();
        await p.goto(extensionUrl(b.extensionId, page));
        return p;
      },
    });
    const [ana, ben] = launched.map(as) as [Tandem, Tandem];
    const pulledAt = async (who: Tandem) =>
      (await getWorker(who.context, who.id)).evaluate(async () => ((await chrome.storage.local.get('sync')).sync as { lastPullAt?: number } | undefined)?.lastPullAt ?? 0);
    const refresh = async (who: Tandem, popup: Page) => {
      const before = await pulledAt(who);
      await popup.getByTestId('partner-refresh').click();
      await expect.poll(() => pulledAt(who), { timeout: 30_000 }).toBeGreaterThan(before);
      await expect(popup.getByTestId('partners').getByText('Checking…')).toHaveCount(0, { timeout: 30_000 });
    };
    /** Refreshes a fresh popup until `ready` holds (a push waits for its 30-second alarm). */
    const popupUntil = async (who: Tandem, ready: (p: Page) => Promise<boolean>): Promise<Page> => {
      let popup = await who.open('popup.html');
      await expect.poll(async () => {
        await popup.close();
        popup = await who.open('popup.html');
        await refresh(who, popup);
        return ready(popup);
      }, { timeout: 150_000, intervals: [5000] }).toBe(true);
      return popup;
    };
    try {
      // Ana: a daily check-in that holds email back, made (as if) two days ago and not done since.
      await createCommitment(ana, { title: 'Deep work', checkin: true, sites: ['mail.google.com'] });
      await rewindCommitments(ana, { olderBy: 2 * 86_400_000 });
      // Ben: a daily check-in of his own.
      await createCommitment(ben, { title: 'Walk', checkin: true, sites: ['mail.yahoo.com'] });

      const anaOptions = await ana.open('options.html');
      await anaOptions.getByTestId('partner-name').fill('Ana');
      await anaOptions.getByTestId('save-name').click();
      await anaOptions.getByTestId('create-invite').click();
      const code = (await anaOptions.getByTestId('invite-code').textContent())!;
      const benOptions = await ben.open('options.html');
      await benOptions.getByTestId('partner-name').fill('Ben');
      await benOptions.getByTestId('save-name').click();
      await benOptions.getByTestId('redeem-code').fill(code);
      await benOptions.getByTestId('redeem').click();
      await expect(benOptions.getByTestId('pair')).toContainText('Ana');
      const anaPopup = await ana.open('popup.html');
      await expect(anaPopup.getByTestId('partner')).toContainText('Ben');

      // Ben sees her two missed days; his review page drafts the nudge; he sends it as drafted.
      await popupUntil(ben, async (p) => (await p.getByTestId('partner-commitment').filter({ hasText: 'Deep work' }).count()) > 0);
      const benReview = await ben.open('review.html');
      const week = benReview.getByTestId('partner-week');
      await expect(week).toContainText('Ana\'s week');
      const nudge = week.getByTestId('nudge-draft');
      await expect(nudge.locator('textarea')).toHaveValue(/^I noticed deep work didn’t happen on \w+ and \w+\. What got in the way, and how can I help\?$/);
      const drafted = await nudge.locator('textarea').inputValue();
      await nudge.getByRole('button', { name: /^Send/ }).click();
      await expect(week.getByTestId('conversation-message')).toContainText([drafted]);
      // Closed: a review page left open would read Ana's week as soon as it arrives.
      await benReview.close();

      // Ana sees it in her popup (as text).
      const anaSees = await popupUntil(ana, async (p) => (await p.getByTestId('partner-message').count()) > 0);
      await expect(anaSees.getByTestId('partner-message').first()).toContainText(drafted);

      // Ana writes her weekly review with a plan for the block page; her block page shows it.
      const anaReview = await ana.open('review.html');
      await anaReview.getByTestId('add-plan').click();
      await anaReview.getByTestId('cue-moment').selectOption('block-page');
      await anaReview.getByTestId('plan-commitment').selectOption({ label: 'Deep work' });
      for (const [rating, value] of [['consistency', '2'], ['confidence', '3'], ['stress', '4']] as const) {
        await anaReview.getByTestId(`rating-${rating}`).getByLabel(value, { exact: true }).check();
      }
      await anaReview.getByTestId('finish-review').click();
      await expect(anaReview.getByTestId('draft-state')).toHaveText('Saved.');
      // She answers Ben from the same page: plain text, shown as text (never as markup).
      const reply = '<b>Tuesday</b> & Wednesday went to email. A call on Sunday?';
      const box = anaReview.getByTestId('message-box');
      await box.locator('textarea').fill(reply);
      await box.getByRole('button', { name: 'Send to Ben' }).click();
      await expect(box.getByRole('status')).toHaveText('Sent to Ben.');
      const block = await ana.context.newPage();
      await block.goto('https://mail.google.com/mail/u/0/');
      await expect(block).toHaveURL(new RegExp(`^${blockPagePrefix(ana)}`));
      await expect(block.getByTestId('intention')).toHaveText(['When I land on the block page, I start “Deep work”.']);

      // Her finished review goes to Ben with the next push (its 30-second alarm).
      await expect.poll(async () => {
        const [pairs, outbox, reviews] = await Promise.all([readStore<{ lastReview?: unknown }>(ana, 'pairs'), readStore(ana, 'outbox'), readStore(ana, 'reviews')]);
        return pairs[0]?.lastReview ? 'delivered' : JSON.stringify({ outbox, reviews: reviews.map((r) => ({ ...r, report: undefined })) });
      }, { timeout: 90_000, intervals: [3000] }).toBe('delivered');

      // Ben's popup says her week waits; his review page shows it (her plan, not her ratings: she did not share them).
      const benWaiting = await popupUntil(ben, async (p) => (await p.getByTestId('partner-review-waiting').count()) > 0);
      await expect(benWaiting.getByTestId('partner-review-waiting')).toContainText('Ana\'s week is waiting');
      await expect(benWaiting.getByTestId('partner-message').filter({ hasText: reply })).toHaveCount(1);
      await expect(benWaiting.getByTestId('partner-message').locator('b')).toHaveCount(0);
      const benReads = await ben.open('review.html');
      const anaWeek = benReads.getByTestId('partner-week');
      await expect(anaWeek.getByTestId('partner-review-row')).toContainText(['Deep work']);
      await expect(anaWeek.getByTestId('partner-plans')).toContainText('When I land on the block page');
      await expect(anaWeek.getByTestId('partner-ratings')).toHaveCount(0);
      await expectAccessible(benReads, 'the review page with a partner\'s week, cheers and messages');
      await anaWeek.getByTestId('cheer-clap').click();
      await expect(anaWeek.getByTestId('cheer-note')).toHaveText('Sent to Ana.');
      // Read: the popup no longer says it waits.
      const benAfter = await ben.open('popup.html');
      await expect(benAfter.getByTestId('partner')).toBeVisible();
      await expect(benAfter.getByTestId('partner-review-waiting')).toHaveCount(0);

      // Ana's popup shows the cheer.
      const anaCheered = await popupUntil(ana, async (p) => (await p.getByTestId('partner-message').filter({ hasText: 'Well done!' }).count()) > 0);
      await expectAccessible(anaCheered, 'the popup with a partner\'s messages');

      // Both finish today: each sees the celebration once.
      // (Every page of theirs closed first: an open popup would show it, once, out of sight.)
      const closeAll = async (who: Tandem) => {
        for (const p of who.context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
      };
      for (const [who, title] of [[ana, 'Deep work'], [ben, 'Walk']] as const) {
        await closeAll(who);
        const popup = await who.open('popup.html');
        await popup.getByTestId('check-in').click();
        await expect(popup.getByTestId('commitment').filter({ hasText: title })).toHaveAttribute('data-status', 'done');
        await popup.close();
      }
      // Waits a moment on each popup: the first one that shows it marks it seen, so none after it would.
      const celebrated = (p: Page) => p.getByTestId('together-celebration').waitFor({ timeout: 4000 }).then(() => true, () => false);
      const anaParty = await popupUntil(ana, celebrated);
      await expect(anaParty.getByTestId('together-celebration')).toContainText('You and Ben both did everything you share today');
      const benParty = await popupUntil(ben, celebrated);
      await expect(benParty.getByTestId('together-celebration')).toContainText('You and Ana');
      // Exactly once: opened again, no celebration.
      for (const who of [ana, ben]) {
        const again = await who.open('popup.html');
        await expect(again.getByTestId('partner')).toBeVisible();
        await again.waitForTimeout(1500);
        await expect(again.getByTestId('together-celebration')).toHaveCount(0);
      }
    } finally {
      await Promise.all(launched.map((l) => l.close()));
      await server.close();
    }
  });
});
