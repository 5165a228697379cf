import type { Attempt, Clock, DayKey, DayStatus, Result } from '../types';
import type { DayRecords } from '../requirements';
import { focusedMs } from '../requirements/focus';
import { fail, ok } from '../result';
import { dayEndInstant, dayOf } from '../days';
import type { CommitmentView } from '../today';
import type { DayOutcome } from '../streak-engine';

/**
 * What a partner sees of one commitment, and the one function that builds every outgoing summary.
 *
 * Privacy: the payload is assembled field by field from this allowlist — nothing is spread or copied
 * wholesale — so site patterns, `why`, notes, visit records and any field added to a commitment later
 * can never leave by accident. `toWire` re-applies the allowlist to whatever reaches the network layer.
 * The security rules check the same fields and sizes on the server (firestore.rules, docs/sync.md).
 */
export interface SharedCommitment {
  id: string;
  title: string;
  kind: 'gate' | 'habit';
  status: DayStatus;
  /** When today's requirement was met (ms since epoch), or null. */
  doneAt: number | null;
  streak: number;
  best: number;
  unit: 'day' | 'week';
  /** The last SHARED_DAYS day outcomes, oldest first, one letter each (DAY_CODES). */
  days: string;
  focusMinutes: number;
  turnedBack: number;
  wentAnyway: number;
}

export interface Summary {
  name: string;
  /**
   * Which write of the writer's summary document this is: 1, 2, 3 … The rules accept exactly the stored rev + 1
   * (or the same rev with the same content: a retried delivery), so a late, older write is refused and no device
   * clock plays a part. Built summaries carry 0; delivery numbers them (nextRev).
   */
  rev: number;
  /** The writer's local day that the statuses describe, and the instant it ends (their next day start): */
  day: string;
  /** past it, the statuses are yesterday's — whatever the reader's time zone. */
  dayEnds: number;
  commitments: SharedCommitment[];
  /** Summaries read from the server only: when it stored them (ms, the server's clock; "as of"). */
  updatedAt?: number;
}

export const SUMMARY_KEYS = ['name', 'rev', 'day', 'dayEnds', 'commitments'] as const;
export const SHARED_KEYS = [
  'id', 'title', 'kind', 'status', 'doneAt', 'streak', 'best', 'unit', 'days', 'focusMinutes', 'turnedBack', 'wentAnyway',
] as const;
export const SHARED_DAYS = 56;
export const MAX_SHARED = 20;
export const NAME_MAX = 40;
export const SHARED_TITLE_MAX = 80;
/** The largest rev: exact as a JavaScript number (the rules hold it to this too). */
export const MAX_REV = Number.MAX_SAFE_INTEGER;
/** A finishing time is sent only if it lies within this long before the day's end (the rules' bound). */
export const DONE_WITHIN_MS = 25 * 60 * 60 * 1000;

/** The name partners see, as typed: spaces tidied, 1–NAME_MAX characters, or a message saying what to change. */
export function parseDisplayName(typed: string): Result<string> {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (name.length === 0) return fail('Enter the name your partner knows you by.');
  if ([...name].length > NAME_MAX) return fail(`Keep the name under ${NAME_MAX} characters.`);
  return ok(name);
}
export const DAY_CODES: Record<DayOutcome, string> = { done: 'd', missed: 'm', 'not-active': 'n', paused: 'p', pending: 'x' };
const STATUSES: readonly DayStatus[] = ['not-today', 'paused', 'pending', 'in-progress', 'done', 'missed'];

/** Today's counts for one commitment (computed on the device from its records). */
export interface TodayCounts {
  focusMinutes: number;
  turnedBack: number;
  wentAnyway: number;
}

/** Today's counts per commitment (of those in `history`), from its sessions on `day` and today's arrivals. */
export function todayCounts(history: ReadonlyMap<string, ReadonlyMap<DayKey, DayRecords>>, attempts: readonly Attempt[], day: DayKey, now: number): Map<string, TodayCounts> {
  const counts = new Map<string, TodayCounts>();
  for (const [id, days] of history) {
    const sessions = days.get(day)?.sessions ?? [];
    const ms = sessions.reduce((sum, s) => sum + focusedMs(s, now), 0);
    counts.set(id, { focusMinutes: Math.floor(ms / 60_000), turnedBack: 0, wentAnyway: 0 });
  }
  for (const a of attempts) {
    const c = counts.get(a.commitmentId);
    if (!c) continue;
    if (a.outcome === 'turned-back') c.turnedBack++;
    if (a.outcome === 'went-anyway') c.wentAnyway++;
  }
  return counts;
}

const clampInt = (n: number, max: number) => (Number.isFinite(n) ? Math.max(0, Math.min(max, Math.round(n))) : 0);
const text = (s: string, max: number) => [...s.trim()].slice(0, max).join('');

/** The last SHARED_DAYS days of a calendar ending today, as letters; '.' before `firstDay` (the commitment's first). */
function dayCodes(view: Pick<CommitmentView, 'heatmap' | 'today'>, firstDay: DayKey = ''): string {
  return view.heatmap
    .flatMap((w) => w.days)
    .filter((d) => d.day <= view.today.day)
    .slice(-SHARED_DAYS)
    .map((d) => (d.day < firstDay || d.outcome === 'future' ? '.' : DAY_CODES[d.outcome]))
    .join('');
}

/** One commitment as a partner sees it. `clock` places its first day (for '.' in `days`). */
function shareCommitment(view: CommitmentView, counts: TodayCounts | undefined, clock?: Clock): SharedCommitment {
  const { commitment: c, today, streak } = view;
  const firstDay = clock ? dayOf(c.createdAt, clock) : '';
  return {
    id: text(c.id, 40),
    title: text(c.title, SHARED_TITLE_MAX) || 'Commitment',
    kind: c.requirement.kind === 'habit' ? 'habit' : 'gate',
    status: STATUSES.includes(today.status) ? today.status : 'pending',
    // Only with a "done" status: the moment is part of "Sam finished at 9:40", not otherwise shared.
    doneAt: today.status === 'done' && today.progress.doneAt !== undefined ? Math.round(today.progress.doneAt) : null,
    streak: clampInt(streak.current, 100000),
    best: clampInt(streak.best, 100000),
    unit: streak.unit === 'week' ? 'week' : 'day',
    days: dayCodes(view, firstDay),
    focusMinutes: clampInt(counts?.focusMinutes ?? 0, 1440),
    turnedBack: clampInt(counts?.turnedBack ?? 0, 10000),
    wentAnyway: clampInt(counts?.wentAnyway ?? 0, 10000),
  };
}

/**
 * The summary for one pair: only commitments shared with that pair (`sharedWith`), not archived,
 * at most MAX_SHARED, in the order the person sees them. `clock` gives the day the statuses are for (also
 * with no commitment at all) and `rev`.
 */
export function buildSummary(input: {
  pairId: string;
  name: string;
  clock: Clock;
  views: readonly CommitmentView[];
  counts: ReadonlyMap<string, TodayCounts>;
}): Summary {
  const { clock } = input;
  const shared = input.views
    .filter((v) => !v.commitment.archivedAt && (v.commitment.sharedWith ?? []).includes(input.pairId))
    .slice(0, MAX_SHARED)
    .map((v) => shareCommitment(v, input.counts.get(v.commitment.id), clock));
  const day = dayOf(clock.now, clock);
  const dayEnds = dayEndInstant(day, clock.timeZone, clock.dayStartMinutes);
  return { name: text(input.name, NAME_MAX) || 'Partner', rev: 0, day, dayEnds, commitments: shared };
}

/**
 * The rev for the next write, after `last` (the summary the server holds from this writer, or none): one more,
 * or 1 over a stored rev out of range (older versions wrote a clock's milliseconds; the rules restart it too).
 */
export function nextRev(last: Pick<Summary, 'rev'> | undefined): number {
  const rev = last?.rev;
  return rev !== undefined && Number.isSafeInteger(rev) && rev >= 1 && rev < MAX_REV ? rev + 1 : 1;
}

/** Whether two summaries say the same (their revs and storage times aside). */
export function sameContent(a: Summary, b: Summary): boolean {
  const content = (s: Summary) => JSON.stringify({ ...encodeSummary(s), rev: 0 });
  return content(a) === content(b);
}

/** The allowlist again, at the edge: whatever object arrives, only the summary's own fields go out. */
export function toWire(s: Summary): Summary {
  return {
    name: s.name,
    rev: s.rev,
    day: s.day,
    dayEnds: s.dayEnds,
    commitments: s.commitments.map((c) => ({
      id: c.id, title: c.title, kind: c.kind, status: c.status, doneAt: c.doneAt, streak: c.streak, best: c.best,
      unit: c.unit, days: c.days, focusMinutes: c.focusMinutes, turnedBack: c.turnedBack, wentAnyway: c.wentAnyway,
    })),
  };
}

/** A partner's summary as read from the server, checked field by field; null if it is not one. */
export function readSummary(data: unknown): Summary | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d.name !== 'string' || typeof d.rev !== 'number' || typeof d.day !== 'string' || !Array.isArray(d.commitments)) return null;
  // Summaries written before `dayEnds` existed: treat their day as over (never shown as today's).
  const dayEnds = typeof d.dayEnds === 'number' ? d.dayEnds : 0;
  const updatedAt = typeof d.updatedAt === 'number' ? { updatedAt: d.updatedAt } : {};
  const commitments: SharedCommitment[] = [];
  for (const raw of d.commitments.slice(0, MAX_SHARED)) {
    if (!raw || typeof raw !== 'object') continue;
    const c = raw as Record<string, unknown>;
    if (typeof c.id !== 'string' || typeof c.title !== 'string') continue;
    const num = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : 0);
    commitments.push({
      id: c.id,
      title: c.title,
      kind: c.kind === 'habit' ? 'habit' : 'gate',
      status: STATUSES.includes(c.status as DayStatus) ? (c.status as DayStatus) : 'pending',
      doneAt: typeof c.doneAt === 'number' ? c.doneAt : null,
      streak: num('streak'),
      best: num('best'),
      unit: c.unit === 'week' ? 'week' : 'day',
      days: typeof c.days === 'string' ? c.days.slice(-SHARED_DAYS) : '',
      focusMinutes: num('focusMinutes'),
      turnedBack: num('turnedBack'),
      wentAnyway: num('wentAnyway'),
    });
  }
  return { name: d.name, rev: d.rev, day: d.day, dayEnds, commitments, ...updatedAt };
}

/**
 * The summary as stored in Firestore. Each commitment is one string, `id|kind|status|unit|streak|bestGap|
 * focusMinutes|turnedBack|wentAnyway|doneBefore|days|title`, because the security rules can check a string with
 * one regular expression but would run out of their 1000-expression budget reading 20 maps field by field
 * (firestore.rules). The title comes last, so it may itself contain '|'. Two numbers are sent relative, so the
 * regex's "no sign, at most N" also checks their meaning: bestGap = best − streak (the best is never below the
 * streak) and doneBefore = dayEnds − doneAt (met within DONE_WITHIN_MS before the day ended; a finishing time
 * outside that, e.g. after a flight across time zones, is left out rather than have the summary refused).
 */
interface WireSummary {
  name: string;
  rev: number;
  day: string;
  dayEnds: number;
  commitments: string[];
}

export function encodeSummary(s: Summary): WireSummary {
  const w = toWire(s);
  return {
    name: w.name,
    rev: w.rev,
    day: w.day,
    dayEnds: w.dayEnds,
    commitments: w.commitments.map((c) =>
      [
        c.id.replaceAll('|', '-'), c.kind, c.status, c.unit, c.streak, Math.max(0, c.best - c.streak), c.focusMinutes,
        c.turnedBack, c.wentAnyway, doneBefore(c.doneAt, w.dayEnds), c.days, c.title,
      ].join('|'),
    ),
  };
}

function doneBefore(doneAt: number | null, dayEnds: number): number | '' {
  if (doneAt === null) return '';
  const before = dayEnds - doneAt;
  return before >= 0 && before <= DONE_WITHIN_MS ? before : '';
}

/** A partner's stored summary, decoded and checked; null if it is not one. */
export function decodeSummary(data: unknown): Summary | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d.commitments)) return null;
  const commitments = d.commitments.map((line) => {
    if (typeof line !== 'string') return null;
    const parts = line.split('|');
    if (parts.length < 12) return null;
    const [id, kind, status, unit, streak, bestGap, focusMinutes, turnedBack, wentAnyway, doneBefore, days] = parts as [string, ...string[]];
    const before = Number(doneBefore);
    return {
      id, kind, status, unit, days, title: parts.slice(11).join('|'),
      streak: Number(streak), best: Number(streak) + Number(bestGap), focusMinutes: Number(focusMinutes),
      turnedBack: Number(turnedBack), wentAnyway: Number(wentAnyway),
      doneAt: doneBefore !== '' && before >= 0 && before <= DONE_WITHIN_MS && typeof d.dayEnds === 'number' ? d.dayEnds - before : null,
    };
  });
  return readSummary({ ...d, commitments: commitments.filter((c) => c !== null) });
}
