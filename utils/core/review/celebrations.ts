import { addDays } from '../days';
import type { WeeklyReview } from './types';
import { tr, trCount } from '../i18n';

/** Streak lengths worth a celebration, each once per commitment. */
export const MILESTONES = [7, 30, 100, 365] as const;

export interface Celebration {
  key: string;
  text: string;
}

export interface StreakNow {
  commitmentId: string;
  title: string;
  current: number;
  unit: 'day' | 'week';
}

/**
 * What to celebrate now, given what was celebrated before (`seen`, stored: once survives restarts): a streak
 * milestone (only the highest one reached; the lower ones are marked seen with it, so reaching 30 at once never
 * shows 7 later), and every plan of a week kept, as the person said in the next review.
 */
export function dueCelebrations(streaks: StreakNow[], reviews: WeeklyReview[], seen: ReadonlySet<string>): { show: Celebration[]; seen: string[] } {
  const show: Celebration[] = [];
  const marks: string[] = [];
  for (const s of streaks) {
    const reached = MILESTONES.filter((m) => s.current >= m);
    const top = reached.at(-1);
    if (top === undefined) continue;
    const key = (m: number) => `streak:${s.commitmentId}:${m}`;
    const fresh = reached.filter((m) => !seen.has(key(m)));
    if (fresh.length === 0) continue;
    marks.push(...fresh.map(key));
    if (!seen.has(key(top))) show.push({ key: key(top), text: trCount(s.unit === 'week' ? 'celebrations_weeks_in_a_row' : 'celebrations_days_in_a_row', top, { title: s.title }) });
  }
  for (const c of intentionsKept(reviews)) {
    if (seen.has(c.key)) continue;
    show.push(c);
    marks.push(c.key);
  }
  return { show, seen: marks };
}

/** Weeks whose plans were all kept: a finished review marking every plan of the review before it "kept". */
export function intentionsKept(reviews: WeeklyReview[]): Celebration[] {
  const byWeek = new Map(reviews.map((r) => [r.weekStart, r]));
  const out: Celebration[] = [];
  for (const r of reviews) {
    if (r.status !== 'done') continue;
    const before = byWeek.get(addDays(r.weekStart, -7));
    const plans = before?.status === 'done' ? before.intentions : [];
    if (plans.length > 0 && plans.every((p) => r.kept[p.id] === 'kept')) {
      out.push({ key: `intentions-kept:${before!.weekStart}`, text: plans.length === 1 ? tr('celebrations_you_kept_the_plan_you_made_for') : tr('celebrations_you_kept_all_plans_you_made_for', { plans: plans.length }) });
    }
  }
  return out;
}

/** Keys kept: the newest `max`, so the stored list stays small. */
export function rememberSeen(before: string[], added: string[], max = 400): string[] {
  const all = [...before.filter((k) => !added.includes(k)), ...added];
  return all.slice(Math.max(0, all.length - max));
}
