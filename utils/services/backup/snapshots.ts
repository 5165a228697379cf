import type { Result, Settings } from '../../core/types';
import { countsOf, type Backup } from '../../core/backup/format';
import { parseBackup } from '../../core/backup/validate';
import { fail } from '../../core/result';
import type { TandemDB } from '../../db/db';
import { newId } from '../../db/db';
import type { BackupsDB, Snapshot } from '../../db/backups-db';
import { backupText, exportBackup } from './export';
import { tr } from '@/utils/core/i18n';

/** Daily backups kept: a week. */
export const SNAPSHOTS_KEPT = 7;
const HOUR_MS = 3_600_000;
/** At each start of the worker: a backup when the last is older than a day (the browser was closed at its time). */
export const DUE_AT_START_MS = 24 * HOUR_MS;
/** At the daily alarm: unless one was taken in the last 12 hours (at a start just before, say). */
export const DUE_AT_ALARM_MS = 12 * HOUR_MS;

export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
}

/**
 * Takes a snapshot (the export format) and keeps the newest SNAPSHOTS_KEPT. A database without commitments is not
 * copied: after the records were lost, a week of empty copies would push the last good ones out.
 */
export async function takeSnapshot(db: TandemDB, store: BackupsDB, settings: Settings, now: number): Promise<Snapshot | null> {
  const backup = await exportBackup(db, settings, now);
  if (backup.commitments.length === 0) return null;
  const snapshot: Snapshot = { id: newId(), takenAt: now, counts: countsOf(backup), text: backupText(backup) };
  await store.transaction('rw', store.snapshots, async () => {
    await store.snapshots.add(snapshot);
    const old = await store.snapshots.orderBy('takenAt').reverse().offset(SNAPSHOTS_KEPT).primaryKeys();
    await store.snapshots.bulkDelete(old);
  });
  return snapshot;
}

/** A snapshot unless the last one is younger than `olderThanMs`. */
export async function snapshotIfDue(db: TandemDB, store: BackupsDB, settings: Settings, now: number, olderThanMs: number): Promise<Snapshot | null> {
  const last = await store.snapshots.orderBy('takenAt').last();
  if (last && now - last.takenAt < olderThanMs && last.takenAt <= now) return null;
  return takeSnapshot(db, store, settings, now);
}

/** The snapshots, newest first, without their text. */
export async function listSnapshots(store: BackupsDB): Promise<Omit<Snapshot, 'text'>[]> {
  const all = await store.snapshots.orderBy('takenAt').reverse().toArray();
  return all.map(({ text: _text, ...s }) => s);
}

/** A snapshot read back through the same checks as a file a person picks. */
export async function readSnapshot(store: BackupsDB, id: string, now: number): Promise<Result<Backup>> {
  const snapshot = await store.snapshots.get(id);
  if (!snapshot) return fail(tr('snapshots_that_backup_is_no_longer_there'));
  return parseBackup(snapshot.text, now);
}
