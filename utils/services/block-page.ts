import type { Attempt, AttemptOutcome, Clock, Override, Result } from '../core/types';
import { dayOf } from '../core/days';
import { turnedBackCounts, type BlockPageData } from '../core/block-page';
import { pastByCommitment, viewToday, type CommitmentView } from '../core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../core/visits';
import { loadCheckIn } from '../db/queries';
import { hostOf } from '../core/site-pattern';
import { checkGoAnywayMinutes } from '../core/go-anyway';
import { newId, type TandemDB } from '../db/db';
import { tr } from '@/utils/core/i18n';

/** What the block page's answer is made of, read from the database in one go (readBlockPage). */
export interface BlockPageReads {
  data: Awaited<ReturnType<typeof loadCheckIn>>;
  /** Arrivals of the last 8 days or so: the week is cut to the person's week in composeBlockPage. */
  attempts: Attempt[];
}

/**
 * Starts the block page's reads at `now` (the reads start when this is called: an arrival's write, which touches
 * only arrivalTables, then runs beside most of them). Needs no time zone, so it need not wait for the clock.
 */
export function readBlockPage(db: TandemDB, now: number): Promise<BlockPageReads> {
  // Day keys are the person's own, at most a day off the UTC date: 8 UTC days back hold their whole week.
  const from = new Date(now - 8 * 86_400_000).toISOString().slice(0, 10);
  return Promise.all([loadCheckIn(db, now), db.attempts.where('day').aboveOrEqual(from).toArray()]).then(([data, attempts]) => ({ data, attempts }));
}

/**
 * What the block page paints from: today's view of the commitments holding the site (without calendars) and how
 * often the person turned back, this visit (`visit`: its attempt ids) left out.
 */
export function composeBlockPage(reads: BlockPageReads, commitmentIds: string[], clock: Clock, visit: string[]): BlockPageData {
  const today = dayOf(clock.now, clock);
  const wanted = new Set(commitmentIds);
  const mine = reads.attempts.filter((a) => wanted.has(a.commitmentId));
  return { views: blockViews(reads, wanted, clock), turnedBack: turnedBackCounts(mine, today, clock.weekStartsOn ?? 1, new Set(visit)) };
}

/** Today's views of the commitments in `ids` at `clock.now`, without their calendars (the block page has none). */
export function blockViews({ data }: BlockPageReads, ids: ReadonlySet<string>, clock: Clock, past?: ReturnType<typeof pastByCommitment>): CommitmentView[] {
  const commitments = data.commitments.filter((c) => ids.has(c.id));
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  return viewToday(commitments, data.history, clock, { caches: data.caches, visits, past }).map((v) => ({ ...v, heatmap: [] }));
}

/** The block page's answer for a visit already recorded (a reload). */
export async function blockPageData(db: TandemDB, commitmentIds: string[], clock: Clock, visit: string[]): Promise<BlockPageData> {
  return composeBlockPage(await readBlockPage(db, clock.now), commitmentIds, clock, visit);
}

/** The tables recording an arrival touches, with the request log: the reads of the others need not wait for it. */
export const arrivalTables = (db: TandemDB) => [db.requests, db.commitments, db.attempts];

/**
 * Records one arrival on the block page per gating commitment (as the page saw the published gate; ids of
 * commitments that no longer exist or are archived are ignored). It counts as "turned back" until the person goes
 * anyway or starts the session; no URL or host reaches the worker or is stored with it.
 */
export async function recordArrival(db: TandemDB, commitmentIds: string[], clock: Clock): Promise<Attempt[]> {
  const day = dayOf(clock.now, clock);
  const live = (await db.commitments.bulkGet(commitmentIds)).filter((c) => c !== undefined && c.archivedAt === undefined);
  const attempts = live.map((c): Attempt => ({ id: newId(), commitmentId: c!.id, day, at: clock.now, outcome: 'turned-back' }));
  await db.attempts.bulkAdd(attempts);
  return attempts;
}

export async function setAttemptOutcome(db: TandemDB, attemptIds: string[], outcome: AttemptOutcome): Promise<void> {
  await db.attempts.where('id').anyOf(attemptIds).modify({ outcome });
}

/**
 * "Go anyway": lets the URL's host through for the minutes the page offered (the person's setting, 1 to 30); the
 * gate closes again by itself after. Other minutes are refused and change nothing.
 */
export async function goAnyway(db: TandemDB, url: string, minutes: number, { now }: Clock): Promise<Result<Override>> {
  const checked = checkGoAnywayMinutes(minutes);
  if (!checked.ok) return checked;
  const host = hostOf(url);
  if (host === null) return { ok: false, error: tr('block_page_that_page_is_not_a_web_address') };
  const override: Override = { host, until: now + minutes * 60_000 };
  await db.overrides.put(override);
  return { ok: true, value: override };
}
