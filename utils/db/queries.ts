import Dexie from 'dexie';
import type { CheckIn, Commitment, DayKey, FocusSession, SiteDay } from '../core/types';
import type { TrackerState } from '../core/tracking';
import { recordsNeededFrom, type OutcomeCache } from '../core/outcome-cache';
import { addDays } from '../core/days';
import type { DayRecords } from '../core/requirements';
import type { TandemDB } from './db';
import type { Pair, PartnerSummary } from '../core/partners/types';
import type { Inventory } from '../core/deletion';

// These reads also run inside Dexie liveQuery (pages): each one starts all its queries at once, before any
// await of a plain async function, because liveQuery only observes queries made within its own zone.

/** Every commitment, archived ones included, oldest first. */
export function allCommitments(db: TandemDB): Promise<Commitment[]> {
  return db.commitments.toArray().then(oldestFirst);
}

/**
 * Commitments that are not archived, oldest first. One getAll filtered here: Dexie's `filter` walks a cursor,
 * one round trip to IndexedDB per commitment (~7 ms for 20 in the popup, against <1 ms).
 */
export function activeCommitments(db: TandemDB): Promise<Commitment[]> {
  return db.commitments.toArray().then((all) => oldestFirst(all.filter((c) => c.archivedAt === undefined)));
}

/** Pairs not ended, oldest first (one getAll filtered here, as activeCommitments). */
export function livePairs(db: TandemDB): Promise<Pair[]> {
  return db.pairs.toArray().then((all) => all.filter((p) => !p.ended).sort(byCreation));
}

/** Every pair (ended ones included) oldest first, those not ended, and what each partner last shared. */
export async function loadPartners(db: TandemDB): Promise<{ pairs: Pair[]; live: Pair[]; summaries: Map<string, PartnerSummary> }> {
  const [pairs, summaries] = await Promise.all([db.pairs.toArray(), db.partnerSummaries.toArray()]);
  pairs.sort(byCreation);
  return { pairs, live: pairs.filter((p) => !p.ended), summaries: new Map(summaries.map((s) => [s.pairId, s])) };
}

const byCreation = (a: Pair, b: Pair) => a.createdAt - b.createdAt;

function oldestFirst(commitments: Commitment[]): Commitment[] {
  return commitments.sort((a, b) => a.createdAt - b.createdAt);
}

/** Each commitment's sessions and check-ins on one day, by commitment id. */
export async function recordsOn(db: TandemDB, day: DayKey): Promise<Map<string, DayRecords>> {
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('day').equals(day).toArray(),
    db.checkIns.where('day').equals(day).toArray(),
  ]);
  return groupRecords(sessions, checkIns, (r) => r.commitmentId);
}

/** One commitment's sessions and check-ins from `day` on, grouped by day. */
export async function recordsFrom(db: TandemDB, commitmentId: string, day: DayKey): Promise<Map<DayKey, DayRecords>> {
  const range = [[commitmentId, day], [commitmentId, Dexie.maxKey]] as const;
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('[commitmentId+day]').between(range[0], range[1], true, true).toArray(),
    db.checkIns.where('[commitmentId+day]').between(range[0], range[1], true, true).toArray(),
  ]);
  return groupRecords(sessions, checkIns, (r) => r.day);
}

const DAY_MS = 86_400_000;
/** The UTC date `days` before `now`: a day key at least that early in any time zone. */
const utcDayBefore = (now: number, days: number): DayKey => new Date(now - days * DAY_MS).toISOString().slice(0, 10);

/** Time on tracked sites from two days back (a superset of the person's today in any time zone), and the tracker. */
export function recentVisits(db: TandemDB, now: number): Promise<[SiteDay[], TrackerState | undefined]> {
  return visitsFrom(db, utcDayBefore(now, 2));
}

function visitsFrom(db: TandemDB, day: DayKey): Promise<[SiteDay[], TrackerState | undefined]> {
  return Promise.all([db.siteDays.where('day').aboveOrEqual(day).toArray(), db.tracker.get('current')]);
}

/**
 * How many days of records loadCheckIn reads before it knows how far the caches reach: a cache kept current (the
 * worker extends it at least hourly) needs its person's last two or three days, within the last four UTC dates in
 * any time zone. Fewer records, fewer scattered reads: each is a lookup by a random id (was 7 days).
 */
const RECENT_RECORDS_DAYS = 4;

/**
 * Everything the check-in needs at `now`: live commitments, their cached final days, the records of the days no
 * cache covers yet (usually the last two or three), and recent site visits.
 */
export async function loadCheckIn(db: TandemDB, now: number): Promise<{
  commitments: Commitment[];
  caches: Map<string, OutcomeCache>;
  history: Map<string, Map<DayKey, DayRecords>>;
  siteDays: SiteDay[];
  tracker: TrackerState | undefined;
}> {
  // The caches usually cover all but the last two or three days: the records of the last few days are read along
  // with the rest (one round trip to IndexedDB, not two), and older ones only when some cache ends earlier.
  const recent = utcDayBefore(now, RECENT_RECORDS_DAYS);
  const [commitments, cacheRows, [siteDays, tracker], recentSessions, recentCheckIns] = await Promise.all([
    activeCommitments(db),
    db.outcomes.toArray(),
    recentVisits(db, now),
    db.sessions.where('day').aboveOrEqual(recent).toArray(),
    db.checkIns.where('day').aboveOrEqual(recent).toArray(),
  ]);
  const caches = new Map(cacheRows.map((o) => [o.commitmentId, o]));
  // Day keys of records are the person's own; the UTC date of createdAt can only be a day later, never
  // earlier than a day before: start a day early to be safe.
  const from = recordsNeededFrom(commitments, caches, { timeZone: 'UTC', dayStartMinutes: 0 });
  const since = from === undefined ? '9999-12-31' : addDays(from, -1);
  const [sessions, checkIns] =
    since >= recent
      ? [recentSessions.filter((s) => s.day >= since), recentCheckIns.filter((c) => c.day >= since)]
      : await Promise.all([db.sessions.where('day').aboveOrEqual(since).toArray(), db.checkIns.where('day').aboveOrEqual(since).toArray()]);
  // `since` is at most the person's today: no cache reaches past yesterday, no commitment starts after tomorrow (UTC).
  const history = new Map(commitments.map((c) => [c.id, new Map<DayKey, DayRecords>()]));
  for (const [key, records] of groupRecords(sessions, checkIns, (r) => `${r.commitmentId} ${r.day}`)) {
    const [commitmentId, day] = key.split(' ') as [string, DayKey];
    history.get(commitmentId)?.set(day, records);
  }
  return { commitments, caches, history, siteDays, tracker };
}

export function groupRecords(sessions: FocusSession[], checkIns: CheckIn[], keyOf: (r: FocusSession | CheckIn) => string): Map<string, DayRecords> {
  const groups = new Map<string, DayRecords>();
  const slot = (key: string) => {
    let r = groups.get(key);
    if (!r) groups.set(key, (r = { sessions: [], checkIns: [] }));
    return r;
  };
  for (const s of sessions) slot(keyOf(s)).sessions.push(s);
  for (const c of checkIns) slot(keyOf(c)).checkIns.push(c);
  return groups;
}

/** What "Delete everything" would take from this device, counted for its confirmation. */
export function inventory(db: TandemDB): Promise<Inventory> {
  return Promise.all([
    db.commitments.count(), db.checkIns.count(), db.sessions.count(), db.attempts.count(), db.siteDays.count(), livePairs(db),
  ]).then(([commitments, checkIns, sessions, attempts, siteDays, pairs]) => ({
    commitments, checkIns, sessions, attempts, siteDays, partners: pairs.map((p) => p.partnerName),
  }));
}
