import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TRACKER,
  foldSegments,
  projectedCompletion,
  secondsOn,
  track,
  worthStoring,
  type Segment,
  type SiteDay,
  type TrackerState,
  type VisitEvent,
} from '@/utils/core/tracking';
import { dayKeyAt } from '@/utils/core/days';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const THR = MIN; // idle threshold used throughout
const OPTS = { idleThresholdMs: THR };
const BERLIN = 'Europe/Berlin';
const T0 = Date.parse('2026-03-10T09:00:00Z'); // a Tuesday morning in Berlin (10:00 CET)

const focus = (at: number, site: string | null): VisitEvent => ({ kind: 'focus', at, site });
const idle = (at: number, state: 'active' | 'idle' | 'locked'): VisitEvent => ({ kind: 'idle', at, state });
const beat = (at: number): VisitEvent => ({ kind: 'heartbeat', at });
const startup = (at: number): VisitEvent => ({ kind: 'startup', at });
const seg = (site: string, start: number, end: number): Segment => ({ site, start, end });

/**
 * Runs events through the tracker, storing the state as JSON between events as the worker would: every state,
 * or with `onlyWorthStoring` only those worthStoring asks for (the worker's way).
 */
function run(events: VisitEvent[], from: TrackerState = EMPTY_TRACKER, { onlyWorthStoring = false } = {}) {
  let state = from;
  const segments: Segment[] = [];
  for (const e of events) {
    const r = track(JSON.parse(JSON.stringify(state)) as TrackerState, e, OPTS);
    if (!onlyWorthStoring || worthStoring(state, r.state, r.closed)) state = r.state;
    segments.push(...r.closed);
  }
  return { state, segments };
}

const at = (s: number) => T0 + s * SEC;

describe('track: event sequences', () => {
  it('switching tabs between two tracked sites closes one segment and opens the next', () => {
    const { state, segments } = run([focus(at(0), 'a'), beat(at(30)), focus(at(50), 'b'), beat(at(80)), focus(at(100), null)]);
    expect(segments).toEqual([seg('a', at(0), at(50)), seg('b', at(50), at(100))]);
    expect(state.open).toBeNull();
  });

  it('an untracked site in between is not counted; coming back starts a new visit', () => {
    const { segments } = run([focus(at(0), 'a'), focus(at(40), null), focus(at(90), 'a'), beat(at(120)), focus(at(150), 'b')]);
    expect(segments).toEqual([seg('a', at(0), at(40)), seg('a', at(90), at(150))]);
  });

  it('a focus event on the same site (navigation within it) continues the segment', () => {
    const { state, segments } = run([focus(at(0), 'a'), focus(at(20), 'a'), focus(at(45), 'a')]);
    expect(segments).toEqual([]);
    expect(state.open).toEqual({ site: 'a', since: at(0), confirmedAt: at(45) });
  });

  it('losing window focus ends the segment; refocusing the window resumes', () => {
    const { state, segments } = run([focus(at(0), 'a'), focus(at(25), null), focus(at(300), 'a')]);
    expect(segments).toEqual([seg('a', at(0), at(25))]);
    expect(state.open).toEqual({ site: 'a', since: at(300), confirmedAt: at(300) });
  });

  it('going idle ends the segment at most one threshold after the last confirmation; activity resumes the focused site', () => {
    const { state, segments } = run([
      focus(at(0), 'a'),
      beat(at(20)),
      idle(at(100), 'idle'), // 80 s after the heartbeat: capped at 20 + 60
      focus(at(200), 'b'), // switched while idle: remembered, not counted
      idle(at(300), 'active'),
      focus(at(330), null),
    ]);
    expect(segments).toEqual([seg('a', at(0), at(80)), seg('b', at(300), at(330))]);
    expect(state).toMatchObject({ open: null, idle: false, focusedSite: null });
  });

  it('idle reported soon after a confirmation ends the segment at the event', () => {
    const { segments } = run([focus(at(0), 'a'), beat(at(30)), idle(at(70), 'idle')]);
    expect(segments).toEqual([seg('a', at(0), at(70))]);
  });

  it('locking the screen ends the segment at once; unlocking resumes the same site', () => {
    const { state, segments } = run([focus(at(0), 'a'), beat(at(30)), idle(at(40), 'locked'), beat(at(70)), idle(at(100), 'active')]);
    expect(segments).toEqual([seg('a', at(0), at(40))]);
    expect(state.open).toEqual({ site: 'a', since: at(100), confirmedAt: at(100) });
  });

  it('a worker death between events never counts the hours in between', () => {
    const before = run([focus(at(0), 'a'), beat(at(30))]).state;
    // The worker is stopped; hours later the stored state comes back unchanged with the next event.
    const later = T0 + 3 * HOUR;
    const { state, segments } = run([focus(later, 'b')], before);
    expect(segments).toEqual([seg('a', at(0), at(30) + THR)]);
    expect(state.open).toEqual({ site: 'b', since: later, confirmedAt: later });
  });

  it('a heartbeat or same-site focus after a long silence cuts the silence out of the segment', () => {
    const later = T0 + 2 * HOUR;
    const { state, segments } = run([focus(at(0), 'a'), beat(at(30)), beat(later)]);
    expect(segments).toEqual([seg('a', at(0), at(90))]);
    expect(state.open).toEqual({ site: 'a', since: later, confirmedAt: later });
    const again = run([focus(at(0), 'a'), focus(later, 'a')]);
    expect(again.segments).toEqual([seg('a', at(0), at(60))]);
  });

  it('a browser restart ends the old segment at its last confirmation and waits for the focused tab', () => {
    const { state, segments } = run([focus(at(0), 'a'), beat(at(30)), startup(T0 + 10 * HOUR), beat(T0 + 10 * HOUR + 40 * SEC)]);
    expect(segments).toEqual([seg('a', at(0), at(30))]);
    expect(state).toMatchObject({ open: null, idle: false, focusedSite: null });
  });

  it('a clock going backwards yields no negative or overlapping segments', () => {
    const { state, segments } = run([
      focus(at(1000), 'a'),
      focus(at(900), 'b'), // earlier than a's start: taken as at(1000)
      beat(at(950)),
      focus(at(1030), 'c'),
      focus(at(500), null),
    ]);
    // a closed at its own start (dropped), b ran 1000–1030, c closed at its own start (dropped).
    expect(segments).toEqual([seg('b', at(1000), at(1030))]);
    expect(state.lastAt).toBe(at(1030));
  });

  it('the state is small plain JSON', () => {
    const { state } = run([focus(at(0), 'a'), idle(at(10), 'locked')]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.parse(JSON.stringify(EMPTY_TRACKER))).toEqual(EMPTY_TRACKER);
  });
});

describe('foldSegments: days', () => {
  const berlin = (local: string) => Date.parse(`${local}+01:00`); // CET, before the DST change
  const rows = (days: SiteDay[]) => days.map((d) => [d.day, d.site, d.seconds, d.visits]);

  it('splits a segment across midnight when the day starts at midnight', () => {
    const days = foldSegments([], [seg('a', berlin('2026-03-10T23:30'), berlin('2026-03-11T00:45'))], BERLIN, 0);
    expect(rows(days)).toEqual([['2026-03-10', 'a', 1800, 1], ['2026-03-11', 'a', 2700, 0]]);
  });

  it('keeps a late night in the day before, and splits at the day start instead', () => {
    const night = foldSegments([], [seg('a', berlin('2026-03-10T23:30'), berlin('2026-03-11T00:30'))], BERLIN, 240);
    expect(rows(night)).toEqual([['2026-03-10', 'a', 3600, 1]]);
    const dawn = foldSegments([], [seg('a', berlin('2026-03-11T03:30'), berlin('2026-03-11T04:10'))], BERLIN, 240);
    expect(rows(dawn)).toEqual([['2026-03-10', 'a', 1800, 1], ['2026-03-11', 'a', 600, 0]]);
  });

  it('splits at the right instant across the DST change (Europe/Berlin, 2026-03-29)', () => {
    // 04:00 CEST on the 29th is 02:00Z; the 29th with midnight day starts lasts 23 hours.
    const across = foldSegments([], [seg('a', Date.parse('2026-03-29T01:00Z'), Date.parse('2026-03-29T03:00Z'))], BERLIN, 240);
    expect(rows(across)).toEqual([['2026-03-28', 'a', 3600, 1], ['2026-03-29', 'a', 3600, 0]]);
    const whole = foldSegments([], [seg('a', Date.parse('2026-03-28T22:30Z'), Date.parse('2026-03-29T22:30Z'))], BERLIN, 0);
    expect(rows(whole)).toEqual([['2026-03-28', 'a', 1800, 1], ['2026-03-29', 'a', 23 * 3600, 0], ['2026-03-30', 'a', 1800, 0]]);
  });

  it('adds to existing totals without changing them, counting a visit on the day it started', () => {
    const existing: SiteDay[] = [{ site: 'a', day: '2026-03-10', seconds: 10, visits: 1 }];
    const copy = structuredClone(existing);
    const days = foldSegments(existing, [seg('a', at(0), at(5)), seg('b', at(0), at(7)), seg('a', at(10), at(10))], BERLIN, 240);
    expect(existing).toEqual(copy);
    expect(rows(days)).toEqual([['2026-03-10', 'a', 15, 2], ['2026-03-10', 'b', 7, 1]]);
  });
});

describe('secondsOn and projectedCompletion', () => {
  const DAY = '2026-03-10';
  const folded: SiteDay[] = [
    { site: 'a', day: DAY, seconds: 600, visits: 2 },
    { site: 'b', day: DAY, seconds: 300, visits: 1 },
    { site: 'a', day: '2026-03-09', seconds: 999, visits: 1 },
  ];
  const onA = run([focus(at(0), 'a'), beat(at(30))]).state;
  const q = (state: TrackerState, sites: string[], now: number, day = DAY) =>
    secondsOn(folded, state, sites, day, now, BERLIN, 240, THR);
  const p = (state: TrackerState, sites: string[], need: number, now: number, day = DAY) =>
    projectedCompletion(folded, state, sites, day, need, now, BERLIN, 240, THR);

  it('counts the folded days plus the open segment up to now, capped', () => {
    expect(q(EMPTY_TRACKER, ['a', 'b', 'a'], at(0))).toBe(900);
    expect(q(onA, ['a'], at(45))).toBe(645);
    expect(q(onA, ['b'], at(45))).toBe(300);
    expect(q(onA, ['a'], T0 + HOUR)).toBe(690); // unconfirmed for an hour: 30 s + one threshold
    expect(q(onA, ['a'], at(45), '2026-03-09')).toBe(999);
  });

  it('counts only the part of the open segment inside the day', () => {
    const lateNight = Date.parse('2026-03-11T02:50Z'); // 03:50 CET, ten minutes before the day start
    const beats = Array.from({ length: 41 }, (_, i) => beat(lateNight + i * 30 * SEC));
    const s = run([focus(lateNight, 'a'), ...beats]).state;
    expect(secondsOn([], s, ['a'], '2026-03-10', lateNight + 20 * MIN, BERLIN, 240, THR)).toBe(600);
    expect(secondsOn([], s, ['a'], '2026-03-11', lateNight + 20 * MIN, BERLIN, 240, THR)).toBe(600);
  });

  it('projects completion while accruing, and null when not', () => {
    expect(p(onA, ['a'], 645 + 120, at(45))).toBe(at(45) + 120 * SEC);
    expect(p(onA, ['a', 'b'], 600, at(45))).toBe(at(45)); // already reached
    expect(p(onA, ['b'], 400, at(45))).toBeNull(); // elsewhere
    expect(p(EMPTY_TRACKER, ['a'], 1000, at(45))).toBeNull();
    expect(p(onA, ['a'], 2000, T0 + HOUR)).toBeNull(); // unconfirmed: the person may be gone
    expect(p(onA, ['a'], 24 * 3600, at(45))).toBeNull(); // the day ends first
    const idled = track(onA, idle(at(50), 'idle'), OPTS).state;
    expect(p(idled, ['a'], 2000, at(55))).toBeNull();
  });
});

// ---------- properties ----------

const SITES = ['a', 'b', 'c'];
const eventArb = fc.oneof(
  fc.record({ kind: fc.constant('focus' as const), site: fc.constantFrom<string | null>(...SITES, null) }),
  fc.record({ kind: fc.constant('idle' as const), state: fc.constantFrom('active' as const, 'idle' as const, 'locked' as const) }),
  fc.record({ kind: fc.constant('heartbeat' as const) }),
  fc.record({ kind: fc.constant('startup' as const) }),
);
const stepArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 * THR }) },
  { weight: 1, arbitrary: fc.integer({ min: -10 * MIN, max: 0 }) }, // the clock steps back
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 * HOUR }) }, // sleep, worker death, closed browser
);
const eventsArb = (step: fc.Arbitrary<number>, kinds = eventArb) =>
  fc.array(fc.tuple(step, kinds), { maxLength: 80 }).map((steps) => {
    let t = T0;
    return steps.map(([dt, e]) => ({ ...e, at: (t += dt) }) as VisitEvent);
  });

/** The instants the tracker actually uses: the clock never runs backwards for it. */
const effectiveTimes = (events: VisitEvent[]) => {
  let last = EMPTY_TRACKER.lastAt;
  return events.map((e) => (last = Math.max(last, e.at)));
};

describe('track: properties', () => {
  it('segments are positive, in order, never overlap, never run a threshold past a confirmation, and fit the span', () => {
    fc.assert(
      fc.property(eventsArb(stepArb), (events) => {
        const { segments } = run(events);
        const times = effectiveTimes(events);
        let prevEnd = -Infinity;
        let sum = 0;
        for (const s of segments) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = s.end;
          sum += s.end - s.start;
          // Every moment of a segment lies within one threshold after some event.
          const marks = [...times.filter((x) => x >= s.start && x <= s.end), s.end].sort((x, y) => x - y);
          expect(marks[0]).toBe(s.start);
          for (let i = 1; i < marks.length; i++) expect(marks[i]! - marks[i - 1]!).toBeLessThanOrEqual(THR);
        }
        if (segments.length) expect(sum).toBeLessThanOrEqual(times[times.length - 1]! - times[0]!);
      }),
    );
  });

  it('with events at most a threshold apart, counts exactly the time a tracked site was in front while active', () => {
    const noRestart = eventArb.filter((e) => e.kind !== 'startup');
    fc.assert(
      fc.property(eventsArb(fc.integer({ min: 0, max: THR }), noRestart), (events) => {
        const { segments } = run([...events, focus((events.at(-1)?.at ?? T0) + SEC, null)]);
        // Reference: walk the events, adding each gap to whatever was in front while active.
        const expected = new Map<string, number>();
        let site: string | null = null;
        let away = false;
        let prev = T0;
        for (const e of [...events, focus((events.at(-1)?.at ?? T0) + SEC, null)]) {
          if (site && !away) expected.set(site, (expected.get(site) ?? 0) + e.at - prev);
          prev = e.at;
          if (e.kind === 'focus') site = e.site;
          if (e.kind === 'idle') away = e.state !== 'active';
        }
        const got = new Map<string, number>();
        for (const s of segments) got.set(s.site, (got.get(s.site) ?? 0) + s.end - s.start);
        for (const k of SITES) expect(got.get(k) ?? 0).toBe(expected.get(k) ?? 0);
      }),
    );
  });

  it('storing only the states worth storing closes the same segments while the clock runs forward, and never overlapping ones when it steps back', () => {
    fc.assert(
      fc.property(eventsArb(fc.integer({ min: 0, max: 3 * THR })), (events) => {
        expect(run(events, EMPTY_TRACKER, { onlyWorthStoring: true }).segments).toEqual(run(events).segments);
      }),
    );
    fc.assert(
      fc.property(eventsArb(stepArb), (events) => {
        let prevEnd = -Infinity;
        for (const s of run(events, EMPTY_TRACKER, { onlyWorthStoring: true }).segments) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = s.end;
        }
      }),
    );
    // Untracked pages coming and going: nothing worth storing.
    const idleState = run([focus(at(0), null)]).state;
    expect(worthStoring(idleState, track(idleState, focus(at(5), null), OPTS).state, [])).toBe(false);
    expect(worthStoring(idleState, track(idleState, focus(at(5), 'a'), OPTS).state, [])).toBe(true);
  });

  it('secondsOn of the open segment equals what closing it at that moment would fold in', () => {
    fc.assert(
      fc.property(eventsArb(stepArb), fc.integer({ min: 0, max: 3 * THR }), fc.integer({ min: 0, max: 360 }), (events, wait, dayStart) => {
        const { state } = run(events);
        const now = state.lastAt + wait;
        const day = dayKeyAt(now, BERLIN, dayStart);
        const closed = track(state, focus(now, null), OPTS).closed;
        const after = foldSegments([], closed, BERLIN, dayStart);
        const live = secondsOn([], state, SITES, day, now, BERLIN, dayStart, THR);
        expect(live).toBeCloseTo(secondsOn(after, EMPTY_TRACKER, SITES, day, now, BERLIN, dayStart, THR), 6);
      }),
    );
  });
});

describe('foldSegments: properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  const segmentsArb = fc.array(
    fc.record({
      site: fc.constantFrom(...SITES),
      start: fc.integer({ min: Date.parse('2026-01-01T00:00Z'), max: Date.parse('2027-01-01T00:00Z') }),
      length: fc.integer({ min: 0, max: 3 * 24 * HOUR }),
    }),
    { maxLength: 30 },
  ).map((xs) => xs.map(({ site, start, length }) => seg(site, start, start + length)));

  it('preserves total seconds and visits whatever the zone and day start, one entry per (site, day)', () => {
    fc.assert(
      fc.property(segmentsArb, fc.constantFrom(...zones), fc.integer({ min: 0, max: 1439 }), (segments, zone, dayStart) => {
        const days = foldSegments([], segments, zone, dayStart);
        const want = segments.reduce((n, s) => n + (s.end - s.start) / 1000, 0);
        expect(days.reduce((n, d) => n + d.seconds, 0)).toBeCloseTo(want, 3);
        expect(days.reduce((n, d) => n + d.visits, 0)).toBe(segments.filter((s) => s.end > s.start).length);
        expect(new Set(days.map((d) => `${d.day}|${d.site}`)).size).toBe(days.length);
        // Folding in two batches gives the same totals as folding at once.
        const half = Math.floor(segments.length / 2);
        const twice = foldSegments(foldSegments([], segments.slice(0, half), zone, dayStart), segments.slice(half), zone, dayStart);
        for (const d of days) {
          const t = twice.find((x) => x.day === d.day && x.site === d.site)!;
          expect(t.seconds).toBeCloseTo(d.seconds, 3);
          expect(t.visits).toBe(d.visits);
        }
      }),
      { numRuns: 60 },
    );
  });
});
