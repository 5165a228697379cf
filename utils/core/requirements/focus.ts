import type { FocusSession } from '../types';
import type { RequirementKind } from './index';

const MINUTE = 60_000;

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
export const focusRequirement: RequirementKind<{ kind: 'focus'; minutes: number }> = {
  kind: 'focus',
  describe: (r) => `${r.minutes} min focus`,
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
