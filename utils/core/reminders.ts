import type { Clock, DayKey, DayStatus, Weekday } from './types';
import { addDays, dayKeyAt, dayOf, dayStartInstant, daysBetween, formatClockTime, localMinutesAt, wallTimeReached } from './days';
import { weekStartOf } from './streak-engine';
import { LATE_DAYS } from './review/weeks';
import type { WeeklyReview } from './review/types';
import { tr } from './i18n';

/** The reminders a person turned on (issue 10, item 4); all off until asked for (the permission comes with it). */
export interface ReminderSettings {
  /** The weekly review, on `reviewDay` at `reviewMinutes` local time. */
  review: boolean;
  reviewDay: Weekday;
  reviewMinutes: number;
  /** A commitment still to do 30 minutes before its day's last window closes. */
  closing: boolean;
  /** No reminder between `from` and `until` (local time; may span midnight); null = none. */
  quiet: { from: number; until: number } | null;
}

export const DEFAULT_REMINDERS: ReminderSettings = { review: false, reviewDay: 0, reviewMinutes: 18 * 60, closing: false, quiet: { from: 22 * 60, until: 7 * 60 } };
export const CLOSING_LEAD_MS = 30 * 60_000;

export interface Reminder {
  /** Once per key: 'review:<week>', 'closing:<commitment>:<day>'. */
  key: string;
  kind: 'review' | 'closing' | 'partner-review';
  /** When it is due, and when it no longer makes sense (the week over, the window closed). */
  at: number;
  until: number;
  title: string;
  message: string;
}

/** What the reminders are judged from, all stored: today's statuses, the reviews of this week and the last. */
export interface ReminderFacts {
  clock: Clock;
  reviews: ReadonlyMap<DayKey, WeeklyReview>;
  today: { commitmentId: string; title: string; status: DayStatus; deadline: number | null | undefined }[];
  /** Partners' weekly reviews as read here (issue 10): when each came, and whether the person has read it. */
  partnerReviews?: { pairId: string; name: string; at: number; read: boolean }[];
}

/** How long a partner's review waiting to be read is worth a reminder. */
export const PARTNER_REVIEW_REMIND_MS = 7 * 86_400_000;

/** A partner's week waiting to be read (with the weekly review's reminders: the same check-in ritual). */
function partnerReviewReminders({ partnerReviews = [] }: ReminderFacts): Reminder[] {
  return partnerReviews
    .filter((r) => !r.read)
    .map((r) => ({
      key: `partner-review:${r.pairId}:${r.at}`,
      kind: 'partner-review' as const,
      at: r.at,
      until: r.at + PARTNER_REVIEW_REMIND_MS,
      title: tr('reminders_partner_week_waiting', { name: r.name }),
      message: tr('reminders_partner_week_waiting_message', { name: r.name }),
    }));
}

export function inQuiet(instant: number, quiet: ReminderSettings['quiet'], timeZone: string): boolean {
  if (!quiet || quiet.from === quiet.until) return false;
  const m = localMinutesAt(instant, timeZone);
  return quiet.from < quiet.until ? m >= quiet.from && m < quiet.until : m >= quiet.from || m < quiet.until;
}

/** The first instant after `instant` at which the quiet hours end. */
export function quietEnd(instant: number, quiet: NonNullable<ReminderSettings['quiet']>, timeZone: string): number {
  const date = dayKeyAt(instant, timeZone, 0);
  const today = wallTimeReached(date, quiet.until, timeZone);
  return today > instant ? today : wallTimeReached(addDays(date, 1), quiet.until, timeZone);
}

/** The review reminders of last week, this week and the next: each for the week a review of then would be about. */
function reviewReminders(s: ReminderSettings, { clock, reviews }: ReminderFacts): Reminder[] {
  const weekStartsOn = clock.weekStartsOn ?? 1;
  const thisWeek = weekStartOf(dayOf(clock.now, clock), weekStartsOn);
  return [addDays(thisWeek, -7), thisWeek, addDays(thisWeek, 7)].flatMap((week) => {
    const day = addDays(week, (s.reviewDay - weekStartsOn + 7) % 7);
    // Early in a week (as the review page does) the reminder is for last week's review.
    const about = daysBetween(week, day) < LATE_DAYS ? addDays(week, -7) : week;
    if (reviews.get(about)?.status === 'done') return [];
    const date = s.reviewMinutes < clock.dayStartMinutes ? addDays(day, 1) : day;
    return [{
      key: `review:${about}`,
      kind: 'review' as const,
      at: wallTimeReached(date, s.reviewMinutes, clock.timeZone),
      // Until a review of that week can no longer be written (late, during the week after it).
      until: dayStartInstant(addDays(about, 14), clock.timeZone, clock.dayStartMinutes),
      title: tr('reminders_time_for_your_weekly_check_in'),
      message: tr('reminders_how_did_the_week_go_a_few'),
    }];
  });
}

function closingReminders(s: ReminderSettings, { clock, today }: ReminderFacts): Reminder[] {
  if (!s.closing) return [];
  const day = dayOf(clock.now, clock);
  return today
    .filter((t) => (t.status === 'pending' || t.status === 'in-progress') && typeof t.deadline === 'number')
    .map((t) => ({
      key: `closing:${t.commitmentId}:${day}`,
      kind: 'closing' as const,
      at: t.deadline! - CLOSING_LEAD_MS,
      until: t.deadline!,
      title: tr('reminders_is_still_to_do', { title: t.title }),
      message: tr('reminders_its_time_ends_at_there_is_still', { value: formatClockTime(localMinutesAt(t.deadline!, clock.timeZone)) }),
    }));
}

/**
 * The reminders due now (not sent before, still making sense, outside quiet hours) and when the next one is due,
 * all from stored state: called at every recompute and when the reminder alarm fires, so a dead worker or a
 * restarted browser loses nothing and doubles nothing. A reminder that falls in quiet hours waits for their end
 * (and is dropped if that is too late: a window closed meanwhile). Nothing is reminded once done.
 */
export function planReminders(s: ReminderSettings, facts: ReminderFacts, sent: ReadonlySet<string>): { due: Reminder[]; next: number | null } {
  const now = facts.clock.now;
  const due: Reminder[] = [];
  let next: number | null = null;
  const all = [...(s.review ? [...reviewReminders(s, facts), ...partnerReviewReminders(facts)] : []), ...closingReminders(s, facts)];
  for (const r of all) {
    if (sent.has(r.key)) continue;
    let when = Math.max(r.at, now);
    if (s.quiet && inQuiet(when, s.quiet, facts.clock.timeZone)) when = quietEnd(when, s.quiet, facts.clock.timeZone);
    if (when >= r.until) continue;
    if (when <= now) due.push(r);
    else if (next === null || when < next) next = when;
  }
  return { due, next };
}
