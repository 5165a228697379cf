import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeBlockPreview, previewAttempts, previewPage, stableUntil, type BlockPreview } from '@/utils/core/block-preview';
import { dayEndInstant, localInstant } from '@/utils/core/days';
import { progressOf } from '@/utils/core/requirements';
import type { Attempt, AttemptOutcome, Clock, Commitment, DayKey } from '@/utils/core/types';
import type { CommitmentView } from '@/utils/core/today';

const TZ = 'Europe/Berlin';
const WED = '2026-03-04'; // its Monday week started 03-02
const AT_8 = localInstant(WED, 8 * 60, TZ);
const clock = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const MIN = 60_000;

/** A focus commitment's view with `minutes` done today. */
const view = (id: string, minutes = 0, title = `Title ${id}`): CommitmentView => ({
  commitment: { id, title, why: '', requirement: { kind: 'focus', minutes: 45 } } as Commitment,
  today: { day: WED, status: 'pending', progress: { ...progressOf({ kind: 'focus', minutes: 45 }, { sessions: [], checkIns: [] }, 0), value: minutes }, windowEnd: null },
  streak: { current: 3, best: 3, rate30: null, unit: 'day' },
  heatmap: [], checkIns: [], canLogYesterday: false,
});
let n = 0;
const attempt = (day: DayKey, at: number, commitmentId = 'c1', outcome: AttemptOutcome = 'turned-back'): Attempt => ({ id: `a${++n}`, commitmentId, day, at, outcome });

describe('stableUntil', () => {
  it('is the end when nothing changes, and the last unchanged instant before a change, to the precision', () => {
    expect(stableUntil(0, 10_000, () => 'same')).toBe(10_000);
    expect(stableUntil(0, 10_000, (t) => (t < 4_321 ? 'a' : 'b'), 1)).toBe(4_320);
  });

  it('never lasts past the change, and ends no more than the precision before it (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 2, max: 1e8 }), fc.double({ min: 0, max: 1, noNaN: true }), (from, span, where) => {
      const change = from + 1 + Math.floor(where * (span - 2)); // within (from, from + span)
      const until = stableUntil(from, from + span, (t) => (t < change ? 'before' : 'after'));
      expect(until).toBeLessThan(change);
      expect(change - until).toBeLessThanOrEqual(1000 + 1);
    }));
  });
});

describe('composeBlockPreview', () => {
  it('lasts until the gate may change when what it shows holds still', () => {
    const p = composeBlockPreview(() => [view('c1')], [], clock(AT_8), AT_8 + 2 * 60 * MIN);
    expect(p).toMatchObject({ day: WED, at: AT_8, until: AT_8 + 2 * 60 * MIN });
  });

  it('never lasts past the end of the day', () => {
    const end = dayEndInstant(WED, TZ, 240);
    expect(composeBlockPreview(() => [view('c1')], [], clock(AT_8), end + 5 * 60 * MIN).until).toBe(end);
  });

  it('ends before a running session adds its next minute', () => {
    const running = (at: number) => [view('c1', Math.floor((at - AT_8 + 20_000) / MIN))]; // 20 s into minute 0
    const until = composeBlockPreview(running, [], clock(AT_8), AT_8 + 60 * MIN).until;
    expect(until).toBeLessThan(AT_8 + 40_000);
    expect(until).toBeGreaterThanOrEqual(AT_8 + 40_000 - 1001);
  });

  it('keeps this week’s arrivals of the commitments it shows that can count as turned back', () => {
    const kept = [attempt(WED, 1), attempt('2026-03-02', 2, 'c1', 'started-session')];
    const dropped = [attempt(WED, 3, 'c1', 'went-anyway'), attempt('2026-03-01', 4), attempt(WED, 5, 'other')];
    expect(composeBlockPreview(() => [view('c1')], [...kept, ...dropped], clock(AT_8), AT_8 + MIN).attempts).toEqual(kept);
    expect(previewAttempts([...kept, ...dropped], new Set(['c1']), WED, 1)).toEqual(kept);
  });
});

describe('previewPage', () => {
  const earlier = attempt(WED, AT_8 - 10 * MIN);
  const preview: BlockPreview = { day: WED, at: AT_8, until: AT_8 + 60 * MIN, views: [view('c1'), view('c2')], attempts: [earlier, attempt(WED, AT_8 - 10 * MIN, 'c2')] };

  it('shows only the commitments gating this page, with how often the person turned back', () => {
    const page = previewPage(preview, ['c2'], clock(AT_8 + MIN));
    expect(page?.views.map((v) => v.commitment.id)).toEqual(['c2']);
    expect(page?.turnedBack).toEqual({ today: 1, week: 1 });
    expect(previewPage(preview, ['c1', 'c2'], clock(AT_8 + MIN))?.turnedBack).toEqual({ today: 1, week: 1 }); // one visit
  });

  it('leaves the visit under way out of the counts (a reload)', () => {
    expect(previewPage(preview, ['c1'], clock(AT_8 + MIN), [earlier.id])?.turnedBack).toEqual({ today: 0, week: 0 });
  });

  it('gives nothing when missing, when it lacks a commitment gating the page, or outside its time', () => {
    expect(previewPage(null, ['c1'], clock(AT_8))).toBeNull();
    expect(previewPage(preview, ['c1', 'c3'], clock(AT_8))).toBeNull();
    expect(previewPage(preview, [], clock(AT_8))).toBeNull();
    expect(previewPage(preview, ['c1'], clock(AT_8 + 60 * MIN))).toBeNull();
    expect(previewPage(preview, ['c1'], clock(AT_8 - 1))).toBeNull();
    expect(previewPage({ ...preview, until: AT_8 + 48 * 60 * MIN }, ['c1'], clock(AT_8 + 24 * 60 * MIN))).toBeNull(); // tomorrow
  });

  it('never shows a commitment the gate does not hold now (property)', () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    fc.assert(fc.property(fc.subarray(ids), fc.subarray(ids), (held, gating) => {
      const p: BlockPreview = { ...preview, views: held.map((id) => view(id)) };
      const page = previewPage(p, gating, clock(AT_8 + MIN));
      if (page) expect(page.views.map((v) => v.commitment.id).sort()).toEqual([...gating].sort());
      else expect(gating.length === 0 || gating.some((id) => !held.includes(id))).toBe(true);
    }));
  });
});
