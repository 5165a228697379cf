/** Easing waits over time: when a change applies, pauses that start tomorrow, and any sequence of changes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyChange, type Terms } from '@/utils/core/easing';
import { endPause, planChange, planPause, settlePending, termsOf } from '@/utils/core/easing-plan';
import { easingDay, easingDelayAt, pauseStartDay, withEasingDelay } from '@/utils/core/easing-time';
import { dayOf, localInstant } from '@/utils/core/days';
import { isPaused, rulesOn } from '@/utils/core/rules';
import type { Clock, Commitment, Settings } from '@/utils/core/types';
import { termsArb } from '../support/easing-arb';

const TZ = 'Europe/Berlin';
const DAY = 86_400_000, HOUR = 3_600_000;
const at = (date: string, hhmm = '15:00') => localInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const clock = (now: number, easingDelayDays?: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240, easingDelayDays });
const deepWork = (over: Partial<Commitment> = {}): Commitment => ({
  id: 'c1', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 60 },
  schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 720 }], createdAt: at('2026-11-01'), updatedAt: at('2026-11-01'), ...over,
});
const to45 = (c: Commitment): Terms => ({ ...termsOf(c), requirement: { kind: 'focus', minutes: 45 } });

describe('when an easing applies', () => {
  it('at the start of the first day that begins a full delay later; at once with a delay of 0', () => {
    // Monday 30 Nov, 15:00 + 2 days = Wednesday 15:00: Thursday, from 04:00.
    expect(easingDay(clock(at('2026-11-30')))).toBe('2026-12-03');
    expect(easingDay(clock(at('2026-11-30'), 7))).toBe('2026-12-08');
    expect(easingDay(clock(at('2026-11-30'), 0))).toBeNull();
    // Exactly at a day start: that day, a full delay later.
    expect(easingDay(clock(at('2026-11-30', '04:00')))).toBe('2026-12-02');
    // Across the spring-forward night (29 Mar 2026 in Berlin): still the first day starting 48 h later or after.
    // 03:30 on the 28th is still the 27th's logical day; 48 h later is 04:30 on the 30th, after that day's start.
    expect(easingDay(clock(at('2026-03-28', '03:30')))).toBe('2026-03-31');
  });

  it('an easing edit waits, a harder one applies at once, and the waiting one applies from its day on', () => {
    const c = deepWork();
    const eased = planChange(c, to45(c), clock(at('2026-11-30')));
    expect(eased.requirement).toEqual({ kind: 'focus', minutes: 60 });
    expect(eased.pending).toMatchObject({ day: '2026-12-03', requirement: { minutes: 45 } });
    expect(settlePending(eased, '2026-12-02', at('2026-12-02'))).toBe(eased);
    const applied = settlePending(eased, '2026-12-03', at('2026-12-03', '04:00'));
    expect(applied.pending).toBeUndefined();
    expect(rulesOn(applied, '2026-12-02').requirement).toEqual({ kind: 'focus', minutes: 60 });
    expect(rulesOn(applied, '2026-12-03').requirement).toEqual({ kind: 'focus', minutes: 45 });
    // Applied late (the browser was closed): still from its own day.
    expect(rulesOn(settlePending(eased, '2026-12-06', at('2026-12-06')), '2026-12-03').requirement).toEqual({ kind: 'focus', minutes: 45 });
    const harder = planChange(c, { ...termsOf(c), requirement: { kind: 'focus', minutes: 90 } }, clock(at('2026-11-30')));
    expect(harder).toMatchObject({ requirement: { minutes: 90 }, earlierRules: [{ until: '2026-11-30' }] });
    expect(harder.pending).toBeUndefined();
  });

  it('editing again keeps the wait unless the new change asks less than the one waiting', () => {
    const c = planChange(deepWork(), to45(deepWork()), clock(at('2026-11-30')));
    const same = planChange(c, to45(c), clock(at('2026-12-01')));
    expect(same.pending?.day).toBe('2026-12-03');
    const less = planChange(c, { ...to45(c), requirement: { kind: 'focus', minutes: 30 } }, clock(at('2026-12-01')));
    expect(less.pending?.day).toBe('2026-12-04');
    const more = planChange(c, { ...to45(c), requirement: { kind: 'focus', minutes: 50 } }, clock(at('2026-12-01')));
    expect(more.pending).toMatchObject({ day: '2026-12-03', requirement: { minutes: 50 } });
    // Back to the rules in force: nothing waits any more.
    expect(planChange(c, termsOf(c), clock(at('2026-12-01'))).pending).toBeUndefined();
  });

  it('lowering the delay waits the delay in force; raising it applies at once', () => {
    const t = at('2026-11-30');
    const lowered = withEasingDelay<Settings>({ dayStartMinutes: 240 }, 0, t);
    expect(easingDelayAt(lowered, t)).toBe(2);
    expect(easingDelayAt(lowered, t + 2 * DAY - 1)).toBe(2);
    expect(easingDelayAt(lowered, t + 2 * DAY)).toBe(0);
    const raised = withEasingDelay(lowered, 5, t + HOUR);
    expect(easingDelayAt(raised, t + HOUR)).toBe(5);
    expect(easingDelayAt(raised, t + 10 * DAY)).toBe(5);
  });
});

describe('planned pauses', () => {
  it('start tomorrow at the earliest, or on the easing day when later; today is never paused', () => {
    expect(pauseStartDay(clock(at('2026-11-30'), 0))).toBe('2026-12-01');
    expect(pauseStartDay(clock(at('2026-11-30')))).toBe('2026-12-03');
    const paused = planPause(deepWork(), clock(at('2026-11-30'), 0), { until: '2026-12-12', reason: ' exam week ' });
    expect(paused).toMatchObject({ ok: true, value: { pauses: [{ from: '2026-12-01', until: '2026-12-12', reason: 'exam week' }] } });
    if (!paused.ok) return;
    expect(isPaused(paused.value, '2026-11-30')).toBe(false);
    expect(isPaused(paused.value, '2026-12-11')).toBe(true);
    expect(isPaused(paused.value, '2026-12-12')).toBe(false);
    expect(planPause(paused.value, clock(at('2026-11-30'), 0), {})).toMatchObject({ ok: false });
    expect(planPause(deepWork(), clock(at('2026-11-30'), 0), { until: '2026-12-01' })).toMatchObject({ ok: false, error: expect.stringMatching(/later day/) });
    expect(planPause(deepWork(), clock(at('2026-11-30'), 0), { reason: 'x'.repeat(61) })).toMatchObject({ ok: false });
  });

  it('end early at once: a running pause stops before today, a planned one is dropped', () => {
    const running = deepWork({ pauses: [{ from: '2026-11-28', until: '2026-12-12', reason: 'flu' }] });
    expect(endPause(running, '2026-11-30').pauses).toEqual([{ from: '2026-11-28', until: '2026-11-30', reason: 'flu' }]);
    expect(endPause(deepWork({ pauses: [{ from: '2026-12-01' }] }), '2026-11-30').pauses).toBeUndefined();
    // An open pause from before the upgrade keeps working, and ends the same way.
    const old = deepWork({ pauses: [{ from: '2026-11-20' }] });
    expect(isPaused(old, '2026-11-30')).toBe(true);
    expect(endPause(old, '2026-11-30').pauses).toEqual([{ from: '2026-11-20', until: '2026-11-30' }]);
  });
});

describe('a sequence of changes', () => {
  type Step = { hours: number; act: { edit: Terms } | { delay: number } | { cancel: true } | { settle: true } };
  const stepArb: fc.Arbitrary<Step> = fc.record({
    hours: fc.integer({ min: 0, max: 40 }),
    act: fc.oneof(
      { weight: 5, arbitrary: termsArb.map((edit) => ({ edit })) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 7 }).map((delay) => ({ delay })) },
      { weight: 1, arbitrary: fc.constant({ cancel: true as const }) },
      { weight: 2, arbitrary: fc.constant({ settle: true as const }) },
    ),
  });

  it('cannot make a commitment easier sooner than the delay in force at its first change', () => {
    fc.assert(fc.property(termsArb, fc.integer({ min: 0, max: 7 }), fc.array(stepArb, { minLength: 1, maxLength: 12 }), (start, delay0, steps) => {
      const base = deepWork();
      const { pledge, ...rest } = start;
      let c: Commitment = { ...base, ...rest, ...(pledge ? { pledge } : {}), archivedAt: start.archived ? base.createdAt : undefined };
      if (!start.archived) delete c.archivedAt;
      const s0 = termsOf(c);
      let settings: Settings = { dayStartMinutes: 240, easingDelayDays: delay0 };
      const t0 = at('2026-11-30', '10:00');
      let t = t0;
      for (const { hours, act } of steps) {
        t += hours * HOUR;
        const k = clock(t, easingDelayAt(settings, t));
        // What the worker does at any moment (an alarm, a start): apply what is due.
        c = settlePending(c, dayOf(t, k), t);
        if (t < t0 + delay0 * DAY) expect(classifyChange(s0, termsOf(c), 240).later).toBeNull();
        if ('edit' in act) {
          c = planChange(c, act.edit, k);
          // What waits, waits for a day that starts at least the delay in force after it was asked (an hour of DST).
          if (c.pending?.madeAt === t) expect(localInstant(c.pending.day, 240, TZ)).toBeGreaterThanOrEqual(t + k.easingDelayDays! * DAY - HOUR);
        } else if ('delay' in act) settings = withEasingDelay(settings, act.delay, t);
        else if ('cancel' in act) delete c.pending;
        if (t < t0 + delay0 * DAY) expect(classifyChange(s0, termsOf(c), 240).later).toBeNull();
      }
    }), { numRuns: 300 });
  });
});
