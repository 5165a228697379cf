// Drive Tandem's own pages in browser tests and the benchmark (the contract with entrypoints/onboarding,
// popup and block; keep these selectors in sync with the UI).

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */

/** @param {string} extensionId @param {string} page e.g. 'popup.html' */
export const extensionUrl = (extensionId, page) => `chrome-extension://${extensionId}/${page}`;

/**
 * Onboarding: save the pre-filled preset "Deep work before email" with its window open at any hour
 * (every weekday checked, "until" 04:00, the day start, which means the whole day), then wait for the saved message
 * (`saved`: the confirmation on the "what next" step that replaces the form once the commitment is made).
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number, until?: string, days?: number[] }} [options]
 */
export async function saveAlwaysOpenCommitment(
  context,
  extensionId,
  { timeoutMs = 15000, until = '04:00', days = [0, 1, 2, 3, 4, 5, 6] } = {},
) {
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    await page.goto(extensionUrl(extensionId, 'onboarding.html'));
    for (const d of days) await page.locator(`[data-testid="day-${d}"]`).setChecked(true);
    await page.locator('[data-testid="until"]').fill(until);
    await page.locator('[data-testid="save-commitment"]').click();
    await page.locator('[data-testid="saved"]').waitFor({ state: 'visible' });
  } finally {
    await page.close().catch(() => {});
  }
}
