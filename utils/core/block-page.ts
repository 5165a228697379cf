import type { Attempt, DayKey, Weekday } from './types';
import type { CommitmentView } from './today';
import { whatIsLeftOf } from './requirements';
import { weekStartOf } from './streak-engine';

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
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  if (week === 0) return null;
  if (today === 0) return `You turned back ${times(week)} this week. Today can be one more.`;
  if (today === week) return `You turned back ${times(today)} today.`;
  return `You turned back ${times(today)} today, ${times(week)} this week.`;
}

/** What Tandem is doing here, in one line. */
export function holdingSentence(commitments: number): string {
  return commitments > 1
    ? 'Tandem is holding this site until your commitments are done — you set this up.'
    : 'Tandem is holding this site until your commitment is done — you set this up.';
}

/** The streak at stake and what keeps it: "3-day streak — 42 min of focus to keep it." */
export function stakeSentence({ commitment, today, streak }: Pick<CommitmentView, 'commitment' | 'today' | 'streak'>): string {
  const left = whatIsLeftOf(commitment.requirement, today.progress);
  if (streak.current === 0) return `${capitalise(left)} today starts a streak.`;
  return `${streak.current}-${streak.unit} streak — ${left} to keep it.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
