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
import { tr } from '@/utils/core/i18n';

const KEEPING: Record<Persistence, string> = {
  get kept() { return tr('your_data_your_browser_has_agreed_to_keep'); },
  get unlimited() { return tr('your_data_your_browser_didnt_promise_to'); },
  get 'may-clear'() { return tr('your_data_your_browser_may_clear_tandems'); },
  get unknown() { return tr('your_data_your_browser_didnt_say_whether'); },
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
    const text = size.ok ? await file.text() : '';
    const parsed = size.ok ? parseBackup(text, now) : size;
    if (!parsed.ok) return setMessage({ error: true, text: tr('your_data_nothing_was_changed', { error: parsed.error }) });
    setMessage(null);
    // The file's own text goes to the worker, which checks it again and keeps only the fields Tandem knows.
    setPending({ text, from: parsed.value.exportedAt, file: countsOf(parsed.value), here: await countsHere(getDb()) });
  };
  const apply = async (p: Pending) => {
    setMessage({ error: false, text: tr('your_data_importing') });
    const r = await attempt(send('data.import', { text: p.text }));
    setPending(null);
    setMessage(r.ok ? { error: false, text: tr('your_data_imported', { value: describeCounts(r.value) }) } : { error: true, text: tr('your_data_nothing_was_changed', { error: r.error }) });
  };

  return (
    <section class="card your-data" id="your-data" data-testid="your-data">
      <h2>{tr('your_data_your_data')}</h2>
      <p class="meta">{tr('your_data_everything_you_made_in_tandem_in')}</p>
      <div class="actions">
        <button data-testid="export" onClick={() => void downloadExport(now).catch(() => setMessage({ error: true, text: tr('your_data_the_file_couldnt_be_made_please') }))}>
          {tr('your_data_export_my_data')}</button>
        <label>
          {tr('your_data_import_a_file')}<input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void pick(e.currentTarget)} />
        </label>
      </div>
      {pending && (
        <div class="notice" role="group" aria-labelledby="import-question" data-testid="import-preview">
          <p id="import-question" tabIndex={-1}>
            {tr('your_data_this_file_exported_on_holds', { value: dateOf(pending.from), value2: describeCounts(pending.file), value3: describeCounts(pending.here) })}</p>
          <div class="actions">
            <button class="primary" data-testid="import-confirm" onClick={() => void apply(pending)}>{tr('your_data_replace_my_data_with_this_file')}</button>
            <button class="quiet" data-testid="import-cancel" onClick={() => setPending(null)}>{tr('your_data_cancel')}</button>
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
