import { OBSTACLES } from '@/utils/core/review/obstacles';
import { NOTES_MAX } from '@/utils/core/review/intentions';
import { tr } from '@/utils/core/i18n';

/** What got in the way: common obstacles with a strategy each, and the person's own words. */
export function ObstaclesField({ picked, notes, onChange, disabled }: {
  picked: string[];
  notes: string;
  onChange: (patch: { obstacles?: string[]; notes?: string }) => void;
  disabled: boolean;
}) {
  return (
    <div class="obstacles">
      <fieldset>
        <legend>{tr('review_did_any_of_these_get_in_the_way')}</legend>
        {OBSTACLES.map((o) => (
          <label key={o.id} class="check obstacle">
            <input type="checkbox" data-testid={`obstacle-${o.id}`} checked={picked.includes(o.id)} disabled={disabled}
              onChange={(e) => onChange({ obstacles: e.currentTarget.checked ? [...picked, o.id] : picked.filter((x) => x !== o.id) })} />{' '}
            {o.obstacle}
            {picked.includes(o.id) && <span class="strategy"> {' '}{tr('review_try', { strategy: o.strategy })}</span>}
          </label>
        ))}
      </fieldset>
      <label class="field">
        {tr('review_obstacles_and_strategies_in_your')}<textarea data-testid="review-notes" rows={4} maxLength={NOTES_MAX} value={notes} disabled={disabled}
          placeholder={tr('review_what_got_in_the_way_and_what')} onInput={(e) => onChange({ notes: e.currentTarget.value })} />
      </label>
    </div>
  );
}
