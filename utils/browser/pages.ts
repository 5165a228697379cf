import { browser } from 'wxt/browser';

export function openPage(path: '/options.html' | '/onboarding.html' | '/popup.html' | '/review.html'): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/**
 * Leaves the block page: back to where the person came from, or closes the tab if there is nowhere to go.
 * A tab the gate swept is closed too: going back would show the gated page from the back/forward cache.
 */
export async function leaveBlockPage({ swept }: { swept: boolean }): Promise<void> {
  if (!swept && history.length > 1) {
    history.back();
    return;
  }
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}
