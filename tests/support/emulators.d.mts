// Types for ./emulators.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * Where the Firestore emulator jar is: env FIRESTORE_EMULATOR_JAR (must exist if set), then the Debian package's
 * path, then the newest firebase-tools cache copy (~/.cache/firebase/emulators/cloud-firestore-emulator-*.jar).
 * @returns {{ jar: string, reason?: undefined } | { jar: null, reason: string }}
 */
export function findFirestoreEmulatorJar(): {
    jar: string;
    reason?: undefined;
} | {
    jar: null;
    reason: string;
};
/**
 * A free loopback port (bound to 0, read, released).
 * @returns {Promise<number>}
 */
export function freePort(): Promise<number>;
/**
 * Start the Cloud Firestore emulator (Java jar) on a free loopback port. It enforces `rules` for every project.
 * Throws EmulatorUnavailableError when the jar or `java` is missing.
 * @param {{ rules?: string, port?: number, timeoutMs?: number }} [options]
 *   rules: path of the rules file (default: the repo's firestore.rules); port: default a free one.
 * @returns {Promise<RunningEmulator>}
 */
export function startFirestoreEmulator({ rules, port, timeoutMs }?: {
    rules?: string;
    port?: number;
    timeoutMs?: number;
}): Promise<RunningEmulator>;
/**
 * Start the Firebase Auth emulator (firebase-tools from node_modules) on a free loopback port, with the emulator hub
 * and logging ports also moved to free ports (their defaults 4400/4500 may be taken), through a temporary
 * firebase.json. Throws EmulatorUnavailableError when firebase-tools is not installed.
 * @param {{ projectId?: string, port?: number, timeoutMs?: number }} [options]  projectId default 'demo-tandem'.
 * @returns {Promise<RunningEmulator>}
 */
export function startAuthEmulator({ projectId, port, timeoutMs }?: {
    projectId?: string;
    port?: number;
    timeoutMs?: number;
}): Promise<RunningEmulator>;
/**
 * Delete every document of `projectId` in the Firestore emulator (security rules do not apply).
 * @param {{ host: string, port: number }} emulator
 * @param {string} projectId
 */
export function clearFirestoreData({ host, port }: {
    host: string;
    port: number;
}, projectId: string): Promise<void>;
/**
 * Delete every user of `projectId` in the Auth emulator.
 * @param {{ host: string, port: number }} emulator
 * @param {string} projectId
 */
export function clearAuthAccounts({ host, port }: {
    host: string;
    port: number;
}, projectId: string): Promise<void>;
/**
 * @typedef {object} RunningEmulator
 * @property {string} host  Always '127.0.0.1'.
 * @property {number} port
 * @property {() => Promise<void>} stop  Kill the process (SIGTERM, then SIGKILL after 5 s) and remove temp files.
 */
/** Thrown when an emulator cannot run on this machine; `reason` says why, for a loud skip message. */
export class EmulatorUnavailableError extends Error {
    /** @param {string} reason */
    constructor(reason: string);
    reason: string;
}
export const SYSTEM_FIRESTORE_JAR: "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
export type RunningEmulator = {
    /**
     * Always '127.0.0.1'.
     */
    host: string;
    port: number;
    /**
     * Kill the process (SIGTERM, then SIGKILL after 5 s) and remove temp files.
     */
    stop: () => Promise<void>;
};
