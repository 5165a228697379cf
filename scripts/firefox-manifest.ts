/**
 * Firefox's part of the manifest (`browser_specific_settings`), decided at build time from the build's environment
 * (wxt.config.ts calls it; WXT has loaded `.env` files into process.env by then). Build-time only: nothing here is
 * bundled into the extension.
 *
 * - The id: `TANDEM_FIREFOX_ID`, or the default below. A publisher sets their own before the first upload to
 *   addons.mozilla.org and never changes it after (Firefox keys the add-on, its updates and its storage by it).
 * - The minimum versions: `data_collection_permissions` exists from Firefox 140 on desktop and 142 on Android,
 *   so those are the minimums (web-ext lint warns about any lower one). 140 is an ESR.
 * - What the build sends (Firefox's built-in data consent): a local-only build (no Firebase config) sends nothing,
 *   `required: ['none']`. A sync build sends, once a person pairs, their display name and, per shared commitment,
 *   its title, status, streaks, day outcomes and today's counts to the partner through the publisher's Firebase
 *   project, under an anonymous Firebase account: `personallyIdentifyingInfo` (a name, and an account id).
 *   Nothing of a person's browsing leaves (no URL, domain or page; the counts of block-page arrivals say how often,
 *   not where), so not `browsingActivity`, `websiteActivity` or `websiteContent`. README.md, "Publishing", says why.
 */

/** Stable: change it only before the add-on is first published (README.md, "Publishing"). */
export const DEFAULT_FIREFOX_ID = 'tandem@tandem-extension.org';
/** The first Firefox versions with `data_collection_permissions` (desktop, Android). */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';
/** Firefox's data categories a sync build transmits (see above). */
export const SYNC_DATA_COLLECTION = ['personallyIdentifyingInfo'] as const;

type Env = Record<string, string | undefined>;

/** Whether this build has partner sync: the same test as utils/firestore/config.ts (a project id and an API key). */
export function isSyncBuild(env: Env): boolean {
  return Boolean(env.WXT_FIREBASE_PROJECT_ID?.trim() && env.WXT_FIREBASE_API_KEY?.trim());
}

/**
 * The add-on id: `TANDEM_FIREFOX_ID` or the default. Firefox takes an email-like id or a GUID in braces; a
 * placeholder domain (`.invalid`, `.example`, `.test`, `.localhost`) is refused so a build never ships one.
 */
export function firefoxId(env: Env): string {
  const id = env.TANDEM_FIREFOX_ID?.trim() || DEFAULT_FIREFOX_ID;
  const emailLike = /^[a-zA-Z0-9._-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/;
  const guid = /^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;
  if (!emailLike.test(id) && !guid.test(id)) {
    throw new Error(`TANDEM_FIREFOX_ID "${id}" is not a Firefox add-on id: use name@domain (a domain you control) or {GUID}.`);
  }
  if (/\.(invalid|example|test|localhost)$/i.test(id)) {
    throw new Error(`TANDEM_FIREFOX_ID "${id}" uses a reserved placeholder domain: use a domain you control.`);
  }
  return id;
}

export interface FirefoxSettings {
  gecko: {
    id: string;
    strict_min_version: string;
    data_collection_permissions: { required: string[] };
  };
  gecko_android: { strict_min_version: string };
}

/** `browser_specific_settings` for a Firefox build in this environment. */
export function firefoxSettings(env: Env): FirefoxSettings {
  return {
    gecko: {
      id: firefoxId(env),
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: isSyncBuild(env) ? [...SYNC_DATA_COLLECTION] : ['none'] },
    },
    gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
}
