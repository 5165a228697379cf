import type { Clock, Commitment, SiteDay } from './types';
import { hostOf, siteMatches } from './site-pattern';
import type { TrackerState } from './tracking';
import { trackedSitesOf, type VisitRecords } from './requirements';
import { dayStartInstant, dayOf } from './days';

/** Idle after two minutes without input; the heartbeat alarm confirms presence every minute. */
export const IDLE_THRESHOLD_MS = 2 * 60_000;

/** Today's time on tracked sites, for requirement progress: the day's totals and the visit in progress. */
export function todayVisits(siteDays: SiteDay[], tracker: TrackerState | undefined, clock: Clock, idleThresholdMs: number): VisitRecords {
  const day = dayOf(clock.now, clock);
  return {
    siteDays: siteDays.filter((d) => d.day === day),
    open: tracker?.open ?? null,
    dayStart: dayStartInstant(day, clock.timeZone, clock.dayStartMinutes),
    idleThresholdMs,
  };
}

/**
 * The sites worth watching: only those requirements track (the work sites of time-on-site requirements). Everything else the
 * person visits is not recorded at all, not even as a count.
 */
export function trackedSites(commitments: Commitment[]): string[] {
  const sites = new Set<string>();
  for (const c of commitments) if (c.archivedAt === undefined) trackedSitesOf(c.requirement).forEach((s) => sites.add(s));
  // Most specific first (longest pattern), so a path like www.icloud.com/pages wins over a whole host.
  return [...sites].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The tracked site a URL belongs to, or null. The URL itself goes no further than this function. */
export function siteOf(url: string | undefined, sites: string[]): string | null {
  if (!url || hostOf(url) === null) return null;
  return sites.find((s) => siteMatches(s, url)) ?? null;
}
