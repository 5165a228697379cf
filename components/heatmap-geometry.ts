import type { DayOutcome, HeatmapWeek } from '@/utils/core/streak-engine';

/**
 * The calendar's drawing, kept apart from the component so it can be tested without a DOM.
 *
 * All the days with one outcome are one SVG path (one sub-path per day), so a 16-week calendar is five elements,
 * not ~500: the popup draws 20 of them right after its first paint, and ~10,000 elements cost ~25 ms of a
 * ~100 ms tail on the test machine. The shapes differ by more than colour (done: a filled square; repaired: a square
 * within a square; missed: an
 * outlined square with a slash; paused: a dashed outline; today, still open: an outline; a day off: a small dot).
 */

export const CELL = 11;
export const GAP = 2;
const PITCH = CELL + GAP;

/** Every outcome a day can have, in drawing order (the legend follows it, leaving out today's `pending`). */
export const OUTCOMES = ['done', 'repaired', 'missed', 'paused', 'pending', 'not-active'] as const satisfies readonly DayOutcome[];

/** A square with rounded corners, as a closed sub-path; inset by `inset` on every side (for outlines). */
function square(x: number, y: number, inset: number): string {
  const r = 2;
  const s = CELL - 2 * inset - 2 * r;
  const x0 = x + inset + r;
  const y0 = y + inset;
  return `M${x0} ${y0}h${s}a${r} ${r} 0 0 1 ${r} ${r}v${s}a${r} ${r} 0 0 1 -${r} ${r}h-${s}a${r} ${r} 0 0 1 -${r} -${r}v-${s}a${r} ${r} 0 0 1 ${r} -${r}z`;
}

/** One day's shape at (x, y), the cell's top left corner. */
export function cellPath(outcome: DayOutcome, x: number, y: number): string {
  switch (outcome) {
    case 'done':
      return square(x, y, 0);
    case 'missed':
      return `${square(x, y, 0.5)}M${x + 2} ${y + CELL - 2}L${x + CELL - 2} ${y + 2}`;
    case 'repaired':
      // A square within a square: missed, then mended — never the filled square of a day done.
      return `${square(x, y, 0.5)}${square(x, y, 3)}`;
    case 'paused':
    case 'pending':
      return square(x, y, 0.5);
    case 'not-active': {
      const r = 1.5;
      const cx = x + CELL / 2;
      const cy = y + CELL / 2;
      return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 -${2 * r} 0z`;
    }
  }
}

export interface HeatmapDrawing {
  width: number;
  height: number;
  /** Per outcome that occurs: the path of all its days and how many days that is. */
  layers: { outcome: DayOutcome; d: string; days: number }[];
}

/** The calendar as one path per outcome: a column per week, a row per weekday; future days and days before the first are left blank. */
export function drawHeatmap(weeks: readonly HeatmapWeek[]): HeatmapDrawing {
  const paths = new Map<DayOutcome, { d: string[]; days: number }>();
  weeks.forEach((w, col) =>
    w.days.forEach((day, row) => {
      if (day.outcome === 'future' || day.outcome === 'before') return;
      let layer = paths.get(day.outcome);
      if (!layer) paths.set(day.outcome, (layer = { d: [], days: 0 }));
      layer.d.push(cellPath(day.outcome, col * PITCH, row * PITCH));
      layer.days++;
    }),
  );
  return {
    width: weeks.length * PITCH,
    height: 7 * PITCH,
    layers: OUTCOMES.flatMap((outcome) => {
      const layer = paths.get(outcome);
      return layer ? [{ outcome, d: layer.d.join(''), days: layer.days }] : [];
    }),
  };
}

/** The day under a point of the drawing (its own coordinates), or null between cells, outside, in the future or before the first day. */
export function dayAt(weeks: readonly HeatmapWeek[], x: number, y: number): { day: string; outcome: DayOutcome } | null {
  const col = Math.floor(x / PITCH);
  const row = Math.floor(y / PITCH);
  if (x - col * PITCH >= CELL || y - row * PITCH >= CELL) return null;
  const day = weeks[col]?.days[row];
  return day && day.outcome !== 'future' && day.outcome !== 'before' ? { day: day.day, outcome: day.outcome } : null;
}
