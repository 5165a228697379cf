import type { WeekAttempts } from '@/utils/core/attempt-stats';
import { heldShare } from '@/utils/core/attempt-stats';
import { tr, trCount } from '@/utils/core/i18n';

const BAR = 14;
const GAP = 6;
const HEIGHT = 48;

/**
 * The block-page record as small weekly bars: the lower part the times the person held back (turned back
 * or started the session), the upper part the times they went anyway. Titles give the exact figures.
 */
export function AttemptChart({ weeks, days }: { weeks: WeekAttempts[]; days: { day: string; total: number; wentAnyway: number }[] }) {
  const dayMax = Math.max(1, ...days.map((d) => d.total));
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const share = heldShare(weeks);
  const total = weeks.reduce((n, w) => n + w.total, 0);
  const width = weeks.length * (BAR + GAP);
  return (
    <figure class="attempts" data-testid="attempt-chart">
      <figcaption>
        {total === 0
          ? tr('attempt_chart_no_visits_to_the_block_page_in')
          : tr('attempt_chart_at_the_pause_in_weeks_held_back', { total, value: total === 1 ? 'arrival' : 'arrivals', weeks: weeks.length, value2: Math.round(share! * 100) })}
      </figcaption>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={tr('attempt_chart_arrivals_at_the_block_page_by')}>
        {weeks.map((w, i) => {
          const held = w.total - w.counts['went-anyway'];
          const hHeld = (held / max) * HEIGHT;
          const hWent = (w.counts['went-anyway'] / max) * HEIGHT;
          return (
            <g key={w.weekStart} transform={`translate(${i * (BAR + GAP)} 0)`}>
              <title>{tr('attempt_chart_week_of_arrivals_turned_back', { weekStart: w.weekStart, total: w.total, value: w.counts['turned-back'], value2: w.counts['started-session'], value3: w.counts['went-anyway'] })}</title>
              <rect class="held" x={0} y={HEIGHT - hHeld} width={BAR} height={hHeld} />
              <rect class="went" x={0} y={HEIGHT - hHeld - hWent} width={BAR} height={hWent} />
              {w.total === 0 && <rect class="none" x={0} y={HEIGHT - 1} width={BAR} height={1} />}
            </g>
          );
        })}
      </svg>
      <svg width={days.length * 8} height={20} viewBox={`0 0 ${days.length * 8} 20`} role="img" aria-label={tr('attempt_chart_arrivals_per_day_last_days', { days: days.length })} data-testid="attempts-by-day">
        {days.map((d, i) => (
          <g key={d.day} transform={`translate(${i * 8} 0)`}>
            <title>{`${d.day}: ${trCount('attempt_chart_arrivals', d.total)}${d.wentAnyway ? tr('attempt_chart_went_anyway', { wentAnyway: d.wentAnyway }) : ''}`}</title>
            <rect class={d.total ? 'held' : 'none'} x={0} y={20 - Math.max(1, (d.total / dayMax) * 20)} width={6} height={Math.max(1, (d.total / dayMax) * 20)} />
          </g>
        ))}
      </svg>
    </figure>
  );
}
