import type { CommitmentDraft, Result, Weekday } from './types';
import { normaliseSitePattern } from './site-pattern';
import { fail } from './result';

export const TITLE_MAX = 120;
export const WHY_MAX = 500;
export const FOCUS_MINUTES_MIN = 1;
export const FOCUS_MINUTES_MAX = 240;
export const SITES_MAX = 100;
export const HABIT_TIMES_MAX = 20;
/** Longest note on a check-in. */
export const NOTE_MAX = 280;

/**
 * Checks a draft the way the form shows it: the first problem found, in words the person can act on.
 * On success the draft comes back normalised (trimmed text, canonical site patterns, sorted days).
 */
export function validateCommitment(draft: CommitmentDraft): Result<CommitmentDraft> {
  const title = draft.title.trim();
  if (!title) return fail('Give the commitment a name, e.g. “Deep work before email”.');
  if (title.length > TITLE_MAX) return fail(`Keep the name under ${TITLE_MAX} characters.`);
  const why = draft.why.trim();
  if (why.length > WHY_MAX) return fail(`Keep “why this matters” under ${WHY_MAX} characters.`);

  let r = draft.requirement;
  if (r.kind === 'habit') {
    if (!Number.isInteger(r.times) || r.times < 1 || r.times > HABIT_TIMES_MAX) return fail(`A habit is done 1 to ${HABIT_TIMES_MAX} times a ${r.per === 'week' ? 'week' : 'day'}.`);
    if (r.per !== 'day' && r.per !== 'week') return fail('Choose “a day” or “a week”.');
  } else if (r.kind === 'focus' || r.kind === 'site-time') {
    if (!Number.isInteger(r.minutes) || r.minutes < FOCUS_MINUTES_MIN || r.minutes > FOCUS_MINUTES_MAX) {
      return fail(`${r.kind === 'focus' ? 'A focus session' : 'Time on work sites'} is ${FOCUS_MINUTES_MIN} to ${FOCUS_MINUTES_MAX} whole minutes.`);
    }
  } else if (r.kind !== 'checkin') {
    return fail('Choose what has to happen first: a focus session, time on work sites, or a check-in.');
  }
  if (r.kind === 'site-time') {
    const work = normaliseAll(r.sites);
    if (!work.ok) return work;
    if (work.value.length === 0) return fail('Add at least one work site, e.g. docs.google.com.');
    r = { ...r, sites: work.value };
  }

  const days = [...new Set(draft.window.days)].sort((a, b) => a - b) as Weekday[];
  if (days.length === 0) return fail('Pick at least one day of the week.');
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) return fail('Days of the week are Sunday to Saturday.');
  const until = draft.window.untilMinutes;
  if (!Number.isInteger(until) || until < 0 || until >= 24 * 60) return fail('The end time must be a time of day, 00:00 to 23:59.');

  const normalised = normaliseAll(draft.sites);
  if (!normalised.ok) return normalised;
  const sites = normalised.value;
  if (r.kind === 'site-time' && r.sites.some((w) => sites.includes(w))) {
    return fail(`${r.sites.find((w) => sites.includes(w))} can't be both a work site and a site held back.`);
  }
  if (r.kind === 'habit') {
    // A habit holds no site back; weekly habits apply every day of their week.
    const habitDays = r.per === 'week' ? ([0, 1, 2, 3, 4, 5, 6] as Weekday[]) : days;
    return { ok: true, value: { title, why, sites: [], requirement: r, window: { days: habitDays, untilMinutes: until } } };
  }
  if (sites.length === 0) return fail('Add at least one site to gate, e.g. mail.google.com.');
  if (sites.length > SITES_MAX) return fail(`Gate at most ${SITES_MAX} sites per commitment.`);

  return { ok: true, value: { title, why, sites, requirement: r, window: { days, untilMinutes: until } } };
}

/** Site patterns in canonical form, without blanks or repeats; the first invalid one is refused. */
function normaliseAll(raw: string[]): Result<string[]> {
  const sites: string[] = [];
  for (const text of raw) {
    if (!text.trim()) continue; // blank lines in the list are not an error
    const site = normaliseSitePattern(text);
    if (!site.ok) return site;
    if (!sites.includes(site.value)) sites.push(site.value);
  }
  return { ok: true, value: sites };
}

