import type { Rating, ReviewRatings } from '@/utils/core/review/types';

export const RATINGS: { key: keyof ReviewRatings; label: string; low: string; high: string }[] = [
  { key: 'consistency', get label() { return 'Consistency'; }, get low() { return 'all over the place'; }, get high() { return 'steady'; } },
  { key: 'confidence', get label() { return 'Confidence'; }, get low() { return 'shaky'; }, get high() { return 'sure of myself'; } },
  { key: 'stress', get label() { return 'Stress'; }, get low() { return 'calm'; }, get high() { return 'very stressed'; } },
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
