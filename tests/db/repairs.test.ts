/** Make-ups recorded by the gate refresh, on fake-indexeddb: the missed day shows as repaired and the streak runs on. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { saveCommitment } from '@/utils/services/commitments';
import { startFocus } from '@/utils/services/focus';
import { refreshGate, type GateEffects } from '@/utils/services/gate';
import { OPEN_GATE } from '@/utils/core/gate';
import { localInstant } from '@/utils/core/days';
import { loadCheckIn } from '@/utils/db/queries';
import { pastByCommitment, viewToday } from '@/utils/core/today';
import type { Clock } from '@/utils/core/types';

const TZ = 'Europe/Berlin';
const at = (date: string, hhmm: string) => localInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const clock = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const fx: GateEffects = {
  blockPageUrl: 'x', applyRules: async () => undefined, publish: async () => undefined, published: async () => OPEN_GATE,
  scheduleAt: async () => undefined, sweepTabs: async () => undefined,
};

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('repairs');
});
afterEach(() => dropDb(db));

async function focusFor(id: string, date: string, from: string, minutes: number) {
  const start = at(date, from);
  const s = await startFocus(db, id, clock(start));
  if (!s.ok) throw new Error(s.error);
  await refreshGate(db, clock(start + minutes * 60_000), fx); // completes the session at its end
}

it('120 minutes on the day after a missed one repairs it: repaired in the calendar, the streak runs through it', async () => {
  const made = await saveCommitment(db, { title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 12 * 60 }] }, clock(at('2026-11-01', '07:00')));
  if (!made.ok) throw new Error(made.error);
  const id = made.value.id;
  await focusFor(id, '2026-11-01', '08:00', 60);
  await focusFor(id, '2026-11-02', '08:00', 60);
  // 3 Nov missed. 4 Nov: 60 minutes is the day, not a make-up; 120 is.
  await focusFor(id, '2026-11-04', '07:00', 60);
  expect((await db.commitments.get(id))!.repairs).toBeUndefined();
  await focusFor(id, '2026-11-04', '08:00', 60);
  expect((await db.commitments.get(id))!.repairs).toEqual([{ day: '2026-11-03', by: 'make-up', at: at('2026-11-04', '09:00') }]);

  // Days later, from the cache and the records as the popup reads them.
  const k = clock(at('2026-11-08', '13:00'));
  await refreshGate(db, k, fx);
  const data = await loadCheckIn(db, k.now);
  const past = pastByCommitment(data.commitments, data.history, k, data.caches);
  const [view] = viewToday(data.commitments, data.history, k, { caches: data.caches, past });
  const outcome = (day: string) => view!.heatmap.flatMap((w) => w.days).find((d) => d.day === day)?.outcome;
  expect(outcome('2026-11-03')).toBe('repaired');
  expect(outcome('2026-11-04')).toBe('done');
  expect((await db.outcomes.get(id))!.codes.slice(0, 4)).toBe('ddrd');
  // 5–7 Nov and today (8 Nov, after 12:00) missed: the run ended there, but it had run 3 days through the repair.
  expect(view!.streak).toMatchObject({ current: 0, best: 3 });
});
