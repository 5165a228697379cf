import type { DayStatus } from '../types';
import {
  DONE_WITHIN_MS, MAX_SHARED, RECALIBRATION_CHOICES, SHARED_DAYS, SHARED_EASING_MAX, SHARED_KINDS, SHARED_REASON_MAX, STATUSES,
  type SharedCommitment, type SharedEasing, type SharedKind, type SharedPause, type SharedPledge, type SharedRecalibration, type Summary,
} from './summary';
import { PLEDGE_STAKE_MAX } from '../pledge';

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
      ...ahead({
        pause: c.pause ? { from: c.pause.from, until: c.pause.until, reason: c.pause.reason } : null,
        easing: c.easing ? { day: c.easing.day, words: c.easing.words } : null,
        recalibrated: c.recalibrated ? { day: c.recalibrated.day, choice: c.recalibrated.choice } : null,
        pledge: c.pledge ? { misses: c.pledge.misses, stake: c.pledge.stake, week: c.pledge.week, kept: c.pledge.kept } : null,
      }),
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
      ...ahead({ pause: readPause(c.pause), easing: readEasing(c.easing), recalibrated: readRecalibrated(c.recalibrated), pledge: readPledge(c.pledge) }),
    });
  }
  return { name: d.name, rev: d.rev, day: d.day, dayEnds, commitments, ...updatedAt };
}

type Ahead = Required<Pick<SharedCommitment, 'pause' | 'easing' | 'recalibrated' | 'pledge'>>;
const NOTHING_AHEAD: Ahead = { pause: null, easing: null, recalibrated: null, pledge: null };

/** Every field, null when there is none (every allowlisted key is always there). */
const ahead = (a: Partial<Ahead>): Ahead => ({ ...NOTHING_AHEAD, ...a });

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

function readRecalibrated(v: unknown): SharedRecalibration | null {
  if (!v || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  return typeof r.day === 'string' && DAY.test(r.day) && RECALIBRATION_CHOICES.includes(r.choice as SharedRecalibration['choice'])
    ? { day: r.day, choice: r.choice as SharedRecalibration['choice'] } : null;
}

function readPledge(v: unknown): SharedPledge | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Record<string, unknown>;
  if (typeof p.misses !== 'number' || !Number.isInteger(p.misses) || p.misses < 1 || p.misses > 7 || !words(p.stake, PLEDGE_STAKE_MAX) || p.stake === '') return null;
  const week = typeof p.week === 'string' && DAY.test(p.week) ? p.week : null;
  return { misses: p.misses, stake: p.stake as string, week, kept: week !== null && p.kept === true };
}

/**
 * What is ahead and lately decided, one field on the wire (issue 11), its parts joined by ';' in this order: a pause
 * `p<from>~<until or nothing>~<reason>`, an easing `e<day>~<words>`, a recalibration `r<day>~<choice>`, a pledge
 * `k<misses>~<'d' due or 'k' kept, and the week's start; or nothing>~<stake>`. No free text holds '|' or ';'
 * (summary.ts strips them). Empty when there is none.
 */
export function encodeAhead(c: Partial<Ahead>): string {
  const parts: string[] = [];
  if (c.pause) parts.push(`p${c.pause.from}~${c.pause.until ?? ''}~${c.pause.reason}`);
  if (c.easing) parts.push(`e${c.easing.day}~${c.easing.words}`);
  if (c.recalibrated) parts.push(`r${c.recalibrated.day}~${c.recalibrated.choice}`);
  if (c.pledge) parts.push(`k${c.pledge.misses}~${c.pledge.week ? `${c.pledge.kept ? 'k' : 'd'}${c.pledge.week}` : ''}~${c.pledge.stake}`);
  return parts.join(';');
}

const D = '(\\d{4}-\\d{2}-\\d{2})';
const PART = {
  p: new RegExp(`^p${D}~${D}?~([^|;]*)$`, 'u'),
  e: new RegExp(`^e${D}~([^|;]+)$`, 'u'),
  r: new RegExp(`^r${D}~(recommit|fit|pause)$`, 'u'),
  k: new RegExp(`^k([1-7])~(?:([dk])${D})?~([^|;]+)$`, 'u'),
};

/**
 * The field back, or null when it is not one (a summary string from before issue 11 has none: that was its title).
 * A part this version does not know (a letter and a digit, from a newer one) is skipped.
 */
export function decodeAhead(field: string): Ahead | null {
  const a: Ahead = { ...NOTHING_AHEAD };
  for (const part of field === '' ? [] : field.split(';')) {
    const [p, e, r, k] = [PART.p.exec(part), PART.e.exec(part), PART.r.exec(part), PART.k.exec(part)];
    if (p) a.pause = { from: p[1]!, until: p[2] ?? null, reason: p[3] ?? '' };
    else if (e) a.easing = { day: e[1]!, words: e[2]! };
    else if (r) a.recalibrated = { day: r[1]!, choice: r[2] as SharedRecalibration['choice'] };
    else if (k) a.pledge = { misses: Number(k[1]), stake: k[4]!, week: k[3] ?? null, kept: k[2] === 'k' };
    else if (!/^[a-z][0-9]/.test(part)) return null;
  }
  return a;
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
