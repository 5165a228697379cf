import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { checkFileSize } from '@/utils/core/backup/read';
import { parseBackup } from '@/utils/core/backup/validate';
import { countsOf, describeCounts, type BackupCounts } from '@/utils/core/backup/format';
import { countsHere } from '@/utils/services/backup/import';
import { attempt, send } from '@/utils/messages';
import { askToKeepStorage, downloadExport, type Persistence } from '@/utils/browser/your-data';
import { BackupList, dateOf } from './BackupList';
import { useNow } from './hooks';

const KEEPING: Record<Persistence, string> = {
  get kept() { return 'Your browser has agreed to keep Tandem’s data until you remove Tandem: it won’t clear it to free up space.'; },
  get unlimited() { return 'Your browser didn’t promise to keep Tandem’s data for good, but it lets Tandem use as much space as it needs and doesn’t clear it to free up space. Removing Tandem, or clearing its data yourself, still deletes it.'; },
  get 'may-clear'() { return 'Your browser may clear Tandem’s data if this computer runs low on space. The backups below live in the same browser, so now and then export a file and keep it somewhere safe.'; },
  get unknown() { return 'Your browser didn’t say whether it will keep Tandem’s data. Now and then export a file and keep it somewhere safe.'; },
};

/** A file picked to import, checked, and what importing it would change. */
interface Pending {
  text: string;
  from: number;
  file: BackupCounts;
  here: BackupCounts;
}

/**
 * "Your data" in the options page: export everything to a file, import one (checked first, then what it replaces
 * said plainly, then applied by the worker in one transaction), the daily backups, and whether the browser keeps
 * Tandem's storage.
 */
export function YourData() {
  const now = useNow(60_000);
  const [keeping, setKeeping] = useState<Persistence>();
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => void askToKeepStorage().then(setKeeping), []);
  // The question is where the next action is: focus moves to it once a file is checked.
  useEffect(() => void (pending && document.getElementById('import-question')?.focus()), [pending]);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    const size = checkFileSize(file.size);
    const parsed = size.ok ? parseBackup(await file.text(), now) : size;
    if (!parsed.ok) return setMessage({ error: true, text: `${parsed.error} Nothing was changed.` });
    setMessage(null);
    setPending({ text: JSON.stringify(parsed.value), from: parsed.value.exportedAt, file: countsOf(parsed.value), here: await countsHere(getDb()) });
  };
  const apply = async (p: Pending) => {
    setMessage({ error: false, text: 'Importing…' });
    const r = await attempt(send('data.import', { text: p.text }));
    setPending(null);
    setMessage(r.ok ? { error: false, text: `Imported: ${describeCounts(r.value)}.` } : { error: true, text: `${r.error} Nothing was changed.` });
  };

  return (
    <section class="card your-data" id="your-data" data-testid="your-data">
      <h2>Your data</h2>
      <p class="meta">Everything you made in Tandem, in one file you can keep, move to another computer or read.</p>
      <div class="actions">
        <button data-testid="export" onClick={() => void downloadExport(now).catch(() => setMessage({ error: true, text: 'The file couldn’t be made. Please try again.' }))}>
          Export my data
        </button>
        <label>
          Import a file:{' '}
          <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void pick(e.currentTarget)} />
        </label>
      </div>
      {pending && (
        <div class="notice" role="group" aria-labelledby="import-question" data-testid="import-preview">
          <p id="import-question" tabIndex={-1}>
            This file, exported on {dateOf(pending.from)}, holds {describeCounts(pending.file)}. Importing it replaces what is
            here now ({describeCounts(pending.here)}) and your day settings. Your partners here stay as they are; a file
            carries their names only.
          </p>
          <div class="actions">
            <button class="primary" data-testid="import-confirm" onClick={() => void apply(pending)}>Replace my data with this file</button>
            <button class="quiet" data-testid="import-cancel" onClick={() => setPending(null)}>Cancel</button>
          </div>
        </div>
      )}
      {message && (
        <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'} data-testid="your-data-message">{message.text}</p>
      )}
      <BackupList />
      {keeping && <p class="hint" data-testid="storage-kept">{KEEPING[keeping]}</p>}
    </section>
  );
}
