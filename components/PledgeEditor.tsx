import { useState } from 'preact/hooks';
import type { Commitment, Result } from '@/utils/core/types';
import { describePledge, PLEDGE_STAKE_MAX } from '@/utils/core/pledge';
import { tr } from '@/utils/core/i18n';

/**
 * A commitment's pledge in the options page (issue 11): shown in words, set or changed in a small form, removed.
 * Nothing is paid through Tandem: the stake is the person's own words, and they say when they kept it.
 */
export function PledgeEditor({ c, save }: { c: Commitment; save: (pledge: { misses: number; stake: string } | null) => Promise<Result<unknown>> }) {
  const [open, setOpen] = useState(false);
  const [misses, setMisses] = useState(String(c.pledge?.misses ?? 2));
  const [stake, setStake] = useState(c.pledge?.stake ?? '');
  const [error, setError] = useState<string | null>(null);
  const answer = (r: Result<unknown>) => {
    setError(r.ok ? null : r.error);
    if (r.ok) setOpen(false);
  };
  if (!open) {
    return (
      <p class="hint" data-testid="pledge">
        {c.pledge ? <>{tr('pledge_editor_pledge', { value: describePledge(c.pledge) })}{' '}</> : null}
        <button class="link" data-testid="edit-pledge" onClick={() => setOpen(true)}>{c.pledge ? tr('pledge_editor_change_the_pledge') : tr('pledge_editor_add_a_pledge')}</button>
        {c.pledge && <> · <button class="link" data-testid="remove-pledge" onClick={async () => answer(await save(null))}>{tr('pledge_editor_remove_it')}</button></>}
        {error && <span class="error" role="alert"> {error}</span>}
      </p>
    );
  }
  return (
    <form class="pause-form" data-testid="pledge-form" onSubmit={async (e) => {
      e.preventDefault();
      answer(await save({ misses: Number(misses), stake }));
    }}>
      <label>{tr('pledge_editor_if_i_miss')}<select data-testid="pledge-misses" value={misses} onChange={(e) => setMisses(e.currentTarget.value)}>
          {[1, 2, 3, 4, 5, 6, 7].map((n) => <option key={n} value={String(n)}>{n === 1 ? tr('pledge_editor_a_day') : tr('pledge_editor_days', { n })}</option>)}
        </select>
        {tr('pledge_editor_in_a_week_i_will')}</label>
      <input type="text" data-testid="pledge-stake" aria-label={tr('pledge_editor_what_you_will_do')} placeholder={tr('pledge_editor_give_10_to_the_climbing_club')} maxLength={PLEDGE_STAKE_MAX} value={stake} onInput={(e) => setStake(e.currentTarget.value)} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="actions">
        <button type="submit" class="primary" data-testid="save-pledge">{tr('pledge_editor_save_the_pledge')}</button>
        <button type="button" onClick={() => setOpen(false)}>{tr('pledge_editor_cancel')}</button>
      </div>
    </form>
  );
}
