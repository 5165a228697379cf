// Stop and wake an extension's MV3 service worker from a test, like Chrome's 30 s idle timeout does.
//
// Measured on Chromium 156 + Playwright 1.65 (see README.md here):
// - Stopping: a browser-level CDP session, `Target.closeTarget` on the worker's `service_worker` target.
//   The target disappears from `Target.getTargets` once the worker is stopped; state in its globals is lost.
// - Playwright's `Worker` object for the extension is NOT closed by a stop and no new 'serviceworker' event fires
//   when Chrome restarts it: the same object (same CDP target id) talks to the new instance. While the worker is
//   stopped, `worker.evaluate()` hangs, so always go through `getWorker()`, which starts it first if needed
//   (CDP `ServiceWorker.startWorker`, the way an extension event would).

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Worker} Worker */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */

/** @type {WeakMap<BrowserContext, Promise<CDPSession>>} */
const browserSessions = new WeakMap();

/** @param {BrowserContext} context */
function browserSession(context) {
  let s = browserSessions.get(context);
  if (!s) {
    const browser = context.browser();
    if (!browser) throw new Error('worker.mjs: this context has no browser (not a Chromium context?)');
    s = browser.newBrowserCDPSession();
    browserSessions.set(context, s);
  }
  return s;
}

/** @param {string} extensionId */
const workerPrefix = (extensionId) => `chrome-extension://${extensionId}/`;

/**
 * The extension's running service-worker targets (empty when it is stopped).
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @returns {Promise<{ targetId: string, type: string, url: string }[]>}
 */
export async function runningWorkerTargets(context, extensionId) {
  const session = await browserSession(context);
  const { targetInfos } = await session.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(workerPrefix(extensionId)));
}

/**
 * Whether the extension's service worker is running right now.
 * @param {BrowserContext} context
 * @param {string} extensionId
 */
export async function isWorkerRunning(context, extensionId) {
  return (await runningWorkerTargets(context, extensionId)).length > 0;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Stop the extension's MV3 service worker, as the idle timeout would, and wait until it is really stopped.
 * A no-op if it is not running.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number }} [options]
 */
export async function stopServiceWorker(context, extensionId, { timeoutMs = 5000 } = {}) {
  const session = await browserSession(context);
  const targets = await runningWorkerTargets(context, extensionId);
  for (const t of targets) {
    await session.send('Target.closeTarget', { targetId: t.targetId }).catch(() => {});
  }
  const deadline = Date.now() + timeoutMs;
  while (await isWorkerRunning(context, extensionId)) {
    if (Date.now() > deadline) throw new Error(`stopServiceWorker: the worker of ${extensionId} still runs after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * A live handle on the extension's service worker: starts it first if it is stopped
 * (CDP `ServiceWorker.startWorker` from a page session), and waits until it runs.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<Worker>}
 */
export async function getWorker(context, extensionId, { timeoutMs = 10000 } = {}) {
  const prefix = workerPrefix(extensionId);
  const known = () => context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  const deadline = Date.now() + timeoutMs;

  if (!(await isWorkerRunning(context, extensionId))) {
    // The ServiceWorker domain lives on page targets: borrow an open page, or open a blank one for a moment.
    const existing = context.pages().find((p) => !p.isClosed());
    const page = existing ?? (await context.newPage());
    const session = await context.newCDPSession(page);
    try {
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.startWorker', { scopeURL: prefix });
      while (!(await isWorkerRunning(context, extensionId))) {
        if (Date.now() > deadline) throw new Error(`getWorker: the worker of ${extensionId} did not start within ${timeoutMs} ms`);
        await sleep(20);
      }
    } finally {
      await session.send('ServiceWorker.disable').catch(() => {});
      await session.detach().catch(() => {});
      if (!existing) await page.close().catch(() => {});
    }
  }

  const worker = known();
  if (worker) return worker;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith(prefix),
    timeout: Math.max(1, deadline - Date.now()),
  });
}
