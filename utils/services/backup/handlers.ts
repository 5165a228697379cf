import type { Backup } from '../../core/backup/format';
import { parseBackup } from '../../core/backup/validate';
import { fail, ok } from '../../core/result';
import type { Clock, Result } from '../../core/types';
import type { TandemDB } from '../../db/db';
import type { BackupsDB } from '../../db/backups-db';
import type { BackupHandlers, MessageType, RequestMeta } from '../../messages';
import { applyOnce } from '../apply-once';
import { importTables, outcomesOf, replaceWithBackup } from './import';
import { fillOutcomes } from '../outcomes';
import { clockOf } from '../../clock-of';
import { readSnapshot, type SettingsStore } from './snapshots';
import { tr } from '@/utils/core/i18n';

export interface BackupDeps {
  store: BackupsDB;
  settings: SettingsStore;
}

/**
 * Import and restore, in the worker: the text is checked again here (a page's check is for showing what will
 * change; the worker trusts no message), then applied once per action id in one transaction (apply-once.ts), and
 * the settings written after it commits; the answer goes then. A retry after a lost answer changes nothing in the
 * database and writes the same settings again. After the answer, the outcome caches are judged from the file and
 * the gate is recompiled from the new records (the gate follows within a second or two of "Imported").
 */
export function createBackupHandlers(
  { db, clock, refresh }: { db: TandemDB; clock: () => Promise<Clock>; refresh: () => Promise<unknown> },
  backups: BackupDeps | undefined,
): BackupHandlers {
  const apply = async (type: MessageType, meta: RequestMeta, read: (now: number) => Promise<Result<Backup>>) => {
    if (!backups) return fail(tr('handlers_importing_isnt_available_here'));
    const c = await clock();
    const backup = await read(c.now);
    if (!backup.ok) return backup;
    const settings = { ...(await backups.settings.getValue()), ...backup.value.settings };
    const counts = await applyOnce(db, { id: meta.id, type, at: c.now }, async () => ok(await replaceWithBackup(db, backup.value)), [
      ...importTables(db),
      db.requests,
    ]);
    await backups.settings.setValue(settings);
    void settle(backup.value, clockOf(settings, c.now));
    return counts;
  };
  // After the answer (the records are in): the outcome caches judged from the file in memory, then the gate. A stop
  // before they are done only delays them: every start of the worker recomputes the gate and builds missing caches.
  const settle = async (backup: Backup, c: Clock) => {
    // Nothing here may reject unheard (the answer has gone): a failure is logged, and the next refresh builds the caches.
    await outcomesOf(backup, c)
      .then((caches) => fillOutcomes(db, caches))
      .catch((err: unknown) => console.error('Tandem: outcome caches after an import', err));
    await refresh().catch((err: unknown) => console.error('Tandem: gate refresh failed', err));
  };
  return {
    'data.import': ({ text }, meta) => apply('data.import', meta, async (now) => parseBackup(typeof text === 'string' ? text : '', now)),
    'backup.restore': ({ snapshotId }, meta) =>
      apply('backup.restore', meta, (now) => readSnapshot(backups!.store, String(snapshotId), now)),
  };
}
