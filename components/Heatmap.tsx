import { useMemo, useState } from 'preact/hooks';
import type { DayOutcome, HeatmapWeek } from '@/utils/core/streak-engine';
import { weekdayName } from '@/utils/core/i18n';
import { weekdayOf } from '@/utils/core/days';
import { CELL, cellPath, dayAt, drawHeatmap, OUTCOMES } from './heatmap-geometry';
import { tr } from '@/utils/core/i18n';

const LABEL: Record<DayOutcome, string> = {
  get done() { return tr('heatmap_done'); },
  get missed() { return tr('heatmap_missed'); },
  get repaired() { return tr('heatmap_repaired'); },
  get 'not-active'() { return tr('heatmap_not_a_commitment_day'); },
  get paused() { return tr('heatmap_paused'); },
  get pending() { return tr('heatmap_today_still_open'); },
};

/** Today's open day is in the calendar but not in the legend. */
const LEGEND = OUTCOMES.filter((o) => o !== 'pending');

/**
 * A calendar of the last weeks, one column per week, drawn as one path per outcome (heatmap-geometry.ts).
 * Outcomes differ by shape as well as colour. The exact figures: the legend counts the days of each outcome,
 * and pointing at a day shows its date and outcome in the legend's place (the screen-reader label has the counts).
 */
export function Heatmap({ weeks, label }: { weeks: HeatmapWeek[]; label: string }) {
  const [pointed, setPointed] = useState<{ day: string; outcome: DayOutcome } | null>(null);
  // The page re-renders every second (countdowns); the drawing changes only with the weeks.
  const { width, height, layers } = useMemo(() => drawHeatmap(weeks), [weeks]);
  const count = (o: DayOutcome) => layers.find((l) => l.outcome === o)?.days ?? 0;
  const point = (e: PointerEvent) => {
    // Into the drawing's own coordinates, whatever CSS does to the SVG's box.
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform((e.currentTarget as SVGSVGElement).getScreenCTM()?.inverse());
    const day = dayAt(weeks, at.x, at.y);
    if (day?.day !== pointed?.day) setPointed(day);
  };
  return (
    <figure class="heatmap">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
        aria-label={tr(count('repaired') ? 'heatmap_summary_repaired' : 'heatmap_summary', { label, done: count('done'), missed: count('missed'), repaired: count('repaired'), weeks: weeks.length })} data-testid="heatmap"
        onPointerMove={point} onPointerLeave={() => setPointed(null)}>
        {layers.map((l) => <path key={l.outcome} class={`cell ${l.outcome}`} data-outcome={l.outcome} data-days={l.days} d={l.d} />)}
      </svg>
      <figcaption class="legend">
        {LEGEND.map((o) => (
          <span key={o} data-testid={`legend-${o}`}>
            <svg width={CELL} height={CELL} aria-hidden="true"><path class={`cell ${o}`} d={cellPath(o, 0, 0)} /></svg> {LABEL[o]} {count(o)}
          </span>
        ))}
        {pointed && (
          <span class="heatmap-day" data-testid="heatmap-day">{`${weekdayName(weekdayOf(pointed.day), 'short')} ${pointed.day}: ${LABEL[pointed.outcome]}`}</span>
        )}
      </figcaption>
    </figure>
  );
}
