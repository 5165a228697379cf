import type { Attempt, AttemptOutcome, Clock, Override, Result } from '../core/types';
import { dayOf } from '../core/days';
import { hostOf } from '../core/site-pattern';
import { GO_ANYWAY_MINUTES, type GoAnywayMinutes } from '../core/gate';
import { newId, type TandemDB } from '../db/db';


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

/** "Go anyway": lets the URL's host through for the chosen minutes; the gate closes again by itself after. */
export async function goAnyway(db: TandemDB, url: string, minutes: number, { now }: Clock): Promise<Result<Override>> {
  if (!GO_ANYWAY_MINUTES.includes(minutes as GoAnywayMinutes)) return { ok: false, error: 'Choose 5 or 15 minutes.' };
  const host = hostOf(url);
  if (host === null) return { ok: false, error: 'That page is not a web address Tandem can let through.' };
  const override: Override = { host, until: now + minutes * 60_000 };
  await db.overrides.put(override);
  return { ok: true, value: override };
}
