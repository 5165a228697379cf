import type { Commitment } from '@/utils/core/types';
import { describeIntention, suggestKept } from '@/utils/core/review/intentions';
import type { Intention, Kept, WeekReport } from '@/utils/core/review/types';
import { tr } from '@/utils/core/i18n';

const CHOICES: { value: Kept; label: string }[] = [
  { value: 'kept', get label() { return tr('review_kept'); } },
  { value: 'partly', get label() { return tr('review_partly'); } },
  { value: 'not', get label() { return tr('review_not_this_time'); } },
];

/** Last week's plans, each marked kept / partly / not (a guess from the records is offered, the person decides). */
export function LastPlans({ plans, kept, report, commitments, onChange, disabled }: {
  plans: Intention[];
  kept: Record<string, Kept>;
  report: WeekReport;
  commitments: Commitment[];
  onChange: (kept: Record<string, Kept>) => void;
  disabled: boolean;
}) {
  if (plans.length === 0) return <p class="hint">{tr('review_no_plans_were_made_for_this_week')}</p>;
  return (
    <div class="plans" data-testid="last-plans">
      {plans.map((p) => {
        const row = report.commitments.find((c) => c.commitmentId === p.commitmentId);
        const value = kept[p.id] ?? suggestKept(row);
        return (
          <fieldset key={p.id} data-testid="last-plan">
            <legend>{describeIntention(p, commitments.find((c) => c.id === p.commitmentId))}</legend>
            {CHOICES.map((c) => (
              <label key={c.value} class="check">
                <input type="radio" name={`kept-${p.id}`} value={c.value} checked={value === c.value} disabled={disabled}
                  onChange={() => onChange({ ...kept, [p.id]: c.value })} /> {c.label}
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
