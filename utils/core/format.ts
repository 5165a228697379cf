import type { DayStatus } from './types';
import type { Progress } from './requirements';

export const STATUS_LABEL: Record<DayStatus, string> = {
  'not-today': 'Not today',
  paused: 'Paused',
  pending: 'Pending',
  'in-progress': 'In progress',
  done: 'Done',
  missed: 'Missed',
};

/** "25 of 60 min"; for check-ins "checked in" or "not checked in yet". */
export function formatProgress(p: Progress, per: 'day' | 'week' = 'day'): string {
  if (p.unit === 'check-in') return p.done ? 'checked in' : 'not checked in yet';
  if (p.unit === 'times') return `${p.value} of ${p.target} ${per === 'week' ? 'this week' : 'today'}`;
  return `${p.value} of ${p.target} min`;
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

export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Zero is "no streak yet": a gentle start, not a scolding. */
/** A moment this week, in the person's locale: "Fri 21:58". */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
}

export function formatStreak(n: number, unit: 'day' | 'week' = 'day'): string {
  if (n === 0) return 'no streak yet';
  return `${n}-${unit} streak`;
}
