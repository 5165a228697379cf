import type { Clock } from '../core/types';
import { addDays, dayOf } from '../core/days';
import { planReminders, type Reminder, type ReminderSettings } from '../core/reminders';
import { rememberSeen } from '../core/review/celebrations';
import { weekStartOf } from '../core/streak-engine';
import { statusToday } from '../core/status';
import { isWeeklyHabit } from '../core/outcome-cache';
import { NO_RECORDS } from '../core/requirements';
import type { TandemDB } from '../db/db';
import { activeCommitments, livePairs, recordsOn } from '../db/queries';
import { ALARMS, type Alarms } from './alarms';

export interface ReminderDeps {
  settings: { getValue(): Promise<ReminderSettings> };
  /** Keys of the reminders already shown (stored). */
  sent: { getValue(): Promise<string[]>; setValue(keys: string[]): Promise<void> };
  /** Shows one; false when it could not be shown (no permission): it is then not marked as sent. */
  notify(reminder: Reminder): Promise<boolean>;
}

/**
 * Shows the reminders due now and sets the one reminder alarm for the next, all from stored state (the settings,
 * the reviews, today's records): run at every recompute of the gate and when the alarm fires, so a worker stopped
 * anywhere, or a browser restarted, finds the same answer. A reminder shown is stored before the next is planned.
 */
export async function runReminders(db: TandemDB, clock: Clock, alarms: Alarms, deps: ReminderDeps): Promise<{ shown: Reminder[]; next: number | null }> {
  const settings = await deps.settings.getValue();
  if (!settings.review && !settings.closing) {
    await alarms.clear(ALARMS.reminder);
    return { shown: [], next: null };
  }
  const day = dayOf(clock.now, clock);
  const lastWeek = addDays(weekStartOf(day, clock.weekStartsOn ?? 1), -7);
  const [reviews, commitments, records, sent, pairs, partnerReviews] = await Promise.all([
    db.reviews.where('weekStart').aboveOrEqual(addDays(lastWeek, -7)).toArray(),
    activeCommitments(db),
    recordsOn(db, day),
    deps.sent.getValue(),
    livePairs(db),
    db.partnerReviews.toArray(),
  ]);
  const today = commitments
    .filter((c) => !isWeeklyHabit(c))
    .map((c) => {
      const t = statusToday(c, records.get(c.id) ?? NO_RECORDS, clock);
      return { commitmentId: c.id, title: c.title, status: t.status, deadline: t.deadline };
    });
  // Partners' weeks waiting to be read (issue 10), of live pairs.
  const waiting = partnerReviews.flatMap((r) => {
    const pair = pairs.find((p) => p.id === r.pairId);
    const at = r.review.at ?? r.fetchedAt;
    return pair ? [{ pairId: r.pairId, name: pair.partnerName, at, read: r.readAt === at }] : [];
  });
  const plan = planReminders(settings, { clock, reviews: new Map(reviews.map((r) => [r.weekStart, r])), today, partnerReviews: waiting }, new Set(sent));
  const shown: Reminder[] = [];
  for (const r of plan.due) if (await deps.notify(r)) shown.push(r);
  if (shown.length) await deps.sent.setValue(rememberSeen(sent, shown.map((r) => r.key), 200));
  if (plan.next === null) await alarms.clear(ALARMS.reminder);
  else await alarms.at(ALARMS.reminder, plan.next);
  return { shown, next: plan.next };
}
