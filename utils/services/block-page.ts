import type { Attempt, AttemptOutcome, Clock, Override, Result } from '../core/types';
import { addDays, dayOf } from '../core/days';
import { turnedBackCounts, type BlockPageData } from '../core/block-page';
import { viewToday } from '../core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../core/visits';
import { loadCheckIn } from '../db/queries';
import { hostOf } from '../core/site-pattern';
import { checkGoAnywayMinutes } from '../core/go-anyway';
import { newId, type TandemDB } from '../db/db';

/**
 * What the block page paints from: today's view of the commitments holding the site (without calendars) and how
 * often the person turned back, this visit (`visit`: its attempt ids, maybe still being recorded) left out. The
 * reads start when this is called, so an arrival's write (arrivalTables) runs beside most of them.
 */
export async function blockPageData(
  db: TandemDB,
  commitmentIds: string[],
  clock: Clock,
  visit: string[] | Promise<string[]> = [],
): Promise<BlockPageData> {
  const today = dayOf(clock.now, clock);
  const [data, attempts] = await Promise.all([
    loadCheckIn(db, clock.now),
    // A week is at most 7 days back; the week start itself is applied by turnedBackCounts.
    db.attempts.where('day').between(addDays(today, -6), today, true, true).toArray(),
  ]);
  const wanted = new Set(commitmentIds);
  const commitments = data.commitments.filter((c) => wanted.has(c.id));
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  const views = viewToday(commitments, data.history, clock, { caches: data.caches, visits }).map((v) => ({ ...v, heatmap: [] }));
  const mine = attempts.filter((a) => wanted.has(a.commitmentId));
  return { views, turnedBack: turnedBackCounts(mine, today, clock.weekStartsOn ?? 1, new Set(await visit)) };
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
  if (host === null) return { ok: false, error: 'That page is not a web address Tandem can let through.' };
  const override: Override = { host, until: now + minutes * 60_000 };
  await db.overrides.put(override);
  return { ok: true, value: override };
}
