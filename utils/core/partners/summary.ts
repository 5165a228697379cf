import type { Attempt, Clock, DayKey, DayStatus, Result } from '../types';
import { findRequirementKind, type DayRecords } from '../requirements';
import { focusedMs } from '../requirements/focus';
import { fail, ok } from '../result';
import { dayEndInstant, dayOf } from '../days';
import type { CommitmentView } from '../today';
import type { DayOutcome } from '../streak-engine';
import { pauseAheadOf } from '../easing-plan';
import { partnerEasingWords } from '../easing-words';
import { tr } from '../i18n';

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
  /** Holds sites back until done, or a habit (RequirementKind.gates). */
  kind: SharedKind;
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
  /** A pause running or planned (issue 11): from, until (the first day back) if set, the reason in the person's words. */
  pause?: SharedPause | null;
  /** An easing waiting for its day, in words with no site in them ("45 min focus", "archived"). */
  easing?: SharedEasing | null;
}

export interface SharedPause { from: DayKey; until: DayKey | null; reason: string }
export interface SharedEasing { day: DayKey; words: string }
/** Lengths the rules hold these to (code points); no '|' or ';' in either (the wire's separators). */
export const SHARED_REASON_MAX = 60;
export const SHARED_EASING_MAX = 80;

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

export type SharedKind = 'gate' | 'habit';
export const SHARED_KINDS: readonly SharedKind[] = ['gate', 'habit'];

export const SUMMARY_KEYS = ['name', 'rev', 'day', 'dayEnds', 'commitments'] as const;
export const SHARED_KEYS = [
  'id', 'title', 'kind', 'status', 'doneAt', 'streak', 'best', 'unit', 'days', 'focusMinutes', 'turnedBack', 'wentAnyway',
  'pause', 'easing',
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
  if (name.length === 0) return fail(tr('summary_enter_the_name_your_partner'));
  if ([...name].length > NAME_MAX) return fail(tr('summary_keep_the_name_under_characters', { NAME_MAX }));
  return ok(name);
}
export const DAY_CODES: Record<DayOutcome, string> = { done: 'd', missed: 'm', repaired: 'r', 'not-active': 'n', paused: 'p', pending: 'x' };
export const STATUSES: readonly DayStatus[] = ['not-today', 'paused', 'pending', 'in-progress', 'done', 'missed'];

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
    .map((d) => (d.day < firstDay || d.outcome === 'future' || d.outcome === 'before' ? '.' : DAY_CODES[d.outcome]))
    .join('');
}

/** One commitment as a partner sees it. `clock` places its first day (for '.' in `days`). */
function shareCommitment(view: CommitmentView, counts: TodayCounts | undefined, clock?: Clock): SharedCommitment {
  const { commitment: c, today, streak } = view;
  const firstDay = clock ? dayOf(c.createdAt, clock) : '';
  return {
    id: text(c.id, 40),
    title: text(c.title, SHARED_TITLE_MAX) || tr('summary_commitment'),
    // A kind this build does not know (stored by a newer one) is shared as a gate.
    kind: findRequirementKind(c.requirement.kind)?.gates === false ? 'habit' : 'gate',
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
    pause: sharedPause(c, today.day),
    easing: c.pending ? { day: c.pending.day, words: plain(partnerEasingWords(c, c.pending, clock?.dayStartMinutes ?? 240), SHARED_EASING_MAX) || 'easier' } : null,
  };
}

/** Free text for the wire: no separator, at most `max` code points. */
const plain = (s: string, max: number) => text(s.replace(/[|;]/g, ' '), max);

function sharedPause(c: CommitmentView['commitment'], today: DayKey): SharedPause | null {
  const p = pauseAheadOf(c, today);
  return p ? { from: p.from, until: p.until ?? null, reason: plain(p.reason ?? '', SHARED_REASON_MAX) } : null;
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
  return { name: text(input.name, NAME_MAX) || tr('summary_partner'), rev: 0, day, dayEnds, commitments: shared };
}

/**
 * The rev for the next write, after `last` (the summary the server holds from this writer, or none): one more,
 * or 1 over a stored rev out of range (older versions wrote a clock's milliseconds; the rules restart it too).
 */
export function nextRev(last: Pick<Summary, 'rev'> | undefined): number {
  const rev = last?.rev;
  return rev !== undefined && Number.isSafeInteger(rev) && rev >= 1 && rev < MAX_REV ? rev + 1 : 1;
}
