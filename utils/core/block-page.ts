import type { Attempt, DayKey, Weekday } from './types';
import type { CommitmentView } from './today';
import { whatIsLeftOf } from './requirements';
import { weekStartOf } from './streak-engine';
import { tr } from './i18n';
import { formatStreak } from './format';

/**
 * What the block page shows, in one answer from the worker (block.arrive / block.view): it paints from this alone,
 * then follows the database live. Views are those of the commitments holding the site, without their calendars.
 */
export interface BlockPageData {
  views: CommitmentView[];
  turnedBack: TurnedBack;
}

/** Visits to the block page that ended without going on to the site: today, and this week (week-start setting). */
export interface TurnedBack {
  today: number;
  week: number;
}

/**
 * Times the person turned back, counted by visit: one visit records one attempt per commitment holding the site
 * (all at the same moment), so attempts are grouped by their moment. A visit counts when it ended turned back or
 * in a session. `except`: this visit's own attempts (it has not ended yet).
 */
export function turnedBackCounts(
  attempts: readonly Attempt[],
  today: DayKey,
  weekStartsOn: Weekday,
  except: ReadonlySet<string> = new Set(),
): TurnedBack {
  const weekStart = weekStartOf(today, weekStartsOn);
  const week = new Set<number>();
  const day = new Set<number>();
  for (const a of attempts) {
    if (except.has(a.id) || a.outcome === 'went-anyway' || a.day < weekStart || a.day > today) continue;
    week.add(a.at);
    if (a.day === today) day.add(a.at);
  }
  return { today: day.size, week: week.size };
}

/** "You turned back 3 times today, 7 this week." — or null before the first time this week. */
export function turnedBackSentence({ today, week }: TurnedBack): string | null {
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : tr('block_page_times', { n }));
  if (week === 0) return null;
  if (today === 0) return tr('block_page_you_turned_back_this_week_today', { value: times(week) });
  if (today === week) return tr('block_page_you_turned_back_today', { value: times(today) });
  return tr('block_page_you_turned_back_today_this_week', { value: times(today), value2: times(week) });
}

/** What Tandem is doing here, in one line. */
export function holdingSentence(commitments: number): string {
  return commitments > 1
    ? tr('block_page_tandem_is_holding_this_site')
    : tr('block_page_tandem_is_holding_this_site_2');
}

/** The streak at stake and what keeps it: "3-day streak — 42 min of focus to keep it." */
export function stakeSentence({ commitment, today, streak }: Pick<CommitmentView, 'commitment' | 'today' | 'streak'>): string {
  const left = whatIsLeftOf(commitment.requirement, today.progress);
  if (streak.current === 0) return tr('block_page_today_starts_a_streak', { value: capitalise(left) });
  return tr('block_page_streak_to_keep_it', { streak: formatStreak(streak.current, streak.unit), left });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
