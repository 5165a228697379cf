import type { Clock, Commitment, Override } from './types';
import { dayEndInstant, dayOf } from './days';
import { type DayRecords, type VisitRecords, withVisits } from './requirements';
import { exactHostRegex, hostOf, parseSitePattern, patternToRegex, siteMatches } from './site-pattern';
import { closesLater, gateClosed, statusToday } from './status';

/** The subset of chrome.declarativeNetRequest.Rule the gate uses, kept here so the core stays browser-free. */
export interface GateRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: { regexFilter: string; resourceTypes: ['main_frame']; isUrlFilterCaseSensitive: false };
}

/** What the gate holds closed right now; stored so pages and tab sweeps can ask "is this URL gated?". */
export interface GateState {
  /** Commitments whose gate is closed, with their site patterns. */
  closed: { commitmentId: string; sites: string[] }[];
  /** Hosts let through by "go anyway" until their override expires. */
  allowedHosts: string[];
  /** When the answer may change next (a window's start or end, session end, override expiry, day rollover). */
  nextChangeAt: number;
}

export interface GateInput {
  commitments: Commitment[];
  /** Today's records per commitment id. */
  today: ReadonlyMap<string, DayRecords>;
  overrides: Override[];
  clock: Clock;
  /** Today's time on tracked sites, for time-on-site requirements. */
  visits?: VisitRecords;
}

const REDIRECT_PRIORITY = 1;
const ALLOW_PRIORITY = 2;

/** Decides which commitments hold the gate closed now, and when to look again. */
export function compileGateState({ commitments, today, overrides, clock, visits }: GateInput): GateState {
  const { now } = clock;
  const day = dayOf(now, clock);
  let nextChangeAt = dayEndInstant(day, clock.timeZone, clock.dayStartMinutes);
  const closed: GateState['closed'] = [];
  for (const c of commitments) {
    if (c.sites.length === 0) continue; // habits hold nothing back
    const records = withVisits(today.get(c.id), visits);
    // Every running session is completed at its end, whether or not its commitment holds the gate.
    for (const s of records.sessions) if (s.outcome === 'running' && s.endsAt > now) nextChangeAt = Math.min(nextChangeAt, s.endsAt);
    const status = statusToday(c, records, clock);
    // Before or between today's windows the gate is open: look again when the next one starts.
    const opensAt = closesLater(c, status);
    if (opensAt !== null) nextChangeAt = Math.min(nextChangeAt, opensAt);
    if (!gateClosed(c, status, now)) continue;
    closed.push({ commitmentId: c.id, sites: c.sites });
    if (status.windowEnd !== null) nextChangeAt = Math.min(nextChangeAt, status.windowEnd);
    // Time on a work site accrues while the person stays: look again when it will be reached.
    if (status.progress.projectedDoneAt !== undefined) nextChangeAt = Math.min(nextChangeAt, status.progress.projectedDoneAt);
  }
  const live = overrides.filter((o) => o.until > now);
  for (const o of live) nextChangeAt = Math.min(nextChangeAt, o.until);
  const allowedHosts = [...new Set(live.map((o) => o.host))].sort();
  return { closed, allowedHosts, nextChangeAt };
}

/**
 * Compiles the gate into declarativeNetRequest rules: one redirect per distinct closed site pattern
 * to `blockPageUrl#<original URL>` (the fragment keeps the URL intact: DNR's \0 is not URL-encoded),
 * and a higher-priority allow rule per host let through by "go anyway".
 */
export function compileGateRules(state: GateState, blockPageUrl: string): GateRule[] {
  const patterns = [...new Set(state.closed.flatMap((c) => c.sites))].sort();
  const rules: GateRule[] = [];
  let id = 1;
  for (const text of patterns) {
    const parsed = parseSitePattern(text);
    if (!parsed.ok) continue; // stored patterns were validated on save; never let one bad entry stop the gate
    rules.push({
      id: id++,
      priority: REDIRECT_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${blockPageUrl}#\\0` } },
      condition: { regexFilter: patternToRegex(parsed.value), resourceTypes: ['main_frame'], isUrlFilterCaseSensitive: false },
    });
  }
  for (const host of state.allowedHosts) {
    rules.push({
      id: id++,
      priority: ALLOW_PRIORITY,
      action: { type: 'allow' },
      condition: { regexFilter: exactHostRegex(host), resourceTypes: ['main_frame'], isUrlFilterCaseSensitive: false },
    });
  }
  return rules;
}

/** The commitments whose closed gate covers `url` (empty when the URL may load). Mirrors the DNR rules. */
export function commitmentsGating(state: GateState, url: string): string[] {
  const host = hostOf(url);
  if (host === null || state.allowedHosts.includes(host)) return [];
  return state.closed
    .filter((c) => c.sites.some((s) => siteMatches(s, url)))
    .map((c) => c.commitmentId);
}

/**
 * Whether `next` holds back something `previous` let through. When the gate closes, the state is
 * published before the rules change, so a freshly redirected block page never reads the old open
 * state and bounces back; when it opens, rules change first for the same reason.
 */
export function tightens(previous: GateState, next: GateState): boolean {
  const sites = (s: GateState) => new Set(s.closed.flatMap((c) => c.sites));
  const before = sites(previous);
  return [...sites(next)].some((p) => !before.has(p)) || previous.allowedHosts.some((h) => !next.allowedHosts.includes(h));
}

/** The held-back URL in a block page address: everything after the first '#', if it is a web address. */
export function heldBackUrl(blockPageHref: string): string | null {
  const i = blockPageHref.indexOf('#');
  const target = i < 0 ? '' : blockPageHref.slice(i + 1);
  return hostOf(target) === null ? null : target;
}

export const OPEN_GATE: GateState = { closed: [], allowedHosts: [], nextChangeAt: Number.MAX_SAFE_INTEGER };
