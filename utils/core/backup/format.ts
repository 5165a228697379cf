import type { Attempt, CheckIn, Commitment, FocusSession, Settings, SiteDay } from '../types';
import type { WeeklyReview } from '../review/types';
import { formatNumber } from '../i18n';
import { tr } from '../i18n';

/**
 * Tandem's export file, and each daily backup (the same format): everything a person made, as plain JSON.
 * Partners appear by name only — never an account id, a pair's id, an invite code or anything that lets someone
 * act as the person. A commitment's `sharedWith` (pair ids) is left out for the same reason.
 */
export const BACKUP_FORMAT = 'tandem-export';
/**
 * Raised when the file's shape changes; an import refuses a newer version and reads older ones (validate.ts).
 * 2: weekly reviews (`reviews`); a version-1 file has none.
 */
export const BACKUP_VERSION = 2;

export type ExportedCommitment = Omit<Commitment, 'sharedWith'>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  settings: Settings;
  commitments: ExportedCommitment[];
  sessions: FocusSession[];
  checkIns: CheckIn[];
  attempts: Attempt[];
  siteDays: SiteDay[];
  /** The weekly check-ins, drafts included (format 2). */
  reviews: WeeklyReview[];
  /** The names of the people this person kept commitments with, and since when. Not restored by an import. */
  partners: { name: string; since: number }[];
}

/** The largest file read (checked before reading it): 5 years × 20 commitments export to ~15 MB. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
/** Deepest nesting of objects and arrays read; Tandem's own files go 5 deep. */
export const MAX_DEPTH = 12;
/** At most this many records of each kind (commitments have their own, smaller limit). */
export const MAX_RECORDS = 500_000;
export const MAX_COMMITMENTS = 1_000;
/** Ids Tandem makes are UUIDs; anything longer than this is not one of its records. */
export const MAX_ID_LENGTH = 100;
export const PARTNER_NAME_MAX = 60;
/** No record is older than this (Tandem did not exist), nor later than a day after the file was read. */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const EARLIEST_DAY = '2000-01-01';

/** What a file holds, counted: shown before an import and beside each backup. */
export interface BackupCounts {
  commitments: number;
  sessions: number;
  checkIns: number;
  attempts: number;
  siteDays: number;
  reviews: number;
}

export function countsOf(data: Pick<Backup, keyof BackupCounts>): BackupCounts {
  return {
    commitments: data.commitments.length,
    sessions: data.sessions.length,
    checkIns: data.checkIns.length,
    attempts: data.attempts.length,
    siteDays: data.siteDays.length,
    reviews: data.reviews.length,
  };
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "3 commitments, 214 check-ins, 40 focus sessions, 12 block-page visits, 30 days of site time". */
export function describeCounts(c: BackupCounts): string {
  const parts = [
    plural(c.commitments, 'commitment', 'commitments'),
    plural(c.checkIns, 'check-in', 'check-ins'),
    plural(c.sessions, tr('format_focus_session'), tr('format_focus_sessions')),
    plural(c.attempts, tr('format_block_page_visit'), tr('format_block_page_visits')),
  ];
  if (c.siteDays > 0) parts.push(plural(c.siteDays, tr('format_day_of_time_on_work_sites'), tr('format_days_of_time_on_work_sites')));
  if (c.reviews > 0) parts.push(plural(c.reviews, tr('format_weekly_review'), tr('format_weekly_reviews')));
  return parts.join(', ');
}
