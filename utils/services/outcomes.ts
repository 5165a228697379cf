import type { Clock } from '../core/types';
import { cacheEnd, extendCache, finalThrough, type OutcomeCache } from '../core/outcome-cache';
import { addDays, dayStartInstant, daysBetween, dayOf } from '../core/days';
import type { TandemDB } from '../db/db';
import { activeCommitments, recordsFrom } from '../db/queries';

/**
 * Days judged per step of a build, so the first build after an upgrade (years of history) never holds the
 * worker's event loop for long: between steps the worker takes a turn at its other events.
 * Measured for 5 years × 20 commitments in Chromium's worker: the longest task 14–25 ms (it was 65–80 ms with
 * a commitment's whole history in one go).
 * The caches are written together, once, when every commitment's steps are done: every write makes each open page
 * read again all the records the caches do not cover yet, so one write per step cost ~10× the build's time, and one
 * per commitment (20 after an import of 5 years) kept an open options page re-reading for tens of seconds. A worker
 * stopped before that write loses only the work, which its next start does again.
 */
export const DAYS_PER_STEP = 240;

/** A turn for the worker's other events between two steps of long work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Brings every commitment's cache of final days up to date (the day before yesterday). Usually a day or
 * two of work at the daily rollover; the first run after an upgrade judges the whole history once, in steps
 * with `between` (the next task by default) in between.
 */
export async function refreshOutcomes(db: TandemDB, clock: Clock, { between = nextTask }: { between?: () => Promise<void> } = {}): Promise<void> {
  const last = finalThrough(dayOf(clock.now, clock));
  const commitments = await activeCommitments(db);
  const caches = new Map((await db.outcomes.bulkGet(commitments.map((c) => c.id))).flatMap((o) => (o ? [[o.commitmentId, o] as const] : [])));
  const built: OutcomeCache[] = [];
  for (const c of commitments) {
    const stored = caches.get(c.id);
    let from = stored ? cacheEnd(stored) : dayOf(c.createdAt, clock);
    if (from > last) continue;
    const records = await recordsFrom(db, c.id, from);
    let cache = stored;
    for (;;) {
      const through = daysBetween(from, last) < DAYS_PER_STEP ? last : addDays(from, DAYS_PER_STEP - 1);
      // extendCache judges through the clock's final day: for a step, the start of the day two days after its
      // last one (every day up to it is final then, as it is now).
      const step = through === last ? clock : { ...clock, now: dayStartInstant(addDays(through, 2), clock.timeZone, clock.dayStartMinutes) };
      const next = extendCache(c, cache, records, step);
      cache = next;
      if (cacheEnd(next) > last || cacheEnd(next) <= from) break; // done (or no progress: never loop)
      from = cacheEnd(next);
      await between();
    }
    if (cache) built.push(cache);
  }
  if (built.length) await writeUnlessChanged(db, built, caches);
}

/** Caches judged elsewhere (an import's, from its file): written where a commitment has none yet, all in one go. */
export function fillOutcomes(db: TandemDB, caches: OutcomeCache[]): Promise<void> {
  return writeUnlessChanged(db, caches, new Map());
}

/**
 * Writes the built caches in one transaction, each only where the stored cache is still the one the build started
 * from: a repair written meanwhile (utils/services/repairs.ts) is never overwritten by a cache judged before it (the
 * next refresh extends the repaired cache instead).
 */
async function writeUnlessChanged(db: TandemDB, built: OutcomeCache[], started: Map<string, OutcomeCache>): Promise<void> {
  await db.transaction('rw', db.outcomes, async () => {
    const current = await db.outcomes.bulkGet(built.map((c) => c.commitmentId));
    const same = (a: OutcomeCache | undefined, b: OutcomeCache | undefined) => a?.from === b?.from && a?.codes === b?.codes;
    await db.outcomes.bulkPut(built.filter((c, i) => same(current[i], started.get(c.commitmentId))));
  });
}
