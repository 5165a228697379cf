/**
 * Visit tracking, pure: browser events in, closed time segments out, then totals per (site, day).
 *
 * The MV3 worker can be stopped at any moment, so the tracker keeps no timers and no memory of its own:
 * its whole state is the small JSON-safe `TrackerState` that the caller stores and passes back with each
 * event. Elapsed time comes from event timestamps only.
 *
 * Phantom time is never counted: a segment runs at most `idleThresholdMs` past its last confirmation
 * (a focus event on the same site, a heartbeat, or activity). So a worker that died, a machine that slept
 * or a browser that was closed adds at most one threshold, however late the next event arrives.
 *
 * Raw URLs never enter this module: `site` is a key the caller derived (e.g. the matching site pattern).
 */
import { dayEndInstant, dayKeyAt, dayStartInstant } from './days';
import type { DayKey, SiteDay } from './types';

/** What the browser tells the worker, already reduced to what tracking needs. */
export type VisitEvent =
  /** Tab activated, navigation committed in the active tab, window focus changed. `site` is null when the
   *  focused tab is not a tracked site or no browser window is focused. */
  | { kind: 'focus'; at: number; site: string | null }
  /** chrome.idle.onStateChanged (or queryState when a heartbeat finds the person gone). */
  | { kind: 'idle'; at: number; state: 'active' | 'idle' | 'locked' }
  /** An alarm (≥ 30 s apart, well under the idle threshold) confirming the person is still there. */
  | { kind: 'heartbeat'; at: number }
  /** The browser started: whatever was open ended at most at its last confirmation. */
  | { kind: 'startup'; at: number };

export interface TrackerState {
  /** The segment in progress: present exactly when a tracked site is in front and the person is active. */
  open: { site: string; since: number; confirmedAt: number } | null;
  idle: boolean;
  /** What is in front, even while idle, so that activity resumes it. */
  focusedSite: string | null;
  /** Latest event time seen. When the clock steps backwards, events are taken as happening at this instant,
   *  so segments never run backwards or overlap (time stands still until the clock catches up). */
  lastAt: number;
}

export const EMPTY_TRACKER: TrackerState = { open: null, idle: false, focusedSite: null, lastAt: 0 };

export interface Segment {
  site: string;
  start: number;
  end: number;
}

export type { SiteDay } from './types';

type OpenSegment = NonNullable<TrackerState['open']>;

/** Where an open segment ends if closed at `t`: never after `t`, never more than the threshold after the
 *  last confirmation, never before its start. */
function cappedEnd(open: OpenSegment, t: number, idleThresholdMs: number): number {
  return Math.max(open.since, Math.min(t, open.confirmedAt + idleThresholdMs));
}

/** Folds one event into the state; returns the new state and the segments that closed (in time order). */
export function track(
  state: TrackerState,
  event: VisitEvent,
  opts: { idleThresholdMs: number },
): { state: TrackerState; closed: Segment[] } {
  const threshold = opts.idleThresholdMs;
  const t = Number.isFinite(event.at) ? Math.max(event.at, state.lastAt) : state.lastAt;

  let { idle, focusedSite } = state;
  switch (event.kind) {
    case 'focus':
      focusedSite = event.site;
      break;
    case 'idle':
      idle = event.state !== 'active';
      break;
    case 'startup':
      // Nothing is known about the new session until the caller reports the focused tab.
      idle = false;
      focusedSite = null;
      break;
    case 'heartbeat':
      break;
  }

  const want = idle ? null : focusedSite;
  const prev = state.open;
  const closed: Segment[] = [];
  let open: TrackerState['open'];
  if (prev && prev.site === want && t - prev.confirmedAt <= threshold) {
    // Still there, and recently confirmed: the same segment goes on.
    open = { ...prev, confirmedAt: t };
  } else {
    if (prev) {
      // A browser restart ends the old session at its last confirmation; anything else at the capped end.
      // A same-site event after a long silence lands here too: the silence is cut out, a new segment begins.
      const end = event.kind === 'startup' ? prev.confirmedAt : cappedEnd(prev, t, threshold);
      if (end > prev.since) closed.push({ site: prev.site, start: prev.since, end });
    }
    open = want === null ? null : { site: want, since: t, confirmedAt: t };
  }
  return { state: { open, idle, focusedSite, lastAt: t }, closed };
}

/**
 * Whether an event's new state needs storing. Not when no segment is or was open, none closed, and idle and the
 * focused site are as stored: then only `lastAt` moved. That is most tab switches between untracked pages, and
 * each stored write wakes every open page's live query. Skipping it is safe: `lastAt` guards segments against
 * a clock stepping back, and the stored one is already at or after the end of every closed segment (an event
 * that closes one is always stored), so the next segment still cannot start before any earlier one ends.
 */
export function worthStoring(before: TrackerState, after: TrackerState, closed: readonly Segment[]): boolean {
  return closed.length > 0 || before.open !== null || after.open !== null || before.idle !== after.idle || before.focusedSite !== after.focusedSite;
}

/** Splits segments at the person's day boundaries and adds them to the totals per (site, day).
 *  Returns a new array (the input is not changed); existing entries keep their order, new ones follow. */
export function foldSegments(
  existing: SiteDay[],
  segments: Segment[],
  timeZone: string,
  dayStartMinutes: number,
): SiteDay[] {
  const byKey = new Map<string, SiteDay>();
  const entry = (site: string, day: DayKey): SiteDay => {
    const key = `${day}\u0000${site}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { site, day, seconds: 0, visits: 0 }));
    return e;
  };
  for (const d of existing) {
    const e = entry(d.site, d.day);
    e.seconds += d.seconds;
    e.visits += d.visits;
  }
  for (const seg of segments) {
    if (!(seg.end > seg.start)) continue;
    entry(seg.site, dayKeyAt(seg.start, timeZone, dayStartMinutes)).visits += 1;
    // Day boundaries are instants (days.ts), so 23- and 25-hour days split correctly.
    for (let from = seg.start; from < seg.end; ) {
      const day = dayKeyAt(from, timeZone, dayStartMinutes);
      const to = Math.min(seg.end, dayEndInstant(day, timeZone, dayStartMinutes));
      entry(seg.site, day).seconds += (to - from) / 1000;
      from = to;
    }
  }
  return [...byKey.values()];
}

/** Seconds on any of `sites` on `day`: the folded totals plus the open segment up to `now` (capped the
 *  same way `track` would close it). `siteDays` must not already contain the open segment. */
export function secondsOn(
  siteDays: SiteDay[],
  state: TrackerState,
  sites: string[],
  day: DayKey,
  now: number,
  timeZone: string,
  dayStartMinutes: number,
  idleThresholdMs: number,
): number {
  const wanted = new Set(sites);
  let seconds = 0;
  for (const d of siteDays) if (d.day === day && wanted.has(d.site)) seconds += d.seconds;
  const open = state.open;
  if (open && wanted.has(open.site)) {
    const from = Math.max(open.since, dayStartInstant(day, timeZone, dayStartMinutes));
    const to = Math.min(cappedEnd(open, now, idleThresholdMs), dayEndInstant(day, timeZone, dayStartMinutes));
    if (to > from) seconds += (to - from) / 1000;
  }
  return seconds;
}

/**
 * When `needSeconds` on `sites` will be reached on `day` if the person stays where they are: `now` when
 * already reached, null when not accruing now (elsewhere, idle, unconfirmed for longer than the threshold)
 * or when the day ends first. For scheduling the gate's alarm: when it fires, fold a heartbeat (or the idle
 * state) first, then ask `secondsOn` — the projection assumes the person is still confirmed there.
 */
export function projectedCompletion(
  siteDays: SiteDay[],
  state: TrackerState,
  sites: string[],
  day: DayKey,
  needSeconds: number,
  now: number,
  timeZone: string,
  dayStartMinutes: number,
  idleThresholdMs: number,
): number | null {
  const have = secondsOn(siteDays, state, sites, day, now, timeZone, dayStartMinutes, idleThresholdMs);
  if (have >= needSeconds) return now;
  const open = state.open;
  if (!open || !sites.includes(open.site)) return null;
  if (now < open.since || now > open.confirmedAt + idleThresholdMs) return null;
  // Time before the day starts does not count toward it; the rest accrues one second per second.
  const from = Math.max(now, dayStartInstant(day, timeZone, dayStartMinutes));
  const at = from + Math.ceil((needSeconds - have) * 1000);
  return at <= dayEndInstant(day, timeZone, dayStartMinutes) ? at : null;
}
