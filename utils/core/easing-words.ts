/** What a person reads about easings waiting and pauses planned: "Eases to 45 min focus on Thu 3 Dec". */
import type { Commitment, CommitmentDraft, DayKey, Pause, PendingEasing } from './types';
import { describeRequirement, describeShared } from './requirements';
import { describeSchedule } from './form-summary';
import { weekdayOf } from './days';
import { WEEKDAY_SHORT } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Thu 3 Dec" (a day key, no time zone needed). */
export function formatDay(day: DayKey): string {
  return `${WEEKDAY_SHORT[weekdayOf(day)]} ${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of an easing that differ from the terms in force, in words ("45 min focus", "Mon–Wed until 11:00", "2 sites"). */
function changedParts(c: Commitment, p: PendingEasing, dayStartMinutes: number): string[] {
  const parts: string[] = [];
  if (!same(c.requirement, p.requirement)) parts.push(describeRequirement(p.requirement));
  if (!same(c.schedule, p.schedule)) parts.push(describeSchedule(p.schedule, dayStartMinutes));
  if (!same(c.sites, p.sites)) parts.push(p.sites.length === 1 ? `only ${p.sites[0]}` : `${p.sites.length} sites`);
  const pledge = pledgeChange(c, p);
  if (pledge) parts.push(pledge);
  return parts;
}

/** "Eases to 45 min focus on Thu 3 Dec", or "Archived on Thu 3 Dec". */
export function describeEasing(c: Commitment, p: PendingEasing, dayStartMinutes: number): string {
  const parts = changedParts(c, p, dayStartMinutes);
  const when = formatDay(p.day);
  if (p.archive) return parts.length ? `Eases to ${parts.join(', ')} and is archived on ${when}` : `Archived on ${when}`;
  return `Eases to ${parts.length ? parts.join(', ') : 'new terms'} on ${when}`;
}

/**
 * An easing in words a partner may read: no site in them (a kind that names sites says so in `describeShared`),
 * "archived" for an archiving. "45 min focus", "Mon to Wed until 11:00", "fewer sites".
 */
export function partnerEasingWords(c: Commitment, p: PendingEasing, dayStartMinutes: number): string {
  const parts: string[] = [];
  if (!same(c.requirement, p.requirement)) parts.push(describeShared(p.requirement));
  if (!same(c.schedule, p.schedule)) parts.push(describeSchedule(p.schedule, dayStartMinutes));
  if (!same(c.sites, p.sites)) parts.push(p.sites.length < c.sites.length ? 'fewer sites held back' : 'other sites held back');
  const pledge = pledgeChange(c, p);
  if (pledge) parts.push(pledge);
  if (p.archive) parts.push('archived');
  return parts.join(', ');
}

/** A pledge the easing changes, in words: "no pledge", "a pledge after 3 missed days". */
function pledgeChange(c: Commitment, p: PendingEasing): string | null {
  if (p.pledge === undefined || same(p.pledge, c.pledge ? { misses: c.pledge.misses, stake: c.pledge.stake } : null)) return null;
  return p.pledge === null ? 'no pledge' : `a pledge after ${p.pledge.misses === 1 ? 'a missed day' : `${p.pledge.misses} missed days`}`;
}

/** "Paused from Thu 3 Dec until Sat 12 Dec: exam week" (planned) or "Paused until Sat 12 Dec: exam week" (running). */
export function describePause(p: Pause, today: DayKey): string {
  const from = p.from > today ? ` from ${formatDay(p.from)}` : '';
  const until = p.until !== undefined ? ` until ${formatDay(p.until)}` : from ? '' : ' until you resume';
  return `Paused${from}${until}${p.reason ? `: ${p.reason}` : ''}`;
}

/** What the edit form starts from: the terms the commitment is heading for (an easing waiting included). */
export function draftOf(c: Commitment): CommitmentDraft {
  const p = c.pending;
  return { title: c.title, why: c.why, requirement: p?.requirement ?? c.requirement, schedule: p?.schedule ?? c.schedule, sites: p?.sites ?? c.sites };
}
