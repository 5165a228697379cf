import type { CheckIn, Clock, Result } from '../core/types';
import { dayKeyAt } from '../core/days';
import { newId, type TandemDB } from '../db/db';

/** "I did it" for today. A second check-in on the same day returns the first. */
export async function checkIn(db: TandemDB, commitmentId: string, clock: Clock): Promise<Result<CheckIn>> {
  return db.transaction('rw', db.commitments, db.checkIns, async () => {
    const c = await db.commitments.get(commitmentId);
    if (!c || c.archivedAt !== undefined) return { ok: false as const, error: 'That commitment no longer exists.' };
    if (c.requirement.kind !== 'checkin') return { ok: false as const, error: 'This commitment is kept with a focus session.' };
    const day = dayKeyAt(clock.now, clock.timeZone, clock.dayStartMinutes);
    const existing = await db.checkIns.where('[commitmentId+day]').equals([commitmentId, day]).first();
    if (existing) return { ok: true as const, value: existing };
    const record: CheckIn = { id: newId(), commitmentId, day, at: clock.now };
    await db.checkIns.add(record);
    return { ok: true as const, value: record };
  });
}
