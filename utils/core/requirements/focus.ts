import type { FocusSession, Result } from '../types';
import { fail, ok } from '../result';
import type { RequirementKind } from './index';
import { verdictOf } from '../verdict';
import { tr } from '../i18n';

export type FocusRequirement = { kind: 'focus'; minutes: number };

const MINUTE = 60_000;
export const FOCUS_MINUTES_MIN = 1;
export const FOCUS_MINUTES_MAX = 240;

/** Whole minutes within the bounds, for a focus session and time on work sites alike. */
export function checkMinutes(minutes: number, what: string): Result<number> {
  if (Number.isInteger(minutes) && minutes >= FOCUS_MINUTES_MIN && minutes <= FOCUS_MINUTES_MAX) return ok(minutes);
  return fail(tr('focus_is_to_whole_minutes', { what, FOCUS_MINUTES_MIN, FOCUS_MINUTES_MAX }));
}

/**
 * Minutes of focus a session has given by `now`, from its stored timestamps.
 * A session still marked running past its end (the alarm has not fired yet) counts in full.
 */
export function focusedMs(session: FocusSession, now: number): number {
  const end = session.endedAt ?? Math.min(now, session.endsAt);
  return Math.max(0, end - session.startedAt);
}

/**
 * "N minutes of focus": every focus minute of the day counts, also those of a session ended early,
 * so an interrupted session is not lost; the next session is planned for what is left.
 */
export const focusRequirement: RequirementKind<FocusRequirement> = {
  kind: 'focus',
  initial: { kind: 'focus', minutes: 60 },
  gates: true,
  checkIn: 'none',
  describe: (r) => tr('focus_min_focus', { minutes: r.minutes }),
  validate: (r) => {
    const minutes = checkMinutes(r.minutes, tr('focus_a_focus_session'));
    return minutes.ok ? ok(r) : minutes;
  },
  focusMinutes: (r) => r.minutes,
  whatIsLeft: (r, p) => tr('focus_min_of_focus', { value: Math.max(1, r.minutes - p.value) }),
  rank: 2,
  // Three quarters, to whole 5 minutes: 60 → 45, 30 → 20 (at least 5, never more than it was).
  smaller: (r) => ({ ...r, minutes: Math.max(Math.min(5, r.minutes), Math.floor((r.minutes * 0.75) / 5) * 5) }),
  twiceOver: (r, records, now) => records.sessions.reduce((ms, s) => ms + focusedMs(s, now), 0) >= 2 * r.minutes * MINUTE,
  compare: (a, b) => verdictOf(a.minutes, b.minutes),
  progress(r, records, now) {
    const targetMs = r.minutes * MINUTE;
    let ms = 0;
    let doneAt: number | undefined;
    for (const s of [...records.sessions].sort((a, b) => a.startedAt - b.startedAt)) {
      const focused = focusedMs(s, now);
      if (doneAt === undefined && ms + focused >= targetMs) doneAt = s.startedAt + (targetMs - ms);
      ms += focused;
    }
    const value = Math.min(r.minutes, Math.floor(ms / MINUTE));
    const running = records.sessions.find((s) => s.outcome === 'running' && s.endsAt > now);
    return { done: doneAt !== undefined, doneAt, value, target: r.minutes, unit: 'min', running };
  },
};
