import type { DayKey } from '../types';
import { addDays } from '../days';
import type { Summary } from './summary';
import { tr } from '../i18n';

/**
 * The "observation plus question" nudge (issue 10): when a partner's shared commitment was missed on two or more
 * days of the past week, a message drafted from the facts only — the commitment's title and the weekdays — for the
 * person to edit and send, or not. The week is the seven days before the partner's today (their summary's `day`),
 * so the draft is there whichever week either of them reviews; today is never counted (it is not over).
 */
export const NUDGE_MIN_MISSED = 2;

export interface MissedWeek {
  commitmentId: string;
  title: string;
  /** The missed days, oldest first. */
  days: DayKey[];
}

/** Each shared commitment missed on at least NUDGE_MIN_MISSED of the seven days before the summary's day. */
export function missedLastWeek(summary: Pick<Summary, 'day' | 'commitments'>): MissedWeek[] {
  const out: MissedWeek[] = [];
  for (const c of summary.commitments) {
    // `days` ends with the summary's day: its last letter is today's.
    const letters = [...c.days];
    const days: DayKey[] = [];
    for (let back = 1; back <= 7; back++) {
      if (letters[letters.length - 1 - back] === 'm') days.unshift(addDays(summary.day, -back));
    }
    if (days.length >= NUDGE_MIN_MISSED) out.push({ commitmentId: c.id, title: c.title, days });
  }
  return out;
}


/** "Tuesday and Wednesday" in `locale` (Intl), for days given as YYYY-MM-DD (calendar dates: no time zone shifts them). */
export function weekdayList(days: readonly DayKey[], locale: string | undefined): string {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const names = days.map((d) => name.format(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))));
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** The draft for one missed week: "I noticed deep work didn't happen on Tuesday and Wednesday. What got in the way, and how can I help?" */
export function nudgeDraft(missed: Pick<MissedWeek, 'title' | 'days'>, locale: string | undefined): string {
  // "Deep work" reads as "deep work" mid-sentence in English; other languages (German nouns) keep the title as written.
  const lower = (locale ?? 'en').toLowerCase().startsWith('en') && missed.title.slice(1) === missed.title.slice(1).toLowerCase();
  const title = lower ? missed.title.charAt(0).toLowerCase() + missed.title.slice(1) : missed.title;
  return tr('nudge_i_noticed', { title, days: weekdayList(missed.days, locale) });
}
