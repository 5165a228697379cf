/** What a person reads about easings waiting and pauses planned: "Eases to 45 min focus on Thu 3 Dec". */
import type { Commitment, CommitmentDraft, DayKey, Pause, PendingEasing } from './types';
import { describeRequirement, describeShared } from './requirements';
import { describeSchedule } from './form-summary';
import { weekdayOf } from './days';
import { formatDay as dayWords, formatNumber, tr, weekdayName } from './i18n';

/** "Thu 3 Dec" (a day key, no time zone needed): the order from the catalog, the names from Intl. */
export function formatDay(day: DayKey): string {
  return tr('easing_words_day', { weekday: weekdayName(weekdayOf(day), 'short'), day: formatNumber(Number(day.slice(8, 10))), month: dayWords(day, { month: 'short' }) });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of an easing that differ from the terms in force, in words ("45 min focus", "Mon–Wed until 11:00", "2 sites"). */
function changedParts(c: Commitment, p: PendingEasing, dayStartMinutes: number): string[] {
  const parts: string[] = [];
  if (!same(c.requirement, p.requirement)) parts.push(describeRequirement(p.requirement));
  if (!same(c.schedule, p.schedule)) parts.push(describeSchedule(p.schedule, dayStartMinutes));
  if (!same(c.sites, p.sites)) parts.push(p.sites.length === 1 ? tr('easing_words_only', { value: p.sites[0] ?? '' }) : tr('easing_words_sites', { count: p.sites.length }));
  return parts;
}

/** "Eases to 45 min focus on Thu 3 Dec", or "Archived on Thu 3 Dec". */
export function describeEasing(c: Commitment, p: PendingEasing, dayStartMinutes: number): string {
  const parts = changedParts(c, p, dayStartMinutes);
  const when = formatDay(p.day);
  if (p.archive) return parts.length ? tr('easing_words_eases_to_and_is_archived_on', { value: parts.join(', '), when }) : tr('easing_words_archived_on', { when });
  return tr('easing_words_eases_to_on', { value: parts.length ? parts.join(', ') : tr('easing_words_new_terms'), when });
}

/**
 * An easing in words a partner may read: no site in them (a kind that names sites says so in `describeShared`),
 * "archived" for an archiving. "45 min focus", "Mon to Wed until 11:00", "fewer sites".
 */
export function partnerEasingWords(c: Commitment, p: PendingEasing, dayStartMinutes: number): string {
  const parts: string[] = [];
  if (!same(c.requirement, p.requirement)) parts.push(describeShared(p.requirement));
  if (!same(c.schedule, p.schedule)) parts.push(describeSchedule(p.schedule, dayStartMinutes));
  if (!same(c.sites, p.sites)) parts.push(p.sites.length < c.sites.length ? tr('easing_words_fewer_sites_held_back') : tr('easing_words_other_sites_held_back'));
  if (p.archive) parts.push(tr('easing_words_archived'));
  return parts.join(', ');
}

/** "Paused from Thu 3 Dec until Sat 12 Dec: exam week" (planned) or "Paused until Sat 12 Dec: exam week" (running). */
export function describePause(p: Pause, today: DayKey): string {
  const from = p.from > today ? formatDay(p.from) : null;
  const until = p.until !== undefined ? formatDay(p.until) : null;
  const paused = from && until ? tr('easing_words_paused_from_until', { from, until }) : from ? tr('easing_words_paused_from', { from })
    : until ? tr('easing_words_paused_until', { until }) : tr('easing_words_paused_until_you_resume');
  return p.reason ? tr('easing_words_with_reason', { text: paused, reason: p.reason }) : paused;
}

/** What the edit form starts from: the terms the commitment is heading for (an easing waiting included). */
export function draftOf(c: Commitment): CommitmentDraft {
  const p = c.pending;
  return { title: c.title, why: c.why, requirement: p?.requirement ?? c.requirement, schedule: p?.schedule ?? c.schedule, sites: p?.sites ?? c.sites };
}
