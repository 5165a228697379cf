import type { Settings } from '../../core/types';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../core/backup/format';
import type { TandemDB } from '../../db/db';

/**
 * Everything a person made, read in one transaction (a consistent copy): commitments with their earlier rules and
 * pauses, focus sessions, check-ins with notes and ratings, block-page visits, time on work sites, weekly reviews
 * and settings.
 * Partners by name only. Left out: pair ids and partner account ids (`sharedWith`, pairs), partners' summaries,
 * the outbox, "go anyway" grants, the visit tracker's state, the outcome cache (rebuilt from the records) and
 * the record of applied actions.
 */
export async function exportBackup(db: TandemDB, settings: Settings, now: number): Promise<Backup> {
  return db.transaction('r', [db.commitments, db.sessions, db.checkIns, db.attempts, db.siteDays, db.reviews, db.pairs], async () => {
    const [commitments, sessions, checkIns, attempts, siteDays, reviews, pairs] = await Promise.all([
      db.commitments.toArray(), db.sessions.toArray(), db.checkIns.toArray(), db.attempts.toArray(), db.siteDays.toArray(), db.reviews.toArray(),
      db.pairs.toArray(),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      settings: { ...settings },
      commitments: commitments.map(({ sharedWith: _shared, ...c }) => c),
      sessions,
      checkIns,
      attempts,
      siteDays,
      reviews,
      partners: pairs.filter((p) => !p.ended).map((p) => ({ name: p.partnerName, since: p.createdAt })),
    };
  });
}

/** The file's text: compact JSON (5 years × 20 commitments is ~15 MB this way). */
export function backupText(backup: Backup): string {
  return JSON.stringify(backup);
}

/** The name a downloaded export gets: "tandem-2026-11-30.json". */
export function exportFileName(day: string): string {
  return `tandem-${day}.json`;
}
