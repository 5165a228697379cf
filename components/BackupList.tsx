import { useState } from 'preact/hooks';
import { getBackupsDb } from '@/utils/db/backups-db';
import { listSnapshots, SNAPSHOTS_KEPT } from '@/utils/services/backup/snapshots';
import { describeCounts } from '@/utils/core/backup/format';
import { attempt, send } from '@/utils/messages';
import { useLive } from './hooks';
import { formatDate } from '@/utils/core/i18n';

/** "30 November 2026 at 05:30", in the person's locale. */
export const dateOf = (ms: number) => formatDate(ms, { dateStyle: 'long', timeStyle: 'short' });

/** The daily backups on this device, newest first, each restorable after a confirmation that says what it replaces. */
export function BackupList() {
  const snapshots = useLive(() => listSnapshots(getBackupsDb()), []);
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (!snapshots) return null;

  const restore = async (id: string) => {
    setMessage({ error: false, text: 'Restoring…' });
    const r = await attempt(send('backup.restore', { snapshotId: id }));
    setAsking(null);
    setMessage(r.ok ? { error: false, text: `Restored: ${describeCounts(r.value)}.` } : { error: true, text: `${r.error} Nothing was changed.` });
  };

  return (
    <div class="backups" data-testid="backups">
      <h3>Daily backups</h3>
      <p class="hint">
        Tandem copies your data once a day, on this device, and keeps the last {SNAPSHOTS_KEPT}. They are kept apart
        from Tandem’s main records, so they survive if those are damaged or cleared.
      </p>
      {snapshots.length === 0 && <p class="meta" data-testid="no-backups">No backups yet: the first is made within a day of your first commitment.</p>}
      <ul class="partner-list">
        {snapshots.map((s) => (
          <li key={s.id} data-testid="backup">
            <span>
              <strong>{dateOf(s.takenAt)}</strong> · {describeCounts(s.counts)}
            </span>
            {asking === s.id ? (
              <span class="actions" role="group" aria-label="Restore this backup?">
                <span>Replace what is here now with this backup?</span>
                <button class="primary" data-testid="restore-confirm" onClick={() => void restore(s.id)}>Restore</button>
                <button class="quiet" data-testid="restore-cancel" onClick={() => setAsking(null)}>Cancel</button>
              </span>
            ) : (
              <button data-testid="restore-backup" onClick={() => setAsking(s.id)}>Restore…</button>
            )}
          </li>
        ))}
      </ul>
      {message && <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'} data-testid="restore-message">{message.text}</p>}
    </div>
  );
}
