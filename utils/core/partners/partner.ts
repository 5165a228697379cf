import type { DayKey } from '../types';
import type { SharedCommitment, SharedPledge, SharedRecalibration, Summary } from './summary';
import { describePledge } from '../pledge';
import { describePause, formatDay } from '../easing-words';
import { addDays } from '../days';

/** What the toolbar badge says about the primary partner. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_DONE = '#1d7a46';
export const BADGE_WAITING = '#6b6f76';

/** What a build without partner sync says, to people (where partner features would be, and to any partner action). */
export const SYNC_UNAVAILABLE = "Partner sync isn't available in this build. Everything else works, and nothing leaves this device.";

/** The partner's streak: the longest current run among what they share, with its unit. */
export function partnerStreak(s: Summary): { count: number; unit: 'day' | 'week' } {
  let best: SharedCommitment | undefined;
  for (const c of s.commitments) if (!best || c.streak > best.streak) best = c;
  return { count: best?.streak ?? 0, unit: best?.unit ?? 'day' };
}

/** Whether the summary still describes the partner's today (their day has not ended since they wrote it). */
export function isCurrent(s: Summary, now: number): boolean {
  return now < s.dayEnds;
}

/** Done on the summary's day: every shared commitment that applies is done (none pending, in progress or missed). */
export function partnerDoneToday(s: Summary): boolean {
  const due = s.commitments.filter((c) => c.status !== 'not-today' && c.status !== 'paused');
  return due.length > 0 && due.every((c) => c.status === 'done');
}

/**
 * The badge for the primary partner's latest summary; an empty badge when there is none. Green only while the
 * summary is of the partner's current day: yesterday's "done" is not today's.
 */
export function badgeFor(partnerName: string, s: Summary | undefined, now: number): Badge {
  if (!s) return { text: '', color: BADGE_WAITING, title: `Tandem — waiting for ${partnerName}'s first update` };
  const { count, unit } = partnerStreak(s);
  const current = isCurrent(s, now);
  const done = current && partnerDoneToday(s);
  const text = count > 999 ? '999+' : String(count);
  const streak = `${count}-${unit} streak`;
  return {
    text,
    color: done ? BADGE_DONE : BADGE_WAITING,
    title: `Tandem — ${s.name}: ${streak}, ${done ? 'done for today' : current ? 'not done yet today' : 'no update yet today'}`,
  };
}

/**
 * "Sam finished Deep work at 9:40" lines for the block page, in the viewer's time zone; none once the
 * summary's day is over (pass `now`), so yesterday's progress is never shown as today's.
 */
export function partnerProgressLines(s: Summary, timeZone: string, locale?: string, now?: number): string[] {
  if (now !== undefined && !isCurrent(s, now)) return [];
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return s.commitments
    .filter((c) => c.status !== 'not-today')
    .map((c) => {
      if (c.status === 'done') return c.doneAt ? `${s.name} finished ${c.title} at ${time.format(c.doneAt)}` : `${s.name} has done ${c.title}`;
      if (c.status === 'in-progress') return `${s.name} is working on ${c.title}`;
      if (c.status === 'paused') return `${s.name} has paused ${c.title}`;
      if (c.status === 'missed') return `${s.name} missed ${c.title} today`;
      return `${s.name} has not started ${c.title} yet`;
    });
}

/**
 * What is ahead for a partner's commitment, and its last repaired day, in words (issue 11): "Paused until Sat 12 Dec:
 * exam week", "Sam eases Deep work on Thu 3 Dec: 45 min focus", "Repaired Tue 1 Dec". Empty when there is none.
 */
export function aheadLines(name: string, c: SharedCommitment, today: DayKey): string[] {
  const lines: string[] = [];
  if (c.pause) lines.push(describePause({ from: c.pause.from, ...(c.pause.until ? { until: c.pause.until } : {}), ...(c.pause.reason ? { reason: c.pause.reason } : {}) }, today));
  if (c.easing) lines.push(`${name} eases ${c.title} on ${formatDay(c.easing.day)}: ${c.easing.words}`);
  const r = c.days.lastIndexOf('r');
  if (r >= 0) lines.push(`Repaired ${formatDay(addDays(today, -(c.days.length - 1 - r)))} (missed, then made up or granted)`);
  if (c.recalibrated) lines.push(`${RECALIBRATED[c.recalibrated.choice](name, c.title)} on ${formatDay(c.recalibrated.day)}`);
  if (c.pledge) lines.push(pledgeLine(name, c.pledge));
  return lines;
}

/** What a partner reads of a recalibration answered (missed often lately): the choice, never the note. */
const RECALIBRATED: Record<SharedRecalibration['choice'], (name: string, title: string) => string> = {
  recommit: (name, title) => `${name} missed ${title} often lately and recommitted to it`,
  fit: (name, title) => `${name} missed ${title} often lately and made it smaller to fit`,
  pause: (name, title) => `${name} missed ${title} often lately and chose to pause it`,
};

/** "Pledge: “If I miss 2 days in a week, I give €10 …”", met in a week (waiting to be kept), or kept. */
function pledgeLine(name: string, p: SharedPledge): string {
  const words = `“${describePledge({ misses: p.misses, stake: p.stake })}”`;
  if (p.week && !p.kept) return `${name}'s pledge is due for the week of ${formatDay(p.week)}: ${words}`;
  if (p.week) return `${name} kept the pledge for the week of ${formatDay(p.week)}: ${words}`;
  return `${name}'s pledge: ${words}`;
}

/**
 * The partner's last missed day among the days they shared (today left out), that a grant could repair: within
 * the last 31 days, by their calendar. Null when there is none (or the commitment is judged by the week).
 */
export function grantableDay(c: SharedCommitment, summaryDay: DayKey): DayKey | null {
  if (c.unit !== 'day') return null;
  const days = c.days.slice(0, -1); // the last letter is today's
  const i = days.lastIndexOf('m');
  if (i < 0 || days.length - i > 31) return null;
  return addDays(summaryDay, -(days.length - i));
}
