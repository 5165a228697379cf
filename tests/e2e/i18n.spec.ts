import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, createCommitment, inWorker, blockPagePrefix } from './fixtures';

/**
 * The German locale renders every page without an English string (issue 13, item 5). Chromium on Linux picks the
 * extension's catalog by `--lang`; its getUILanguage() may still say en-US under Playwright, so the test checks the
 * catalog in use (catalog_locale) and the language the pages declare. An English string is any en message that
 * differs from its German one: a visible element whose text is that whole message, or a run of three or more of its
 * words (between placeholders) in the page's text, its labels, titles or placeholders.
 */
test.use({ chromiumArgs: ['--lang=de'] });

declare const chrome: { i18n: { getMessage(key: string): string; getUILanguage(): string } };

type Catalog = Record<string, { message: string }>;
const catalog = (locale: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Catalog;
const en = catalog('en');
const de = catalog('de');
const germanText = Object.values(de).map((m) => m.message).join('\n');
const english = Object.keys(en).filter((k) => en[k]!.message !== de[k]!.message).map((k) => en[k]!.message);
/** Whole short messages ("Pending", "Not now") and runs of 3+ words from longer ones, not also German text. */
const wholes = new Set(english.map((m) => m.trim()).filter((m) => !m.includes('{') && /[a-z]{3,}/i.test(m)));
const runs = [...new Set(english.flatMap((m) => m.split(/\{\w+\}/)).map((s) => s.trim()).filter((s) => s.split(/\s+/).filter((w) => /[a-z]{2,}/i.test(w)).length >= 3))]
  .filter((s) => !germanText.includes(s));

/** What a person can read on the page: its text, the labels, titles and placeholders, and each element's own text. */
async function readable(page: Page): Promise<{ text: string; pieces: string[] }> {
  return page.evaluate(() => {
    const pieces: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.getAttribute(a)) pieces.push(el.getAttribute(a)!);
      if (el instanceof HTMLElement && el.children.length === 0 && el.innerText) pieces.push(el.innerText.trim());
      if (el instanceof HTMLOptionElement) pieces.push(el.text);
    }
    return { text: `${document.title}\n${document.body.innerText}\n${pieces.join('\n')}`, pieces };
  });
}

async function expectGerman(page: Page, what: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const { text, pieces } = await readable(page);
  const found = [...pieces.filter((p) => wholes.has(p)), ...runs.filter((r) => text.includes(r))];
  expect(found, `English on ${what}`).toEqual([]);
  // The check can fail: the page holds words, and they are German ones.
  expect(text.length, what).toBeGreaterThan(20);
}

test('in a German browser every page is in German: popup, onboarding, options, review and block page', async ({ tandem }) => {
  test.setTimeout(90_000);
  expect(wholes.size + runs.length).toBeGreaterThan(300);
  const language = await inWorker(tandem, async () => [chrome.i18n.getMessage('catalog_locale'), chrome.i18n.getUILanguage()]);
  expect(language[0]).toBe('de');
  test.info().annotations.push({ type: 'getUILanguage', description: language[1]! });

  const empty = await tandem.open('popup.html');
  await expect(empty.getByTestId('empty')).toBeVisible();
  await expectGerman(empty, 'the empty popup');
  await expect(empty.getByRole('heading', { level: 1 })).toHaveText(de.popup_today!.message);

  const onboarding = await tandem.open('onboarding.html');
  await expect(onboarding.getByTestId('save-commitment')).toBeVisible();
  await expectGerman(onboarding, 'onboarding');
  // The preset, held all day every day: the block page below is reached at any hour the test runs.
  for (let d = 0; d < 7; d++) await onboarding.getByTestId(`day-${d}`).check();
  await onboarding.getByTestId('until').fill('04:00');
  await onboarding.getByTestId('save-commitment').click();
  await expect(onboarding.getByTestId('saved')).toBeVisible();
  await expectGerman(onboarding, 'onboarding, what next');
  await createCommitment(tandem, { title: 'Laufen', checkin: true, sites: ['mail.yahoo.com'] });

  const popup = await tandem.open('popup.html');
  await expect(popup.getByTestId('commitment')).toHaveCount(2);
  await popup.getByTestId('calendar-toggle').first().click();
  await expect(popup.getByTestId('details')).toBeVisible();
  await expectGerman(popup, 'the popup with commitments');
  await expect(popup.getByTestId('status').first()).toHaveText(de.format_status_pending!.message);

  const options = await tandem.open('options.html');
  await expect(options.getByTestId('commitment-row')).toHaveCount(2);
  await expectGerman(options, 'options');
  await options.getByTestId('new-commitment').click();
  await expectGerman(options, 'options, a new commitment');

  const review = await tandem.open('review.html');
  await expect(review.getByTestId('week-report')).toBeVisible();
  await expectGerman(review, 'the weekly review');

  const block = await tandem.context.newPage();
  await block.goto('https://mail.google.com/mail/u/0/');
  await expect(block).toHaveURL(new RegExp(`^${blockPagePrefix(tandem)}`));
  await expect(block.getByTestId('blocking-commitment').first()).toBeVisible();
  await expectGerman(block, 'the block page');
  await expect(block).toHaveTitle(de.page_title_block!.message);
  // Numbers and dates follow the language: the day's progress reads "0 von 60 Min." on the block page.
  await expect(block.getByTestId('progress').first()).toHaveText(/von .* Min\./);
});
