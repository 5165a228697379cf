import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on a page as it stands, in light and in dark colours: no serious or critical violation of WCAG 2.1 A/AA.
 * The report names each violation, its element and how to fix it, so a failure says what to change.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad, `${state}, ${colorScheme} colours`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** Nothing sticks out sideways at this width: no horizontal scrolling, every button inside the page. */
export async function expectFitsWidth(page: Page, width: number, state: string): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  const overflow = await page.evaluate((w) => {
    const wide = document.documentElement.scrollWidth > w ? [`the page is ${document.documentElement.scrollWidth} px wide`] : [];
    const out = [...document.querySelectorAll('button, input, select, textarea, a')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().right > w + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 30)}" ends at ${Math.round(el.getBoundingClientRect().right)} px`);
    return [...wide, ...out];
  }, width);
  expect(overflow, `${state} at ${width} px`).toEqual([]);
}
