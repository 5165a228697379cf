import type { Attempt, AttemptOutcome, DayKey, Weekday } from './types';
import { addDays, daysBetween } from './days';
import { weekStartOf } from './streak-engine';

export interface WeekAttempts {
  weekStart: DayKey;
  counts: Record<AttemptOutcome, number>;
  total: number;
}

/** The block-page record by week, oldest first: how often the gate was met, and what the person did. */
export function attemptsByWeek(attempts: Attempt[], today: DayKey, weeks: number, weekStartsOn: Weekday = 1): WeekAttempts[] {
  const first = addDays(weekStartOf(today, weekStartsOn), -7 * (weeks - 1));
  const rows: WeekAttempts[] = Array.from({ length: weeks }, (_, i) => ({
    weekStart: addDays(first, 7 * i),
    counts: { 'turned-back': 0, 'went-anyway': 0, 'started-session': 0 },
    total: 0,
  }));
  for (const a of attempts) {
    if (a.day < first || a.day > today) continue;
    const row = rows[Math.floor(daysBetween(first, a.day) / 7)]!;
    row.counts[a.outcome]++;
    row.total++;
  }
  return rows;
}

/** Arrivals per day over the last `days` days up to today, oldest first. */
export function attemptsByDay(attempts: Attempt[], today: DayKey, days: number): { day: DayKey; total: number; wentAnyway: number }[] {
  const first = addDays(today, -(days - 1));
  const rows = Array.from({ length: days }, (_, i) => ({ day: addDays(first, i), total: 0, wentAnyway: 0 }));
  for (const a of attempts) {
    if (a.day < first || a.day > today) continue;
    const row = rows[daysBetween(first, a.day)]!;
    row.total++;
    if (a.outcome === 'went-anyway') row.wentAnyway++;
  }
  return rows;
}

/** One commitment's block-page record as the options page shows it: the last 8 weeks and 14 days. */
export function blockRecord(attempts: Attempt[], commitmentId: string, today: DayKey): { weeks: WeekAttempts[]; days: ReturnType<typeof attemptsByDay> } {
  const mine = attempts.filter((a) => a.commitmentId === commitmentId);
  return { weeks: attemptsByWeek(mine, today, 8), days: attemptsByDay(mine, today, 14) };
}

/** Share of arrivals where the person did not go on to the site (turned back or started the session). */
export function heldShare(rows: WeekAttempts[]): number | null {
  const total = rows.reduce((n, r) => n + r.total, 0);
  if (total === 0) return null;
  return rows.reduce((n, r) => n + r.total - r.counts['went-anyway'], 0) / total;
}
