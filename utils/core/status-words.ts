import type { CommitmentToday } from './status';
import { formatClockTime } from './days';
import { formatCountdown } from './format';
import { tr } from './i18n';

/**
 * What a card says about today's windows, while the day's requirement is still open: the countdown to the end of
 * the window open now ("Window closes in 42 min"); before the day's first window, when it starts ("Starts at
 * 09:00"); between windows, when the next one starts ("Next window starts at 14:00"). Null when done, missed,
 * or on a day without windows.
 */
export function windowHint(today: CommitmentToday, now: number): string | null {
  return closingHint(today, now) ?? startingHint(today, now);
}

/** "Window closes in 42 min", while the day's requirement is open and a window is open now. */
export function closingHint(today: CommitmentToday, now: number): string | null {
  if (today.status !== 'pending' && today.status !== 'in-progress') return null;
  return today.windowEnd !== null && today.windowEnd > now ? tr('status_words_window_closes_in', { value: formatCountdown(today.windowEnd - now) }) : null;
}

/** "Starts at 09:00" / "Next window starts at 14:00", while the requirement is open and no window is open now. */
export function startingHint(today: CommitmentToday, now: number): string | null {
  if (today.status !== 'pending' && today.status !== 'in-progress') return null;
  if (today.windowEnd !== null && today.windowEnd > now) return null;
  const next = today.nextWindow;
  if (!next || next.start <= now) return null;
  return next.first ? tr('status_words_starts_at', { value: formatClockTime(next.fromMinutes) }) : tr('status_words_next_window_starts_at', { value: formatClockTime(next.fromMinutes) });
}
