import type { DayStatus } from './types';
import type { Progress } from './requirements';
import { formatDate, formatNumber, tr } from './i18n';

/** A day's status in words ("Pending"), read when shown so it is in the browser's language. */
export const STATUS_LABEL: Record<DayStatus, string> = {
  get 'not-today'() { return tr('format_status_not_today'); },
  get paused() { return tr('format_status_paused'); },
  get pending() { return tr('format_status_pending'); },
  get 'in-progress'() { return tr('format_status_in_progress'); },
  get done() { return tr('format_status_done'); },
  get missed() { return tr('format_status_missed'); },
};

/** "25 of 60 min"; for check-ins "checked in" or "not checked in yet". */
export function formatProgress(p: Progress, per: 'day' | 'week' = 'day'): string {
  const subs = { value: formatNumber(p.value), target: formatNumber(p.target) };
  if (p.unit === 'check-in') return p.done ? tr('format_checked_in') : tr('format_not_checked_in_yet');
  if (p.unit === 'times') return per === 'week' ? tr('format_times_this_week', subs) : tr('format_times_today', subs);
  return tr('format_minutes_of', subs);
}

/** A countdown: "4:05", "1:02:03". */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The days of the week, 0 = Sunday; their names come from `weekdayName` (utils/core/i18n.ts). */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Zero is "no streak yet": a gentle start, not a scolding. */
/** A moment this week, in the person's locale: "Fri 21:58". */
export function formatWhen(ms: number): string {
  return formatDate(ms, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
}

export function formatStreak(n: number, unit: 'day' | 'week' = 'day'): string {
  if (n === 0) return tr('format_no_streak_yet');
  return unit === 'week' ? tr('format_week_streak', { n: formatNumber(n) }) : tr('format_day_streak', { n: formatNumber(n) });
}
