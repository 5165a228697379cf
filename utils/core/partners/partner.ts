import type { DayKey } from '../types';
import type { SharedCommitment, Summary } from './summary';
import { describePause, formatDay } from '../easing-words';
import { addDays } from '../days';
import { tr } from '../i18n';

/** What the toolbar badge says about the primary partner. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_DONE = '#1d7a46';
export const BADGE_WAITING = '#6b6f76';

/** What a build without partner sync says, to people (where partner features would be, and to any partner action). */
export const SYNC_UNAVAILABLE = (): string => tr('partner_partner_sync_isnt_available_in');

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
  if (!s) return { text: '', color: BADGE_WAITING, title: tr('partner_tandem_waiting_for_s_first', { partnerName }) };
  const { count, unit } = partnerStreak(s);
  const current = isCurrent(s, now);
  const done = current && partnerDoneToday(s);
  const text = count > 999 ? '999+' : String(count);
  const streak = tr(unit === 'week' ? 'partner_week_streak' : 'partner_day_streak', { count });
  return {
    text,
    color: done ? BADGE_DONE : BADGE_WAITING,
    title: tr('partner_tandem', { name: s.name, streak, value: done ? tr('partner_done_for_today') : current ? tr('partner_not_done_yet_today') : tr('partner_no_update_yet_today') }),
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
      if (c.status === 'done') return c.doneAt ? tr('partner_finished_at', { name: s.name, title: c.title, value: time.format(c.doneAt) }) : tr('partner_has_done', { name: s.name, title: c.title });
      if (c.status === 'in-progress') return tr('partner_is_working_on', { name: s.name, title: c.title });
      if (c.status === 'paused') return tr('partner_has_paused', { name: s.name, title: c.title });
      if (c.status === 'missed') return tr('partner_missed_today', { name: s.name, title: c.title });
      return tr('partner_has_not_started_yet', { name: s.name, title: c.title });
    });
}

/**
 * What is ahead for a partner's commitment, and its last repaired day, in words (issue 11): "Paused until Sat 12 Dec:
 * exam week", "Sam eases Deep work on Thu 3 Dec: 45 min focus", "Repaired Tue 1 Dec". Empty when there is none.
 */
export function aheadLines(name: string, c: SharedCommitment, today: DayKey): string[] {
  const lines: string[] = [];
  if (c.pause) lines.push(describePause({ from: c.pause.from, ...(c.pause.until ? { until: c.pause.until } : {}), ...(c.pause.reason ? { reason: c.pause.reason } : {}) }, today));
  if (c.easing) lines.push(tr('partner_eases_on', { name, title: c.title, value: formatDay(c.easing.day), words: c.easing.words }));
  const r = c.days.lastIndexOf('r');
  if (r >= 0) lines.push(tr('partner_repaired_missed_then_made_up_or', { value: formatDay(addDays(today, -(c.days.length - 1 - r))) }));
  return lines;
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
