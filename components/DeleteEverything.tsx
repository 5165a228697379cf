import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { inventory } from '@/utils/db/queries';
import { whatGoes, type Inventory } from '@/utils/core/deletion';
import { attempt, send } from '@/utils/messages';
import { tr } from '@/utils/core/i18n';

/**
 * "Delete everything" (issue 13): the list of exactly what goes, read from this device when asked, then one
 * confirmation. The safe choice has the focus; after the deletion, the result does.
 */
export function DeleteEverything({ syncs }: { syncs: boolean }) {
  const [asked, setAsked] = useState<Inventory | null>(null);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => keep.current?.focus(), [asked]);
  useEffect(() => said.current?.focus(), [outcome]);

  const confirm = async () => {
    setWorking(true);
    const r = await attempt(send('data.deleteEverything', {}));
    setWorking(false);
    setAsked(null);
    setOutcome(r.ok ? { ok: true, text: tr('delete_everything_everything_tandem_kept_is') } : { ok: false, text: r.error });
  };

  return (
    <section class="card settings" data-testid="delete-everything" aria-labelledby="delete-everything-title">
      <h2 id="delete-everything-title">{tr('delete_everything_delete_everything')}</h2>
      {outcome && <p ref={said} tabIndex={-1} class={outcome.ok ? 'saved' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-testid="delete-outcome">{outcome.text}</p>}
      {asked ? (
        <div role="group" aria-labelledby="delete-everything-title" data-testid="delete-confirm">
          <p>{tr('delete_everything_this_deletes_and_cannot_be')}</p>
          <ul data-testid="delete-list">{whatGoes(asked, syncs).map((line) => <li key={line}>{line}</li>)}</ul>
          <div class="actions">
            <button ref={keep} onClick={() => setAsked(null)} disabled={working}>{tr('delete_everything_keep_my_data')}</button>
            <button class="danger" data-testid="delete-confirm-button" onClick={() => void confirm()} disabled={working}>
              {working ? tr('delete_everything_deleting') : tr('delete_everything_delete_everything')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="meta">{tr('delete_everything_remove_all_your_commitments_and')}{syncs ? tr('delete_everything_and_what_partners_see_of_you') : ''}.</p>
          <div class="actions">
            <button class="quiet" data-testid="delete-everything-button" onClick={async () => { setOutcome(null); setAsked(await inventory(getDb())); }}>
              {tr('delete_everything_delete_everything_2')}</button>
          </div>
        </>
      )}
    </section>
  );
}
