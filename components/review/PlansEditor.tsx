import type { Commitment } from '@/utils/core/types';
import { formatClockTime, parseClockTime } from '@/utils/core/days';
import { ACTION_MAX, CUE_TEXT_MAX, INTENTIONS_MAX, MOMENTS, describeIntention } from '@/utils/core/review/intentions';
import type { Cue, Intention } from '@/utils/core/review/types';
import { tr } from '@/utils/core/i18n';

const OWN = '__own__';
const CUE_KINDS: { kind: Cue['kind']; label: string }[] = [
  { kind: 'moment', get label() { return tr('review_cue_moment'); } },
  { kind: 'time', get label() { return tr('review_cue_time'); } },
  { kind: 'place', get label() { return tr('review_cue_place'); } },
];
const cueOf = (kind: Cue['kind']): Cue =>
  kind === 'time' ? { kind, minutes: 9 * 60 } : kind === 'place' ? { kind, place: '' } : { kind, moment: MOMENTS[0]!.id };

/** The coming week's 1–3 if-then plans: a cue (a time, a place or a moment) and one of the person's commitments. */
export function PlansEditor({ plans, commitments, onChange, disabled, newId }: {
  plans: Intention[];
  commitments: Commitment[];
  onChange: (plans: Intention[]) => void;
  disabled: boolean;
  newId: () => string;
}) {
  const set = (i: number, patch: Partial<Intention>) => onChange(plans.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div class="plans-editor">
      {plans.map((p, i) => {
        const own = p.cue.kind === 'moment' && !MOMENTS.some((m) => m.id === (p.cue as { moment: string }).moment);
        return (
          <fieldset key={p.id} class="plan" data-testid="plan">
            <legend>{tr('review_plan', { value: i + 1 })}</legend>
            <div class="plan-row">
              <label>
                {tr('review_if')}<select data-testid="cue-kind" value={p.cue.kind} disabled={disabled} onChange={(e) => set(i, { cue: cueOf(e.currentTarget.value as Cue['kind']) })}>
                  {CUE_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
                </select>
              </label>
              {p.cue.kind === 'time' && (
                <label>{tr('review_at_2')}{' '}<input type="time" data-testid="cue-time" value={formatClockTime(p.cue.minutes)} disabled={disabled}
                  onChange={(e) => { const t = parseClockTime(e.currentTarget.value); if (t.ok) set(i, { cue: { kind: 'time', minutes: t.value } }); }} /></label>
              )}
              {p.cue.kind === 'place' && (
                <label>{tr('review_when_i_am_at')}{' '}<input data-testid="cue-place" value={p.cue.place} maxLength={CUE_TEXT_MAX} placeholder={tr('review_my_desk')} disabled={disabled}
                  onInput={(e) => set(i, { cue: { kind: 'place', place: e.currentTarget.value } })} /></label>
              )}
              {p.cue.kind === 'moment' && (
                <label>{tr('review_when')}<select data-testid="cue-moment" value={own ? OWN : p.cue.moment} disabled={disabled}
                    onChange={(e) => set(i, { cue: { kind: 'moment', moment: e.currentTarget.value === OWN ? '' : e.currentTarget.value } })}>
                    {MOMENTS.map((m) => <option key={m.id} value={m.id}>{m.words}</option>)}
                    <option value={OWN}>{tr('review_in_my_own_words')}</option>
                  </select>
                </label>
              )}
              {own && p.cue.kind === 'moment' && (
                <label>{tr('review_when')}{' '}<input data-testid="cue-own" value={p.cue.moment} maxLength={CUE_TEXT_MAX} placeholder={tr('review_i_sit_down_after_dinner')} disabled={disabled}
                  onInput={(e) => set(i, { cue: { kind: 'moment', moment: e.currentTarget.value } })} /></label>
              )}
            </div>
            <div class="plan-row">
              <label>{tr('review_then_i_will')}{' '}<input data-testid="plan-action" value={p.action} maxLength={ACTION_MAX} placeholder={tr('review_start_the_focus_session')} disabled={disabled}
                onInput={(e) => set(i, { action: e.currentTarget.value })} /></label>
              <label>{tr('review_for')}<select data-testid="plan-commitment" value={p.commitmentId} disabled={disabled} onChange={(e) => set(i, { commitmentId: e.currentTarget.value })}>
                  {commitments.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
                </select>
              </label>
            </div>
            <p class="hint" data-testid="plan-sentence">{describeIntention(p, commitments.find((c) => c.id === p.commitmentId))}</p>
            <button type="button" class="quiet" disabled={disabled} onClick={() => onChange(plans.filter((_, j) => j !== i))}>{tr('review_remove_this_plan')}</button>
          </fieldset>
        );
      })}
      {plans.length < INTENTIONS_MAX && commitments.length > 0 && (
        <button type="button" data-testid="add-plan" disabled={disabled}
          onClick={() => onChange([...plans, { id: newId(), cue: cueOf('moment'), commitmentId: commitments[0]!.id, action: '' }])}>
          {plans.length === 0 ? tr('review_make_a_plan') : tr('review_add_another_plan')}
        </button>
      )}
    </div>
  );
}
