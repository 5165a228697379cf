import type { DayKey } from '../types';

/**
 * The weekly check-in (issue 10): one review per week, keyed by the first day of the week it looks back on
 * (the person's week-start setting). Stored in the `reviews` table (schema 8). Everything in it is the person's
 * own words and counts per commitment: nothing about sites or browsing, so a partner's share can later be cut
 * from it per commitment (partnerShare in partner-view.ts).
 */

export type Rating = 1 | 2 | 3 | 4 | 5;
export type Kept = 'kept' | 'partly' | 'not';

/** What sets an if-then plan off: a time, a place, or a moment of the day (a preset or the person's words). */
export type Cue =
  | { kind: 'time'; minutes: number }
  | { kind: 'place'; place: string }
  | { kind: 'moment'; moment: string };

/** "If <cue>, then I <action> for <commitment>": one of the 1–3 plans for the coming week. */
export interface Intention {
  id: string;
  cue: Cue;
  commitmentId: string;
  /** What the person will do, in their words; empty means "start the commitment". */
  action: string;
}

export interface ReviewRatings {
  consistency?: Rating;
  confidence?: Rating;
  stress?: Rating;
}

/** One commitment's week, as the report shows it (a snapshot is kept with the finished review). */
export interface CommitmentWeek {
  commitmentId: string;
  title: string;
  /** Days done of the days it applied, or check-ins of the weekly target (a weekly habit). */
  unit: 'days' | 'times';
  done: number;
  target: number;
  /** Days it applied and was not done, once over (for the person's own look back; never a site). */
  missedDays: DayKey[];
  focusMinutes: number;
  /** Block-page arrivals: turned back (or started a session there) vs went anyway. Counts only. */
  turnedBack: number;
  wentAnyway: number;
  /** The streak at the end of the week before and at the end of this week (days, or weeks for a weekly habit). */
  streakBefore: number;
  streakAfter: number;
  streakUnit: 'day' | 'week';
}

export interface WeekReport {
  weekStart: DayKey;
  /** The week's length in hours: 168, or 167 / 169 across a DST change. */
  hours: number;
  commitments: CommitmentWeek[];
  /** Share of the targets met (done / target, each capped at its target), or null with no target. */
  completion: number | null;
}

/** What the person writes: kept as a draft while typed, then finished. */
export interface ReviewDraft {
  /** How last week's intentions went, by intention id. */
  kept: Record<string, Kept>;
  /** Common obstacles picked (ids from obstacles.ts). */
  obstacles: string[];
  /** Obstacles met and strategies to try, in the person's words. */
  notes: string;
  intentions: Intention[];
  ratings: ReviewRatings;
}

export interface WeeklyReview extends ReviewDraft {
  weekStart: DayKey;
  status: 'draft' | 'done';
  updatedAt: number;
  /** When first finished. */
  completedAt?: number;
  /** The report as it stood when finished. */
  report?: WeekReport;
}

export const EMPTY_DRAFT: ReviewDraft = { kept: {}, obstacles: [], notes: '', intentions: [], ratings: {} };
