import type { CommitmentDraft, Pause, Repair, Result } from '../types';
import { PAUSE_REASON_MAX } from '../easing-plan';
import { checkPledge } from '../pledge';
import { validateCommitment } from '../commitment';
import { findRequirementKind } from '../requirements';
import { fail, ok } from '../result';
import { BAD_DATE, isDay, isId, isInstant, isObj, type Bounds, type Obj } from './fields';
import type { ExportedCommitment } from './format';
import { tr } from '../i18n';

/** Earlier rules and pauses a commitment may carry: far more than years of edits make. */
const MAX_HISTORY = 1_000;
/** Earlier rules are checked as a draft with this site: what they held back is not kept, only the rules. */
const SOME_SITE = 'example.com';

/**
 * A commitment in a file, checked by the same rules as the form (validateCommitment and each requirement kind's
 * own validator, so this file knows nothing of a schedule's or a requirement's fields), plus what the form does not
 * write: its id, dates, earlier rules, pauses, repaired days and an easing waiting. A shape the validators cannot read at all is refused, not thrown.
 */
export function checkCommitment(raw: unknown, b: Bounds, dayStartMinutes: number): Result<ExportedCommitment> {
  if (!isObj(raw)) return fail(tr('commitments_isnt_a_commitment_tandem_writes'));
  if (!isId(raw.id)) return fail(tr('commitments_has_no_valid_id'));
  const rules = checkRules(raw, typeof raw.title === 'string' ? raw.title : '', raw.sites, dayStartMinutes);
  if (!rules.ok) return rules;
  if (!isInstant(raw.createdAt, b) || !isInstant(raw.updatedAt, b)) return fail(BAD_DATE());
  if (raw.archivedAt !== undefined && !isInstant(raw.archivedAt, b)) return fail(BAD_DATE());
  const c: ExportedCommitment = { id: raw.id, ...rules.value, createdAt: raw.createdAt, updatedAt: raw.updatedAt };
  if (raw.archivedAt !== undefined) c.archivedAt = raw.archivedAt;

  if (raw.earlierRules !== undefined) {
    if (!Array.isArray(raw.earlierRules) || raw.earlierRules.length > MAX_HISTORY) return fail(tr('commitments_has_earlier_rules_tandem_cant'));
    const earlier: NonNullable<ExportedCommitment['earlierRules']> = [];
    for (const e of raw.earlierRules) {
      if (!isObj(e) || !isDay(e.until, b)) return fail(tr('commitments_has_earlier_rules_with_a_bad_date'));
      const r = checkRules({ ...e, why: '' }, c.title, [SOME_SITE], dayStartMinutes);
      if (!r.ok) return fail(tr('commitments_has_earlier_rules_tandem_cant_2', { error: r.error }));
      earlier.push({ until: e.until, requirement: r.value.requirement, schedule: r.value.schedule });
    }
    c.earlierRules = earlier;
  }
  if (raw.pauses !== undefined) {
    if (!Array.isArray(raw.pauses) || raw.pauses.length > MAX_HISTORY) return fail(tr('commitments_has_pauses_tandem_cant_read'));
    const pauses: NonNullable<ExportedCommitment['pauses']> = [];
    for (const p of raw.pauses) {
      if (!isObj(p) || !isDay(p.from, b) || (p.until !== undefined && (!isDay(p.until, b) || p.until < p.from))) return fail(tr('commitments_has_a_pause_with_dates_tandem'));
      if (p.reason !== undefined && (typeof p.reason !== 'string' || p.reason.length > PAUSE_REASON_MAX)) return fail(tr('commitments_has_a_pause_with_a_reason_tandem'));
      const pause: Pause = p.until === undefined ? { from: p.from } : { from: p.from, until: p.until as string };
      if (typeof p.reason === 'string' && p.reason) pause.reason = p.reason;
      pauses.push(pause);
    }
    c.pauses = pauses;
  }
  if (raw.repairs !== undefined) {
    if (!Array.isArray(raw.repairs) || raw.repairs.length > MAX_HISTORY) return fail(tr('commitments_has_repairs_tandem_cant_read'));
    const repairs: Repair[] = [];
    for (const r of raw.repairs) {
      if (!isObj(r) || !isDay(r.day, b) || (r.by !== 'make-up' && r.by !== 'partner') || !isInstant(r.at, b)) return fail(tr('commitments_has_a_repaired_day_tandem_cant'));
      repairs.push({ day: r.day, by: r.by, at: r.at });
    }
    c.repairs = repairs;
  }
  if (raw.recalibration !== undefined) {
    const r = raw.recalibration;
    if (!isObj(r) || !isInstant(r.at, b) || !['recommit', 'fit', 'pause'].includes(r.choice as string) || (r.note !== undefined && (typeof r.note !== 'string' || r.note.length > 200))) {
      return fail(tr('commitments_has_a_recalibration_tandem_cant'));
    }
    c.recalibration = { at: r.at, choice: r.choice as 'recommit' | 'fit' | 'pause', ...(typeof r.note === 'string' ? { note: r.note } : {}) };
  }
  if (raw.pledge !== undefined) {
    const p = raw.pledge;
    const checked = isObj(p) && typeof p.misses === 'number' && typeof p.stake === 'string' ? checkPledge(p.misses, p.stake) : null;
    const kept = isObj(p) ? p.kept : undefined;
    if (!checked?.ok || (kept !== undefined && (!Array.isArray(kept) || kept.length > 52 || !kept.every((k) => isDay(k, b))))) return fail(tr('commitments_has_a_pledge_tandem_cant_accept'));
    c.pledge = { ...checked.value, ...(kept ? { kept: kept as string[] } : {}) };
  }
  if (raw.pending !== undefined) {
    // An easing waiting for its day comes back waiting, for the same day: an import never makes it apply sooner.
    const p = raw.pending;
    if (!isObj(p) || !isDay(p.day, b) || !isInstant(p.madeAt, b) || (p.archive !== undefined && p.archive !== true)) return fail(tr('commitments_has_a_change_waiting_with_dates'));
    const r = checkRules({ ...p, why: '' }, c.title, p.sites, dayStartMinutes);
    if (!r.ok) return fail(tr('commitments_has_a_change_waiting_that_tandem', { error: r.error }));
    c.pending = { day: p.day, madeAt: p.madeAt, requirement: r.value.requirement, schedule: r.value.schedule, sites: r.value.sites };
    if (p.archive) c.pending.archive = true;
  }
  return ok(c);
}

/** Title, why, sites, requirement and schedule, through the form's own validation (with the file's day start). */
function checkRules(raw: Obj, title: string, sites: unknown, dayStartMinutes: number): Result<CommitmentDraft> {
  const requirement = raw.requirement;
  if (!isObj(requirement) || typeof requirement.kind !== 'string') return fail(tr('commitments_has_no_requirement_tandem_can'));
  if (!findRequirementKind(requirement.kind)) {
    return fail(tr('commitments_uses_a_kind_of_commitment_this'));
  }
  if (typeof title !== 'string' || typeof raw.why !== 'string' || !Array.isArray(sites) || !sites.every((s) => typeof s === 'string') || !Array.isArray(raw.schedule) || !raw.schedule.every(isObj)) {
    return fail(tr('commitments_isnt_in_a_shape_tandem_can_read'));
  }
  try {
    const draft = { title, why: raw.why, sites, requirement, schedule: raw.schedule } as unknown as CommitmentDraft;
    const checked = validateCommitment(draft, dayStartMinutes);
    return checked.ok ? checked : fail(tr('commitments_cant_be_accepted', { error: checked.error }));
  } catch {
    return fail(tr('commitments_isnt_in_a_shape_tandem_can_read'));
  }
}
