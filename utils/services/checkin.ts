import type { CheckIn, Clock, Result } from '../core/types';
import { addDays, dayOf } from '../core/days';
import { fail, ok } from '../core/result';
import { NOTE_MAX } from '../core/commitment';
import { kindOf } from '../core/requirements';
import { newId, type TandemDB } from '../db/db';
import { tr } from '@/utils/core/i18n';

export type CheckInDay = 'today' | 'yesterday';

/**
 * "I did it", as the kind takes it (RequirementKind.checkIn): once a day for a check-in commitment (a second one
 * returns the first); a habit counts every check-in. Yesterday can still be logged today (a late night counts)
 * until the next day start; older days are not editable, so the history stays honest.
 */
export async function checkIn(db: TandemDB, commitmentId: string, clock: Clock, when: CheckInDay = 'today'): Promise<Result<CheckIn>> {
  return db.transaction('rw', db.commitments, db.checkIns, async () => {
    const c = await db.commitments.get(commitmentId);
    if (!c || c.archivedAt !== undefined) return fail(tr('checkin_that_commitment_no_longer_exists'));
    const mode = kindOf(c.requirement).checkIn;
    if (mode === 'none') return fail(tr('checkin_this_commitment_is_kept_with_a'));
    const today = dayOf(clock.now, clock);
    const day = when === 'yesterday' ? addDays(today, -1) : today;
    if (day < dayOf(c.createdAt, clock)) return fail(tr('checkin_the_commitment_did_not_exist_yet'));
    if (mode === 'once') {
      const existing = await db.checkIns.where('[commitmentId+day]').equals([commitmentId, day]).first();
      if (existing) return ok(existing);
    }
    const record: CheckIn = { id: newId(), commitmentId, day, at: clock.now };
    await db.checkIns.add(record);
    return ok(record);
  });
}

/** Takes back a check-in made by mistake, on the same day only. */
export async function undoCheckIn(db: TandemDB, checkInId: string, clock: Clock): Promise<Result<null>> {
  const record = await db.checkIns.get(checkInId);
  if (!record) return ok(null);
  if (record.day !== dayOf(clock.now, clock)) return fail(tr('checkin_only_todays_check_ins_can_be'));
  await db.checkIns.delete(checkInId);
  return ok(null);
}

/** A note and a 1–5 rating of how it went, on today's or yesterday's check-in. */
export async function describeCheckIn(db: TandemDB, checkInId: string, note: string, rating: number | undefined, clock: Clock): Promise<Result<CheckIn>> {
  const record = await db.checkIns.get(checkInId);
  if (!record) return fail(tr('checkin_that_check_in_no_longer_exists'));
  const today = dayOf(clock.now, clock);
  if (record.day < addDays(today, -1)) return fail(tr('checkin_older_days_are_not_editable'));
  const text = note.trim();
  if (text.length > NOTE_MAX) return fail(tr('checkin_keep_the_note_under_characters', { NOTE_MAX }));
  if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) return fail(tr('checkin_a_rating_is_1_to_5'));
  const updated: CheckIn = { ...record, note: text || undefined, rating: rating as CheckIn['rating'] };
  await db.checkIns.put(updated);
  return ok(updated);
}
