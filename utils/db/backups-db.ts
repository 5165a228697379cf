import Dexie, { type EntityTable } from 'dexie';
import type { BackupCounts } from '../core/backup/format';

/**
 * The daily backups, in a small database of their own ('tandem-backups'), not in the main one: a backup must
 * outlive the database it copies (emptied by a cleanup tool, damaged, or deleted), and the main schema's versions
 * stay its own. Each snapshot is the export file's text (utils/core/backup/format.ts), read back through the same
 * checks as a file a person picks.
 */
export const BACKUPS_DB_NAME = 'tandem-backups';

export interface Snapshot {
  id: string;
  takenAt: number;
  /** What it holds, counted when taken (shown in the list without reading the text). */
  counts: BackupCounts;
  text: string;
}

export class BackupsDB extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;

  constructor(name = BACKUPS_DB_NAME) {
    super(name);
    this.version(1).stores({ snapshots: 'id, takenAt' });
  }
}

let shared: BackupsDB | undefined;

/** The backups database, opened on first use. */
export function getBackupsDb(): BackupsDB {
  return (shared ??= new BackupsDB());
}
