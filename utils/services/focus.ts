import type { Clock, FocusSession, Result } from '../core/types';
import { dayOf } from '../core/days';
import { kindOf, progressOf } from '../core/requirements';
import { focusedMs } from '../core/requirements/focus';
import { newId, type TandemDB } from '../db/db';
import { fail } from '../core/result';
import { tr } from '@/utils/core/i18n';

const MINUTE = 60_000;

/**
 * Starts a focus session for what is left of today's requirement (a session already running is
 * returned as it is). The session's end is stored; the alarm that completes it is set by the gate refresh.
 */
export async function startFocus(db: TandemDB, commitmentId: string, clock: Clock): Promise<Result<FocusSession>> {
  const { now } = clock;
  return db.transaction('rw', db.commitments, db.sessions, async () => {
    const c = await db.commitments.get(commitmentId);
    if (!c || c.archivedAt !== undefined) return fail(tr('focus_that_commitment_no_longer_exists'));
    const minutes = kindOf(c.requirement).focusMinutes?.(c.requirement);
    if (minutes === undefined) return fail(tr('focus_this_commitment_is_kept_with_a'));
    const day = dayOf(now, clock);
    const sessions = await db.sessions.where('[commitmentId+day]').equals([commitmentId, day]).toArray();
    const running = sessions.find((s) => s.outcome === 'running' && s.endsAt > now);
    if (running) return { ok: true as const, value: running };
    const progress = progressOf(c.requirement, { sessions, checkIns: [] }, now);
    const doneMs = sessions.reduce((sum, s) => sum + focusedMs(s, now), 0);
    // A session is planned for what is left today; once done, a new one is a full session again.
    const leftMs = progress.done ? minutes * MINUTE : minutes * MINUTE - doneMs;
    const session: FocusSession = { id: newId(), commitmentId, day, startedAt: now, endsAt: now + Math.max(MINUTE, leftMs), outcome: 'running' };
    await db.sessions.add(session);
    return { ok: true as const, value: session };
  });
}

/** Ends a session now: before its planned end it is recorded as ended early (its minutes still count). */
export async function stopFocus(db: TandemDB, sessionId: string, { now }: Clock): Promise<Result<FocusSession>> {
  const s = await db.sessions.get(sessionId);
  if (!s) return fail(tr('focus_that_focus_session_no_longer'));
  if (s.outcome !== 'running') return { ok: true, value: s };
  const ended: FocusSession = now >= s.endsAt
    ? { ...s, outcome: 'completed', endedAt: s.endsAt }
    : { ...s, outcome: 'ended-early', endedAt: now };
  await db.sessions.put(ended);
  return { ok: true, value: ended };
}

/** Marks every running session whose end has passed as completed (after an alarm, or a browser restart). */
export async function completeDueSessions(db: TandemDB, { now }: Pick<Clock, 'now'>): Promise<FocusSession[]> {
  return db.transaction('rw', db.sessions, async () => {
    const due = (await db.sessions.where('outcome').equals('running').toArray()).filter((s) => s.endsAt <= now);
    const completed = due.map((s): FocusSession => ({ ...s, outcome: 'completed', endedAt: s.endsAt }));
    await db.sessions.bulkPut(completed);
    return completed;
  });
}

