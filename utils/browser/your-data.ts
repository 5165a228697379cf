import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { settingsItem } from '../settings';
import { dayKeyAt } from '../core/days';
import { systemTimeZone } from '../clock-of';
import { backupText, exportBackup, exportFileName } from '../services/backup/export';

/**
 * The options page's side of "Your data": the export made on the page (a read of the database, then a download)
 * and the browser's answer on keeping Tandem's storage. Import and restore are the worker's (messages).
 */
export async function downloadExport(now: number): Promise<void> {
  const settings = await settingsItem.getValue();
  const text = backupText(await exportBackup(getDb(), settings, now));
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(dayKeyAt(now, systemTimeZone(), settings.dayStartMinutes));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * What the browser answered: 'kept' (persist() granted), 'unlimited' (refused, but the extension holds
 * unlimitedStorage, which Chromium exempts from eviction), 'may-clear' (neither), 'unknown' (no answer).
 */
export type Persistence = 'kept' | 'unlimited' | 'may-clear' | 'unknown';

/** Asks the browser to keep this extension's storage (navigator.storage.persist), once it is not kept already. */
export async function askToKeepStorage(): Promise<Persistence> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return 'unknown';
  try {
    if ((await storage.persisted()) || (await storage.persist())) return 'kept';
    const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
    return unlimited ? 'unlimited' : 'may-clear';
  } catch {
    return 'unknown';
  }
}
