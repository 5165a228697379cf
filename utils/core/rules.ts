import type { Commitment, DayKey, Rules } from './types';

/** The requirement and schedule in force on `day` (the current ones unless an edit came after it). */
export function rulesOn(c: Commitment, day: DayKey): Rules {
  for (const r of c.earlierRules ?? []) if (day < r.until) return r;
  return c;
}

export function isPaused(c: Commitment, day: DayKey): boolean {
  return (c.pauses ?? []).some((p) => day >= p.from && (p.until === undefined || day < p.until));
}

/**
 * The commitment after an edit made on `today`: if the requirement or schedule changed, the old ones are
 * kept for the days before today (today is judged by the new rules: the edit applies from now).
 */
export function withEdit(existing: Commitment, next: Rules, today: DayKey): Pick<Commitment, 'earlierRules'> {
  const same = JSON.stringify([existing.requirement, existing.schedule]) === JSON.stringify([next.requirement, next.schedule]);
  const earlier = existing.earlierRules ?? [];
  if (same || earlier.at(-1)?.until === today) return { earlierRules: earlier.length ? earlier : undefined };
  return { earlierRules: [...earlier, { until: today, requirement: existing.requirement, schedule: existing.schedule }] };
}
