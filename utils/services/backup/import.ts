import { countsOf, type Backup, type BackupCounts } from '../../core/backup/format';
import { extendCache, type OutcomeCache } from '../../core/outcome-cache';
import type { Clock } from '../../core/types';
import type { TandemDB } from '../../db/db';
import { groupRecords } from '../../db/queries';
import { nextTask } from '../outcomes';

/**
 * Replaces what a person made on this device with a backup's records, in one transaction: a failure anywhere
 * (a full disk, a stopped worker) leaves everything as it was. Replaced: commitments, focus sessions, check-ins,
 * block-page visits and time on work sites; the outcome cache and the visit tracker's state are cleared (the caches
 * are judged again from the backup's records by `outcomesOf` once the import is in). Kept: this device's partnerships (pairs, their summaries, the outbox), "go anyway"
 * grants and the record of applied actions. A commitment already here (a backup of this device) keeps whom it is
 * shared with, for the pairs that still exist; a file carries no pair ids, so nothing else is shared.
 *
 * Settings are not in the database: the caller writes them after this commits.
 */
export async function replaceWithBackup(db: TandemDB, backup: Backup): Promise<BackupCounts> {
  return db.transaction('rw', importTables(db), async () => {
    const pairs = new Set((await db.pairs.toArray()).filter((p) => !p.ended).map((p) => p.id));
    const sharing = new Map((await db.commitments.toArray()).map((c) => [c.id, (c.sharedWith ?? []).filter((id) => pairs.has(id))]));
    await Promise.all([db.commitments, db.sessions, db.checkIns, db.attempts, db.siteDays, db.reviews, db.outcomes, db.tracker].map((t) => t.clear()));
    await db.commitments.bulkAdd(
      backup.commitments.map((c) => {
        const shared = sharing.get(c.id);
        return shared?.length ? { ...c, sharedWith: shared } : c;
      }),
    );
    await db.sessions.bulkAdd(backup.sessions);
    await db.checkIns.bulkAdd(backup.checkIns);
    await db.attempts.bulkAdd(backup.attempts);
    await db.siteDays.bulkAdd(backup.siteDays);
    await db.reviews.bulkAdd(backup.reviews);
    return countsOf(backup);
  });
}

/** The tables an import reads and writes (others, e.g. a page's read of the settings' partners, run beside it). */
export function importTables(db: TandemDB) {
  return [db.commitments, db.sessions, db.checkIns, db.attempts, db.siteDays, db.reviews, db.outcomes, db.tracker, db.pairs];
}

/** What is here now, counted the same way as a backup (shown beside what an import would put in its place). */
export async function countsHere(db: TandemDB): Promise<BackupCounts> {
  const [commitments, sessions, checkIns, attempts, siteDays, reviews] = await Promise.all([
    db.commitments.count(), db.sessions.count(), db.checkIns.count(), db.attempts.count(), db.siteDays.count(), db.reviews.count(),
  ]);
  return { commitments, sessions, checkIns, attempts, siteDays, reviews };
}

/**
 * The outcome caches of a backup's live commitments, judged from its records as refreshOutcomes (utils/services/
 * outcomes.ts) would judge them after the import, with `clock` carrying the backup's settings (its day start), from
 * the records in memory: no read of years of records while an open page reads them too. One commitment at a time,
 * with a turn for the worker's other events in between (5 years × 20 commitments: ~1 s in Node).
 */
export async function outcomesOf(backup: Backup, clock: Clock, between = nextTask): Promise<OutcomeCache[]> {
  const records = groupRecords(backup.sessions, backup.checkIns, (r) => r.commitmentId);
  const caches: OutcomeCache[] = [];
  for (const c of backup.commitments) {
    if (c.archivedAt !== undefined) continue;
    const own = records.get(c.id) ?? { sessions: [], checkIns: [] };
    caches.push(extendCache(c, undefined, groupRecords(own.sessions, own.checkIns, (r) => r.day), clock));
    await between();
  }
  return caches;
}
