import { DEFAULT_SETTINGS, type CommitmentDraft, type Result, type Weekday } from './types';
import { normaliseSitePatterns } from './site-pattern';
import { findRequirementKind, perWeekOf, trackedSitesOf } from './requirements';
import { fail, ok } from './result';
import { validateDaysOnly, validateSchedule } from './schedule-check';
import { tr } from './i18n';

export const TITLE_MAX = 120;
export const WHY_MAX = 500;
export const SITES_MAX = 100;
/** Longest note on a check-in. */
export const NOTE_MAX = 280;

const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/**
 * Checks a draft the way the form shows it: the first problem found, in words the person can act on.
 * On success the draft comes back normalised (trimmed text, canonical site patterns, sorted days). The schedule's
 * times are read within the person's day, which starts at `dayStartMinutes` (schedule-check.ts).
 */
export function validateCommitment(draft: CommitmentDraft, dayStartMinutes = DEFAULT_SETTINGS.dayStartMinutes): Result<CommitmentDraft> {
  const title = draft.title.trim();
  if (!title) return fail(tr('commitment_give_the_commitment_a_name_e_g'));
  if (title.length > TITLE_MAX) return fail(tr('commitment_keep_the_name_under_characters', { TITLE_MAX }));
  const why = draft.why.trim();
  if (why.length > WHY_MAX) return fail(tr('commitment_keep_why_this_matters_under', { WHY_MAX }));

  const kind = findRequirementKind(draft.requirement.kind);
  if (!kind) return fail(tr('commitment_choose_what_has_to_happen_first'));
  const requirement = kind.validate(draft.requirement);
  if (!requirement.ok) return requirement;
  const r = requirement.value;

  const days = validateDaysOnly(draft.schedule);
  if (!days.ok) return days;

  const normalised = normaliseSitePatterns(draft.sites);
  if (!normalised.ok) return normalised;
  const sites = normalised.value;
  const both = trackedSitesOf(r).find((w) => sites.includes(w));
  if (both) return fail(tr('commitment_cant_be_both_a_work_site_and_a', { both }));
  if (!kind.gates) {
    // Holds no site back and has the whole day (its times are not asked for); one judged by its week applies
    // every day of it. Kept as one window on its days.
    const until = draft.schedule[0]!.untilMinutes;
    const window = { days: perWeekOf(r) === undefined ? days.value : EVERY_DAY, untilMinutes: Number.isInteger(until) && until >= 0 && until < 1440 ? until : dayStartMinutes };
    return ok({ title, why, sites: [], requirement: r, schedule: [window] });
  }
  if (sites.length === 0) return fail(tr('commitment_add_at_least_one_site_to_gate_e'));
  if (sites.length > SITES_MAX) return fail(tr('commitment_gate_at_most_sites_per', { SITES_MAX }));

  const schedule = validateSchedule(draft.schedule, dayStartMinutes);
  if (!schedule.ok) return schedule;
  return { ok: true, value: { title, why, sites, requirement: r, schedule: schedule.value } };
}
