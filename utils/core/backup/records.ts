import type { Attempt, AttemptOutcome, CheckIn, FocusOutcome, FocusSession, Result, SiteDay } from '../types';
import { NOTE_MAX } from '../commitment';
import { MAX_PATTERN_LENGTH } from '../site-pattern';
import { fail, ok } from '../result';
import { BAD_DATE, isDay, isId, isInstant, isObj, isWhole, oneOf, type Bounds, type Obj } from './fields';
import { tr } from '../i18n';

/**
 * The records a commitment is judged by, checked one by one: the fields Tandem writes, of the right kind and in
 * range, and the commitment they belong to present in the same file. Each comes back rebuilt from its known
 * fields only (anything else in the file is left behind). A problem is a phrase completing "check-in 3 of 214 …".
 */
export type RecordCheck<T> = (raw: unknown, b: Bounds, commitments: ReadonlySet<string>) => Result<T>;

const OUTCOMES: readonly FocusOutcome[] = ['running', 'completed', 'ended-early'];
const ARRIVALS: readonly AttemptOutcome[] = ['turned-back', 'went-anyway', 'started-session'];
/** A logical day is at most 25 hours (a DST change); a little more for a visit running over the day start. */
const MAX_SECONDS_A_DAY = 26 * 3600;

/** Id, commitment, day and time: what every dated record of a commitment has. */
function common(r: Obj, b: Bounds, commitments: ReadonlySet<string>, at: 'at' | 'startedAt'): string | null {
  if (!isId(r.id)) return tr('records_has_no_valid_id');
  if (typeof r.commitmentId !== 'string' || !commitments.has(r.commitmentId)) return tr('records_belongs_to_no_commitment_in_this');
  if (!isDay(r.day, b) || !isInstant(r[at], b)) return BAD_DATE();
  return null;
}

const shaped = <T>(raw: unknown, check: (r: Obj) => string | T): Result<T> => {
  if (!isObj(raw)) return fail(tr('records_isnt_a_record_tandem_writes'));
  const out = check(raw);
  return typeof out === 'string' ? fail(out) : ok(out);
};

export const checkSession: RecordCheck<FocusSession> = (raw, b, commitments) =>
  shaped(raw, (r) => {
    const problem = common(r, b, commitments, 'startedAt');
    if (problem) return problem;
    if (!isInstant(r.endsAt, b) || (r.endedAt !== undefined && !isInstant(r.endedAt, b))) return BAD_DATE();
    if (!oneOf(r.outcome, OUTCOMES)) return tr('records_has_an_outcome_tandem_doesnt');
    const s: FocusSession = { id: r.id as string, commitmentId: r.commitmentId as string, day: r.day as string, startedAt: r.startedAt as number, endsAt: r.endsAt, outcome: r.outcome };
    if (r.endedAt !== undefined) s.endedAt = r.endedAt;
    return s;
  });

export const checkCheckIn: RecordCheck<CheckIn> = (raw, b, commitments) =>
  shaped(raw, (r) => {
    const problem = common(r, b, commitments, 'at');
    if (problem) return problem;
    if (r.note !== undefined && (typeof r.note !== 'string' || r.note.length > NOTE_MAX)) return tr('records_has_a_note_that_isnt_text_of_up', { NOTE_MAX });
    if (r.rating !== undefined && !isWhole(r.rating, 1, 5)) return tr('records_has_a_rating_that_isnt_1_to_5');
    const c: CheckIn = { id: r.id as string, commitmentId: r.commitmentId as string, day: r.day as string, at: r.at as number };
    if (r.note !== undefined) c.note = r.note;
    if (r.rating !== undefined) c.rating = r.rating as CheckIn['rating'];
    return c;
  });

export const checkAttempt: RecordCheck<Attempt> = (raw, b, commitments) =>
  shaped(raw, (r) => {
    const problem = common(r, b, commitments, 'at');
    if (problem) return problem;
    if (!oneOf(r.outcome, ARRIVALS)) return tr('records_has_an_outcome_tandem_doesnt');
    return { id: r.id as string, commitmentId: r.commitmentId as string, day: r.day as string, at: r.at as number, outcome: r.outcome };
  });

export const checkSiteDay: RecordCheck<SiteDay> = (raw, b) =>
  shaped(raw, (r) => {
    if (typeof r.site !== 'string' || !r.site || r.site.length > MAX_PATTERN_LENGTH) return tr('records_has_no_valid_site');
    if (!isDay(r.day, b)) return BAD_DATE();
    if (typeof r.seconds !== 'number' || !(r.seconds >= 0 && r.seconds <= MAX_SECONDS_A_DAY)) return tr('records_has_more_time_than_a_day_holds');
    if (!isWhole(r.visits, 0, 1_000_000)) return tr('records_has_a_count_of_visits_that_isnt');
    return { site: r.site, day: r.day, seconds: r.seconds, visits: r.visits };
  });
