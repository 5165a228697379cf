import type { DayKey } from '@/utils/core/types';
import type { ReviewRatings } from '@/utils/core/review/types';
import { RATINGS } from './RatingsField';
import { tr } from '@/utils/core/i18n';

const W = 22;
const H = 90;

export interface ChartWeek {
  weekStart: DayKey;
  completion: number | null;
  ratings: ReviewRatings;
}

/**
 * The weeks side by side (oldest first): the completion rate as bars, the three ratings as lines (1 low – 5 high),
 * so a change in how the weeks feel shows beside what got done. Each week's figures are in its title.
 */
export function ReviewChart({ weeks }: { weeks: ChartWeek[] }) {
  const width = weeks.length * W;
  const y = (rating: number) => H - ((rating - 1) / 4) * (H - 8) - 4;
  const line = (key: keyof ReviewRatings) =>
    weeks.map((w, i) => (w.ratings[key] ? `${i * W + W / 2},${y(w.ratings[key]!)}` : null)).filter(Boolean).join(' ');
  const rated = weeks.filter((w) => w.ratings.consistency).length;
  return (
    <figure class="review-chart" data-testid="review-chart">
      <figcaption class="hint">
        {tr('review_the_last_weeks_what_got_done', { weeks: weeks.length })}{' '}{rated === 0 ? tr('review_your_ratings_appear_here_from') : tr('review_rated', { rated })}
      </figcaption>
      <svg width={width} height={H} viewBox={`0 0 ${width} ${H}`} role="img" aria-label={tr('review_completion_and_ratings_over_the', { weeks: weeks.length })}>
        {weeks.map((w, i) => {
          const h = (w.completion ?? 0) * (H - 4);
          const words = RATINGS.filter((r) => w.ratings[r.key]).map((r) => `${r.label.toLowerCase()} ${w.ratings[r.key]}`).join(', ');
          return (
            <g key={w.weekStart}>
              <title>{tr('review_week_of', { weekStart: w.weekStart, value: w.completion === null ? tr('review_nothing_due') : tr('review_done', { value: Math.round(w.completion * 100) }), value2: words ? `; ${words}` : '' })}</title>
              <rect class="bar" x={i * W + 3} y={H - h} width={W - 6} height={Math.max(h, 1)} />
            </g>
          );
        })}
        {RATINGS.map((r) => <polyline key={r.key} class={`line ${r.key}`} points={line(r.key)} fill="none" />)}
      </svg>
      <p class="legend hint">
        <span class="key bar-key">{tr('review_done_2')}</span> {RATINGS.map((r) => <span key={r.key} class={`key ${r.key}`}>― {r.label.toLowerCase()} </span>)}
      </p>
    </figure>
  );
}
