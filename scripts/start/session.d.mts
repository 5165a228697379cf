// Types for ./session.mjs, generated from its JSDoc (the command is in tests/support/README.md, run on scripts/start/*.mjs). Keep in sync.
/**
 * @typedef {object} SessionOptions
 * @property {string} root  The repository.
 * @property {string[]} people  One window per name, side by side: ['default'] for `npm start`, ['ana', 'ben'].
 * @property {boolean} [fresh]  Throwaway profiles, deleted by stop(), instead of .profiles/<name>.
 * @property {boolean} [headless]
 * @property {boolean} [control]  A DevTools port per window (tests, benchmarks); see chromium.mjs.
 * @property {string} [outDir]  The build's directory, relative to root (default .output/start).
 * @property {'auto' | 'emulators' | 'local'} [sync]  What partner sync runs against. 'auto' (the default): a Firebase
 *   config given in .env or the environment, else the emulators where they can run, else nothing (local-only).
 * @property {boolean} [needSync]  Refuse to start local-only (two partners need sync).
 * @property {import('./backend.mjs').Emulators} [emulators]  Emulators already running, to use and leave running.
 * @property {(line: string) => void} [log]
 */
/**
 * @typedef {object} Session
 * @property {'firebase' | 'emulators' | 'local'} sync
 * @property {string} extensionId
 * @property {number} buildMs  The build's wall time (the emulators, when they start here, start meanwhile).
 * @property {(import('./chromium.mjs').ChromiumWindow & { name: string, profileDir: string })[]} windows
 * @property {Promise<void>} closed  Resolves once every window has been closed.
 * @property {() => Promise<void>} stop  Close the windows, stop the emulators started here, delete fresh profiles.
 */
/**
 * @param {SessionOptions} options
 * @returns {Promise<Session>}
 */
export function startSession(options: SessionOptions): Promise<Session>;
/** A reason not to start, for a person: print its message alone, no stack. */
export class StartError extends Error {
}
export type SessionOptions = {
    /**
     * The repository.
     */
    root: string;
    /**
     * One window per name, side by side: ['default'] for `npm start`, ['ana', 'ben'].
     */
    people: string[];
    /**
     * Throwaway profiles, deleted by stop(), instead of .profiles/<name>.
     */
    fresh?: boolean | undefined;
    headless?: boolean | undefined;
    /**
     * A DevTools port per window (tests, benchmarks); see chromium.mjs.
     */
    control?: boolean | undefined;
    /**
     * The build's directory, relative to root (default .output/start).
     */
    outDir?: string | undefined;
    /**
     * What partner sync runs against. 'auto' (the default): a Firebase
     * config given in .env or the environment, else the emulators where they can run, else nothing (local-only).
     */
    sync?: "auto" | "emulators" | "local" | undefined;
    /**
     * Refuse to start local-only (two partners need sync).
     */
    needSync?: boolean | undefined;
    /**
     * Emulators already running, to use and leave running.
     */
    emulators?: import("./backend.mjs").Emulators | undefined;
    log?: ((line: string) => void) | undefined;
};
export type Session = {
    sync: "firebase" | "emulators" | "local";
    extensionId: string;
    /**
     * The build's wall time (the emulators, when they start here, start meanwhile).
     */
    buildMs: number;
    windows: (import("./chromium.mjs").ChromiumWindow & {
        name: string;
        profileDir: string;
    })[];
    /**
     * Resolves once every window has been closed.
     */
    closed: Promise<void>;
    /**
     * Close the windows, stop the emulators started here, delete fresh profiles.
     */
    stop: () => Promise<void>;
};
