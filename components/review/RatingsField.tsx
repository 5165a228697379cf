import type { Rating, ReviewRatings } from '@/utils/core/review/types';
import { tr } from '@/utils/core/i18n';

export const RATINGS: { key: keyof ReviewRatings; label: string; low: string; high: string }[] = [
  { key: 'consistency', get label() { return tr('review_consistency'); }, get low() { return tr('review_all_over_the_place'); }, get high() { return tr('review_steady'); } },
  { key: 'confidence', get label() { return tr('review_confidence'); }, get low() { return tr('review_shaky'); }, get high() { return tr('review_sure_of_myself'); } },
  { key: 'stress', get label() { return tr('review_stress'); }, get low() { return tr('review_calm'); }, get high() { return tr('review_very_stressed'); } },
];

/** Three ratings 1–5: how the week felt, not only what got done. */
export function RatingsField({ ratings, onChange, disabled }: { ratings: ReviewRatings; onChange: (r: ReviewRatings) => void; disabled: boolean }) {
  return (
    <div class="ratings">
      {RATINGS.map((r) => (
        <fieldset key={r.key} data-testid={`rating-${r.key}`}>
          <legend>{r.label} <span class="hint">(1 {r.low} – 5 {r.high})</span></legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="check">
              <input type="radio" name={`rating-${r.key}`} value={n} checked={ratings[r.key] === n} disabled={disabled}
                onChange={() => onChange({ ...ratings, [r.key]: n as Rating })} /> {n}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
