import type { DayOutcome, HeatmapWeek } from '@/utils/core/streak-engine';
import { WEEKDAY_SHORT } from '@/utils/core/format';
import { weekdayOf } from '@/utils/core/days';

const CELL = 11;
const GAP = 2;
const LABEL: Record<DayOutcome, string> = {
  done: 'done',
  missed: 'missed',
  'not-active': 'not a commitment day',
  paused: 'paused',
  pending: 'today, still open',
};

/**
 * A calendar of the last weeks, one column per week. Outcomes differ by shape as well as colour:
 * done is a filled square, missed an outlined square with a slash, paused a dashed outline,
 * a day off a small dot. Each cell's title gives the date and outcome.
 */
export function Heatmap({ weeks, label }: { weeks: HeatmapWeek[]; label: string }) {
  const counts = weeks.flatMap((w) => w.days).reduce<Record<string, number>>((acc, d) => ((acc[d.outcome] = (acc[d.outcome] ?? 0) + 1), acc), {});
  const width = weeks.length * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  return (
    <figure class="heatmap">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
        aria-label={`${label}: ${counts.done ?? 0} done, ${counts.missed ?? 0} missed over the last ${weeks.length} weeks`} data-testid="heatmap">
        {weeks.map((w, x) => w.days.map((d, y) => d.outcome === 'future' ? null : (
          <g key={d.day} transform={`translate(${x * (CELL + GAP)} ${y * (CELL + GAP)})`} class={`cell ${d.outcome}`} data-outcome={d.outcome}>
            <title>{`${WEEKDAY_SHORT[weekdayOf(d.day)]} ${d.day}: ${LABEL[d.outcome]}`}</title>
            <Cell outcome={d.outcome} />
          </g>
        )))}
      </svg>
      <figcaption class="legend">
        {(['done', 'missed', 'paused', 'not-active'] as const).map((o) => (
          <span key={o}>
            <svg width={CELL} height={CELL} aria-hidden="true" class={`cell ${o}`}><Cell outcome={o} /></svg> {LABEL[o]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function Cell({ outcome }: { outcome: DayOutcome }) {
  switch (outcome) {
    case 'done':
      return <rect width={CELL} height={CELL} rx={2} />;
    case 'missed':
      return (
        <>
          <rect x={0.5} y={0.5} width={CELL - 1} height={CELL - 1} rx={2} fill="none" />
          <line x1={2} y1={CELL - 2} x2={CELL - 2} y2={2} />
        </>
      );
    case 'paused':
      return <rect x={0.5} y={0.5} width={CELL - 1} height={CELL - 1} rx={2} fill="none" stroke-dasharray="2 2" />;
    case 'pending':
      return <rect x={0.5} y={0.5} width={CELL - 1} height={CELL - 1} rx={2} fill="none" />;
    case 'not-active':
      return <circle cx={CELL / 2} cy={CELL / 2} r={1.5} />;
  }
}
