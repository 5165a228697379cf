import type { Rating, ReviewRatings } from '@/utils/core/review/types';

export const RATINGS: { key: keyof ReviewRatings; label: string; low: string; high: string }[] = [
  { key: 'consistency', label: 'Consistency', low: 'all over the place', high: 'steady' },
  { key: 'confidence', label: 'Confidence', low: 'shaky', high: 'sure of myself' },
  { key: 'stress', label: 'Stress', low: 'calm', high: 'very stressed' },
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
