import type { DayStatus } from '../types';
import {
  DONE_WITHIN_MS, MAX_SHARED, SHARED_DAYS, SHARED_EASING_MAX, SHARED_KINDS, SHARED_REASON_MAX, STATUSES,
  type SharedCommitment, type SharedEasing, type SharedKind, type SharedPause, type Summary,
} from './summary';

/**
 * The summary at the edge of the device: what goes over the wire (one checked string per commitment, see
 * docs/sync.md) and what a partner's stored document is read back as. Built from summary.ts's allowlist only.
 */

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
      ...ahead(c.pause ? { from: c.pause.from, until: c.pause.until, reason: c.pause.reason } : null, c.easing ? { day: c.easing.day, words: c.easing.words } : null),
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
      kind: SHARED_KINDS.includes(c.kind as SharedKind) ? (c.kind as SharedKind) : 'gate',
      status: STATUSES.includes(c.status as DayStatus) ? (c.status as DayStatus) : 'pending',
      doneAt: typeof c.doneAt === 'number' ? c.doneAt : null,
      streak: num('streak'),
      best: num('best'),
      unit: c.unit === 'week' ? 'week' : 'day',
      days: typeof c.days === 'string' ? c.days.slice(-SHARED_DAYS) : '',
      focusMinutes: num('focusMinutes'),
      turnedBack: num('turnedBack'),
      wentAnyway: num('wentAnyway'),
      ...ahead(readPause(c.pause), readEasing(c.easing)),
    });
  }
  return { name: d.name, rev: d.rev, day: d.day, dayEnds, commitments, ...updatedAt };
}

/** Both fields, null when nothing is ahead (every allowlisted key is always there). */
const ahead = (pause: SharedPause | null, easing: SharedEasing | null) => ({ pause, easing });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const words = (v: unknown, max: number) => typeof v === 'string' && !/[|;]/.test(v) && [...v].length <= max;

function readPause(v: unknown): SharedPause | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Record<string, unknown>;
  if (typeof p.from !== 'string' || !DAY.test(p.from) || !(p.until === null || (typeof p.until === 'string' && DAY.test(p.until)))) return null;
  return { from: p.from, until: p.until as string | null, reason: words(p.reason, SHARED_REASON_MAX) ? (p.reason as string) : '' };
}

function readEasing(v: unknown): SharedEasing | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  if (typeof e.day !== 'string' || !DAY.test(e.day) || !words(e.words, SHARED_EASING_MAX) || e.words === '') return null;
  return { day: e.day, words: e.words as string };
}

/**
 * What is ahead, one field on the wire (issue 11): '', a pause `p<from>~<until or nothing>~<reason>`, an easing
 * `e<day>~<words>`, or both joined by ';'. Neither free text holds '|' or ';' (summary.ts strips them).
 */
export function encodeAhead(c: Pick<SharedCommitment, 'pause' | 'easing'>): string {
  const parts: string[] = [];
  if (c.pause) parts.push(`p${c.pause.from}~${c.pause.until ?? ''}~${c.pause.reason}`);
  if (c.easing) parts.push(`e${c.easing.day}~${c.easing.words}`);
  return parts.join(';');
}

const AHEAD = /^(?:p(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})?~([^|;]*))?;?(?:e(\d{4}-\d{2}-\d{2})~([^|;]+))?$/u;

export function decodeAhead(field: string): Pick<SharedCommitment, 'pause' | 'easing'> | null {
  const m = AHEAD.exec(field);
  if (!m) return null;
  return {
    pause: m[1] ? { from: m[1], until: m[2] ?? null, reason: m[3] ?? '' } : null,
    easing: m[4] ? { day: m[4], words: m[5]! } : null,
  };
}

/**
 * The summary as stored in Firestore. Each commitment is one string, `id|kind|status|unit|streak|bestGap|
 * focusMinutes|turnedBack|wentAnyway|doneBefore|days|ahead|title`, because the security rules can check a string with
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
        c.turnedBack, c.wentAnyway, doneBefore(c.doneAt, w.dayEnds), c.days, encodeAhead(c), c.title,
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
    // Since issue 11 a field for what is ahead comes before the title; a string written before it has none.
    const ahead = parts.length >= 13 ? decodeAhead(parts[11]!) : null;
    return {
      id, kind, status, unit, days, title: parts.slice(ahead ? 12 : 11).join('|'), ...(ahead ?? {}),
      streak: Number(streak), best: Number(streak) + Number(bestGap), focusMinutes: Number(focusMinutes),
      turnedBack: Number(turnedBack), wentAnyway: Number(wentAnyway),
      doneAt: doneBefore !== '' && before >= 0 && before <= DONE_WITHIN_MS && typeof d.dayEnds === 'number' ? d.dayEnds - before : null,
    };
  });
  return readSummary({ ...d, commitments: commitments.filter((c) => c !== null) });
}

/** Whether two summaries say the same (their revs and storage times aside). */
export function sameContent(a: Summary, b: Summary): boolean {
  const content = (s: Summary) => JSON.stringify({ ...encodeSummary(s), rev: 0 });
  return content(a) === content(b);
}
