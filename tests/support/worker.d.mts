// Types for ./worker.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * The extension's running service-worker targets (empty when it is stopped).
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @returns {Promise<{ targetId: string, type: string, url: string }[]>}
 */
export function runningWorkerTargets(context: BrowserContext, extensionId: string): Promise<{
    targetId: string;
    type: string;
    url: string;
}[]>;
/**
 * Whether the extension's service worker is running right now.
 * @param {BrowserContext} context
 * @param {string} extensionId
 */
export function isWorkerRunning(context: BrowserContext, extensionId: string): Promise<boolean>;
/**
 * Stop the extension's MV3 service worker, as the idle timeout would, and wait until it is really stopped.
 * A no-op if it is not running.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number }} [options]
 */
export function stopServiceWorker(context: BrowserContext, extensionId: string, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<void>;
/**
 * A live handle on the extension's service worker: starts it first if it is stopped
 * (CDP `ServiceWorker.startWorker` from a page session), and waits until it runs.
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<Worker>}
 */
export function getWorker(context: BrowserContext, extensionId: string, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<Worker>;
export type BrowserContext = import("@playwright/test").BrowserContext;
export type Worker = import("@playwright/test").Worker;
export type CDPSession = import("@playwright/test").CDPSession;
