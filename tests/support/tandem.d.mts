// Types for ./tandem.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * Onboarding: save the pre-filled preset "Deep work before email" with its window open at any hour
 * (every weekday checked, "until" 04:00, the day start, which means the whole day), then wait for the saved message
 * (`saved`: the confirmation on the "what next" step that replaces the form once the commitment is made).
 * @param {BrowserContext} context
 * @param {string} extensionId
 * @param {{ timeoutMs?: number, until?: string, days?: number[] }} [options]
 */
export function saveAlwaysOpenCommitment(context: BrowserContext, extensionId: string, { timeoutMs, until, days }?: {
    timeoutMs?: number;
    until?: string;
    days?: number[];
}): Promise<void>;
export function extensionUrl(extensionId: string, page: string): string;
export type BrowserContext = import("@playwright/test").BrowserContext;
