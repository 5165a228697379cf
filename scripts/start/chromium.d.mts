// Types for ./chromium.mjs, generated from its JSDoc (the command is in tests/support/README.md, run on scripts/start/*.mjs). Keep in sync.
/** The Chromium binary: env CHROMIUM_PATH, else the usual Debian/Ubuntu places; null when there is none. */
export function findChromium(): string | null;
/** The screen's size in pixels (xdpyinfo), or 1280×800 when it cannot be told. */
export function screenSize(): {
    width: number;
    height: number;
};
/**
 * @typedef {object} WindowOptions
 * @property {string} binary
 * @property {string} extensionPath
 * @property {string} profileDir
 * @property {boolean} [headless]
 * @property {{ x: number, y: number, width: number, height: number }} [bounds]
 * @property {boolean} [control]  Open a DevTools port (tests, benchmarks).
 * @property {string} [title]  The window's name for the window manager (title bar, task bar), e.g. "Ana".
 */
/**
 * @typedef {object} ChromiumWindow
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<number | null>} exited  Resolves with the exit code when Chromium has gone.
 * @property {string | null} cdpUrl  http://127.0.0.1:PORT with `control`, else null.
 * @property {string} log  Where Chromium's output goes.
 * @property {() => Promise<void>} stop  Ask Chromium to quit (SIGTERM) and wait until all its processes have gone
 *   (forced after 10 s).
 */
/**
 * @param {WindowOptions} options
 * @returns {Promise<ChromiumWindow>}
 */
export function openWindow({ binary, extensionPath, profileDir, headless, bounds, control, title }: WindowOptions): Promise<ChromiumWindow>;
export type WindowOptions = {
    binary: string;
    extensionPath: string;
    profileDir: string;
    headless?: boolean | undefined;
    bounds?: {
        x: number;
        y: number;
        width: number;
        height: number;
    } | undefined;
    /**
     * Open a DevTools port (tests, benchmarks).
     */
    control?: boolean | undefined;
    /**
     * The window's name for the window manager (title bar, task bar), e.g. "Ana".
     */
    title?: string | undefined;
};
export type ChromiumWindow = {
    child: import("node:child_process").ChildProcess;
    /**
     * Resolves with the exit code when Chromium has gone.
     */
    exited: Promise<number | null>;
    /**
     * http://127.0.0.1:PORT with `control`, else null.
     */
    cdpUrl: string | null;
    /**
     * Where Chromium's output goes.
     */
    log: string;
    /**
     * Ask Chromium to quit (SIGTERM) and wait until all its processes have gone
     * (forced after 10 s).
     */
    stop: () => Promise<void>;
};
