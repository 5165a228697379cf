// Types for ./faults.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * @typedef {object} PlannedStep
 * @property {string} kind        One of ACTION_KINDS.
 * @property {'popup'|'block'|'options'} surface  The page it is done from.
 * @property {number} delayMs     Time from the click (or the settings field's change) to the worker stop.
 * @property {boolean} cold       The worker is stopped before the action, so the action itself wakes it.
 */
/**
 * The campaign's plan for a seed: every block once in a shuffled order, then blocks drawn by weight.
 * Delays ('mixed'): in the first pass uniform in 0–25 ms, where the worker is still handling the action, so even a
 * short campaign stops the worker mid-action for every kind; after it, half uniform in 0–40 ms, half in 0–300 ms.
 * 'uniform': always uniform in 0–300 ms.
 * @param {number} seed
 * @param {'mixed'|'uniform'} [delays]
 * @returns {Generator<PlannedStep[], never, unknown>} one block of steps at a time
 */
export function planSteps(seed: number, delays?: "mixed" | "uniform"): Generator<PlannedStep[], never, unknown>;
/**
 * @typedef {object} RoundRecord
 * @property {number} n
 * @property {string} kind
 * @property {string} surface
 * @property {number} delayMs     planned delay
 * @property {boolean} cold
 * @property {boolean} killed     the worker was running and a stop was observed
 * @property {number | null} killAfterMs  measured: from the click's end to the stop being sent
 * @property {string | null} skipped  why the action could not be done (an earlier failure left no target)
 * @property {boolean} lost
 * @property {boolean} duplicated
 * @property {{ host: string, expected: string, observed: string }[]} wrongGate
 * @property {{ url: string, text: string }[]} raw
 * @property {boolean} retried    the page said the action failed and the person tried again
 * @property {string[]} notes
 * @property {string | null} error  the harness could not finish the round (a page never showed what it waited for)
 * @property {number} ms
 */
/**
 * @typedef {object} ActionFigures
 * @property {number} rounds
 * @property {number} kills
 * @property {number} lost
 * @property {number} duplicated
 * @property {number} wrong_gate
 * @property {number} raw_errors
 * @property {number} retried   rounds where the page said the action failed and the person clicked again
 * @property {number} skipped
 * @property {number} harness_errors
 */
/**
 * @typedef {object} CampaignResult
 * @property {number} kills        worker stops really observed (ServiceWorker domain: 'stopped')
 * @property {number} lost         rounds whose action was not stored after the page settled
 * @property {number} duplicated   rounds whose action was stored more than once
 * @property {number} wrong_gate   rounds after which a fresh navigation disagreed with the stored state
 * @property {number} raw_errors   rounds during which an extension page showed a raw browser/runtime error
 * @property {Record<string, ActionFigures>} byAction
 * @property {object[]} examples   the first findings, with what was seen
 * @property {number} rounds
 * @property {number} skipped
 * @property {number} harness_errors
 * @property {number} seconds
 * @property {number} seed
 */
/**
 * @typedef {object} CampaignOptions
 * @property {string} extensionPath  The built extension (e.g. `.output/chrome-mv3`).
 * @property {number} [kills]        Stop when at least this many stops were observed (default 100; the current block is
 *                                   finished, so a few more may happen).
 * @property {number} [seed]         PRNG seed (default 1): the plan (actions, pages, delays, cold/warm) is a function of it.
 * @property {(line: string) => void} [log]  One line per round and for setup (default: silent).
 * @property {'mixed'|'uniform'} [delays]    Delay distribution (default 'mixed', see planSteps).
 * @property {number} [settleMs]     How long a page may take to retry and the gate to heal (default 3000).
 * @property {boolean} [headless]    Default true.
 * @property {number} [maxExamples]  Default 25.
 */
/**
 * Runs the fault campaign against a built extension in a fresh profile and returns its figures.
 * @param {CampaignOptions} options
 * @returns {Promise<CampaignResult>}
 */
export function runFaultCampaign({ extensionPath, kills, seed, log, delays, settleMs, headless, maxExamples, }: CampaignOptions): Promise<CampaignResult>;
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').Locator} Locator */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/**
 * Text that is a browser's or the extension runtime's own error, never words meant for a person.
 * Matched against every text an extension page shows (alerts, statuses, the whole body).
 */
export const RAW_ERROR_PATTERN: RegExp;
/** Every kind of action the campaign performs, in the order of `byAction`. */
export const ACTION_KINDS: readonly string[];
export type PlannedStep = {
    /**
     * One of ACTION_KINDS.
     */
    kind: string;
    /**
     * The page it is done from.
     */
    surface: "popup" | "block" | "options";
    /**
     * Time from the click (or the settings field's change) to the worker stop.
     */
    delayMs: number;
    /**
     * The worker is stopped before the action, so the action itself wakes it.
     */
    cold: boolean;
};
/**
 * What is stored, read from an extension page (IndexedDB + chrome.storage.local).
 */
export type Snapshot = {
    now: number;
    dayStart: number;
    /**
     * The logical day (YYYY-MM-DD) under the stored day start.
     */
    today: string;
    commitments: any[];
    checkIns: any[];
    sessions: any[];
    overrides: any[];
};
export type RoundRecord = {
    n: number;
    kind: string;
    surface: string;
    /**
     * planned delay
     */
    delayMs: number;
    cold: boolean;
    /**
     * the worker was running and a stop was observed
     */
    killed: boolean;
    /**
     * measured: from the click's end to the stop being sent
     */
    killAfterMs: number | null;
    /**
     * why the action could not be done (an earlier failure left no target)
     */
    skipped: string | null;
    lost: boolean;
    duplicated: boolean;
    wrongGate: {
        host: string;
        expected: string;
        observed: string;
    }[];
    raw: {
        url: string;
        text: string;
    }[];
    /**
     * the page said the action failed and the person tried again
     */
    retried: boolean;
    notes: string[];
    /**
     * the harness could not finish the round (a page never showed what it waited for)
     */
    error: string | null;
    ms: number;
};
export type ActionFigures = {
    rounds: number;
    kills: number;
    lost: number;
    duplicated: number;
    wrong_gate: number;
    raw_errors: number;
    /**
     * rounds where the page said the action failed and the person clicked again
     */
    retried: number;
    skipped: number;
    harness_errors: number;
};
export type CampaignResult = {
    /**
     * worker stops really observed (ServiceWorker domain: 'stopped')
     */
    kills: number;
    /**
     * rounds whose action was not stored after the page settled
     */
    lost: number;
    /**
     * rounds whose action was stored more than once
     */
    duplicated: number;
    /**
     * rounds after which a fresh navigation disagreed with the stored state
     */
    wrong_gate: number;
    /**
     * rounds during which an extension page showed a raw browser/runtime error
     */
    raw_errors: number;
    byAction: Record<string, ActionFigures>;
    /**
     * the first findings, with what was seen
     */
    examples: object[];
    rounds: number;
    skipped: number;
    harness_errors: number;
    seconds: number;
    seed: number;
};
export type CampaignOptions = {
    /**
     * The built extension (e.g. `.output/chrome-mv3`).
     */
    extensionPath: string;
    /**
     * Stop when at least this many stops were observed (default 100; the current block is
     *         finished, so a few more may happen).
     */
    kills?: number | undefined;
    /**
     * PRNG seed (default 1): the plan (actions, pages, delays, cold/warm) is a function of it.
     */
    seed?: number | undefined;
    /**
     * One line per round and for setup (default: silent).
     */
    log?: ((line: string) => void) | undefined;
    /**
     * Delay distribution (default 'mixed', see planSteps).
     */
    delays?: "mixed" | "uniform" | undefined;
    /**
     * How long a page may take to retry and the gate to heal (default 3000).
     */
    settleMs?: number | undefined;
    /**
     * Default true.
     */
    headless?: boolean | undefined;
    /**
     * Default 25.
     */
    maxExamples?: number | undefined;
};
export type Session = {
    context: BrowserContext;
    id: string;
    /**
     * An extension-origin page (manifest.json) that reads storage; never renders Tandem.
     */
    reader: Page;
    options: Page;
    /**
     * The tab used for fresh navigations to gated sites.
     */
    probe: Page;
    browserCdp: CDPSession;
    /**
     * ServiceWorker domain events on the reader page: the worker's running status.
     */
    swCdp: CDPSession;
    worker: {
        status: string;
        stops: number;
    };
    workerTarget: string | null;
    /**
     * The day start the campaign runs under: every window is the whole day.
     */
    dayStartClosed: number;
    /**
     * A day start that puts now after every window (all gates open).
     */
    dayStartOpen: number;
    settleMs: number;
    current: RoundRecord | null;
    /**
     * Pages opened for the current round (popups, block-page tabs), closed after it.
     */
    transient: Page[];
    state: {
        checkin: {
            id: string;
            title: string;
        } | null;
        seq: number;
        probes: number;
    };
    /**
     * What was stored after the last round (for late duplicates).
     */
    counts: Record<string, number>;
    /**
     * The last round that changed each counted thing.
     */
    lastTouch: Record<string, RoundRecord>;
    log: (line: string) => void;
};
export type BrowserContext = import("@playwright/test").BrowserContext;
export type Page = import("@playwright/test").Page;
export type Locator = import("@playwright/test").Locator;
export type CDPSession = import("@playwright/test").CDPSession;
export type Prepared = {
    /**
     * The person's click.
     */
    act: () => Promise<unknown>;
    /**
     * What a person clicks again when the page says the action failed.
     */
    again?: import("@playwright/test").Locator | undefined;
    /**
     * Pages to scan for raw errors at the end.
     */
    pages: Page[];
    /**
     * Gated sites whose gate the action may change.
     */
    hosts: string[];
    judge: (snap: Snapshot) => "ok" | "pending" | "duplicated";
    /**
     * Keeps the campaign's state (e.g. the check-in target).
     */
    after?: ((snap: Snapshot) => void) | undefined;
    /**
     * After the gate was judged (e.g. where a block-page tab went).
     */
    afterGate?: (() => Promise<string | void>) | undefined;
    /**
     * Put back what a person cannot undo (the go-anyway grant).
     */
    reset?: (() => Promise<void>) | undefined;
    /**
     * Undo a duplicate through the UI, so the next rounds start clean.
     */
    tidy?: (() => Promise<void>) | undefined;
    /**
     * Counted things this action changes (for late duplicates).
     */
    touches: string[];
};
