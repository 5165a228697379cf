import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CELL, GAP, dayAt, drawHeatmap } from '@/components/heatmap-geometry';
import { heatmap, type DayEntry, type DayOutcome } from '@/utils/core/streak-engine';
import { addDays } from '@/utils/core/days';

const TODAY = '2026-11-25'; // a Wednesday
const PITCH = CELL + GAP;
const judged: DayOutcome[] = ['done', 'missed', 'paused', 'not-active'];

/** 16 weeks of random outcomes up to today (today pending or judged), as the popup's calendar. */
const weeksArb = fc.array(fc.constantFrom(...judged), { minLength: 112, maxLength: 112 }).map((outcomes) => {
  const entries: DayEntry[] = outcomes.map((outcome, i) => ({ day: addDays(TODAY, i - 111), outcome }));
  return heatmap(entries, TODAY, 16, 1);
});

describe('the calendar drawing', () => {
  it('draws each day once, in the layer of its outcome, and counts the days of each outcome exactly', () => {
    fc.assert(
      fc.property(weeksArb, (weeks) => {
        const { width, height, layers } = drawHeatmap(weeks);
        expect([width, height]).toEqual([16 * PITCH, 7 * PITCH]);
        const days = weeks.flatMap((w) => w.days).filter((d) => d.outcome !== 'future');
        for (const o of judged) {
          const want = days.filter((d) => d.outcome === o).length;
          const layer = layers.find((l) => l.outcome === o);
          expect(layer?.days ?? 0).toBe(want);
          // One closed shape per day (a missed day's slash is a second, open, sub-path).
          if (layer) expect(layer.d.match(/z/g)!.length).toBe(want);
        }
        // No empty layers, no future days.
        expect(layers.every((l) => l.days > 0)).toBe(true);
        expect(layers.reduce((n, l) => n + l.days, 0)).toBe(days.length);
      }),
    );
  });

  it('finds the day under a point: inside a cell its day, between cells, outside or in the future nothing', () => {
    fc.assert(
      fc.property(weeksArb, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 6 }), (weeks, col, row) => {
        const day = weeks[col]!.days[row]!;
        const centre = dayAt(weeks, col * PITCH + CELL / 2, row * PITCH + CELL / 2);
        expect(centre).toEqual(day.outcome === 'future' ? null : { day: day.day, outcome: day.outcome });
        expect(dayAt(weeks, col * PITCH + CELL + GAP / 2, row * PITCH + 1)).toBeNull(); // the gap to the right
        expect(dayAt(weeks, col * PITCH + 1, row * PITCH + CELL + GAP / 2)).toBeNull(); // the gap below
      }),
    );
    const weeks = heatmap([], TODAY, 16, 1);
    expect(dayAt(weeks, -1, 5)).toBeNull();
    expect(dayAt(weeks, 16 * PITCH + 1, 5)).toBeNull();
    expect(dayAt(weeks, 5, 7 * PITCH + 1)).toBeNull();
    // Today is a Wednesday: the last column's Thursday is still to come.
    expect(dayAt(weeks, 15 * PITCH + 1, 2 * PITCH + 1)).toEqual({ day: TODAY, outcome: 'not-active' });
    expect(dayAt(weeks, 15 * PITCH + 1, 3 * PITCH + 1)).toBeNull();
  });
});
