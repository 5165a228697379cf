// Redirect top-level navigations to gated hosts to the extension's block page, the way popular blockers do:
// react to webNavigation.onBeforeNavigate and replace the tab's URL. The request races the redirect.
const GATED_HOSTS = ['mail.google.com', 'outlook.office.com'];

// A marker in a global: lets tests check that the worker really restarted (globals are gone after a stop).
globalThis.__baselineStartedAt = Date.now();

chrome.webNavigation.onBeforeNavigate.addListener((details) => {
  if (details.frameId !== 0) return;
  let host;
  try {
    host = new URL(details.url).hostname;
  } catch {
    return;
  }
  if (!GATED_HOSTS.includes(host)) return;
  chrome.tabs.update(details.tabId, { url: chrome.runtime.getURL('block.html') + '#' + details.url });
});
