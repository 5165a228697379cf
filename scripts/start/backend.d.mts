// Types for ./backend.mjs, generated from its JSDoc (the command is in tests/support/README.md, run on scripts/start/*.mjs). Keep in sync.
/**
 * The Firebase project a build would be configured with (WXT_FIREBASE_PROJECT_ID and WXT_FIREBASE_API_KEY, from the
 * environment first, then the .env files), or null: the same test as utils/firestore/config.ts.
 * @param {string} root
 * @returns {string | null}
 */
export function givenFirebaseProject(root: string): string | null;
/**
 * Why the emulators cannot run on this machine, in a few words, or null when they can.
 * @param {string} root
 * @returns {string | null}
 */
export function emulatorsMissing(root: string): string | null;
/**
 * @typedef {object} Emulators
 * @property {Record<string, string>} env  The WXT_* settings that point a build at them.
 * @property {string} describe  "Firestore 127.0.0.1:PORT, Auth 127.0.0.1:PORT".
 * @property {() => Promise<void>} stop
 */
/**
 * Ports for both emulators, and a start() that brings them up there. The ports are known before the emulators
 * answer, so the extension can be built meanwhile (the addresses are build-time settings).
 * @param {string} root
 * @returns {Promise<{ env: Record<string, string>, describe: string, start: () => Promise<Emulators> }>}
 */
export function planEmulators(root: string): Promise<{
    env: Record<string, string>;
    describe: string;
    start: () => Promise<Emulators>;
}>;
/** A `demo-*` project never touches a real Firebase project. */
export const EMULATOR_PROJECT: "demo-tandem";
export type Emulators = {
    /**
     * The WXT_* settings that point a build at them.
     */
    env: Record<string, string>;
    /**
     * "Firestore 127.0.0.1:PORT, Auth 127.0.0.1:PORT".
     */
    describe: string;
    stop: () => Promise<void>;
};
