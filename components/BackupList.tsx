import { useState } from 'preact/hooks';
import { getBackupsDb } from '@/utils/db/backups-db';
import { listSnapshots, SNAPSHOTS_KEPT } from '@/utils/services/backup/snapshots';
import { describeCounts } from '@/utils/core/backup/format';
import { attempt, send } from '@/utils/messages';
import { useLive } from './hooks';
import { formatDate } from '@/utils/core/i18n';
import { tr } from '@/utils/core/i18n';

/** "30 November 2026 at 05:30", in the person's locale. */
export const dateOf = (ms: number) => formatDate(ms, { dateStyle: 'long', timeStyle: 'short' });

/** The daily backups on this device, newest first, each restorable after a confirmation that says what it replaces. */
export function BackupList() {
  const snapshots = useLive(() => listSnapshots(getBackupsDb()), []);
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (!snapshots) return null;

  const restore = async (id: string) => {
    setMessage({ error: false, text: tr('backup_list_restoring') });
    const r = await attempt(send('backup.restore', { snapshotId: id }));
    setAsking(null);
    setMessage(r.ok ? { error: false, text: tr('backup_list_restored', { value: describeCounts(r.value) }) } : { error: true, text: tr('backup_list_nothing_was_changed', { error: r.error }) });
  };

  return (
    <div class="backups" data-testid="backups">
      <h3>{tr('backup_list_daily_backups')}</h3>
      <p class="hint">
        {tr('backup_list_tandem_copies_your_data_once_a', { SNAPSHOTS_KEPT })}</p>
      {snapshots.length === 0 && <p class="meta" data-testid="no-backups">{tr('backup_list_no_backups_yet_the_first_is_made')}</p>}
      <ul class="partner-list">
        {snapshots.map((s) => (
          <li key={s.id} data-testid="backup">
            <span>
              <strong>{dateOf(s.takenAt)}</strong> · {describeCounts(s.counts)}
            </span>
            {asking === s.id ? (
              <span class="actions" role="group" aria-label={tr('backup_list_restore_this_backup')}>
                <span>{tr('backup_list_replace_what_is_here_now_with')}</span>
                <button class="primary" data-testid="restore-confirm" onClick={() => void restore(s.id)}>{tr('backup_list_restore')}</button>
                <button class="quiet" data-testid="restore-cancel" onClick={() => setAsking(null)}>{tr('backup_list_cancel')}</button>
              </span>
            ) : (
              <button data-testid="restore-backup" onClick={() => setAsking(s.id)}>{tr('backup_list_restore_2')}</button>
            )}
          </li>
        ))}
      </ul>
      {message && <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'} data-testid="restore-message">{message.text}</p>}
    </div>
  );
}
