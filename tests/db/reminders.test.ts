import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localInstant } from '@/utils/core/days';
import type { Clock, Commitment, DayKey } from '@/utils/core/types';
import { DEFAULT_REMINDERS, type Reminder, type ReminderSettings } from '@/utils/core/reminders';
import { EMPTY_DRAFT } from '@/utils/core/review/types';
import { runReminders, type ReminderDeps } from '@/utils/services/reminders';
import { ALARMS, type AlarmName, type Alarms } from '@/utils/services/alarms';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';

const TZ = 'Europe/Berlin';
const at = (date: DayKey, minutes: number) => localInstant(date, minutes, TZ);
const clockAt = (date: DayKey, minutes: number): Clock => ({ now: at(date, minutes), timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const deep: Commitment = {
  id: 'deep', title: 'Deep work', why: '', sites: ['mail.google.com'], requirement: { kind: 'checkin' },
  schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 12 * 60 }], createdAt: at('2026-03-01', 480), updatedAt: 0,
};

/** What outlives the worker: the database, storage (settings, sent keys) and the alarms the browser keeps. */
function world(settings: ReminderSettings) {
  const stored = { sent: [] as string[] };
  const alarms = new Map<AlarmName, number>();
  const shown: Reminder[] = [];
  let permitted = true;
  const fakeAlarms: Alarms = {
    at: async (name, when) => void alarms.set(name, when),
    atUnlessSet: async (name, when) => void (alarms.has(name) || alarms.set(name, when)),
    every: async () => undefined,
    clear: async (name) => void alarms.delete(name),
  };
  /** A worker's deps, made anew as after each start: nothing but the stores is shared. */
  const deps = (): ReminderDeps => ({
    settings: { getValue: async () => settings },
    sent: { getValue: async () => [...stored.sent], setValue: async (keys) => void (stored.sent = [...keys]) },
    notify: async (r) => (permitted ? (shown.push(r), true) : false),
  });
  return { alarms, fakeAlarms, shown, deps, deny: () => void (permitted = false), allow: () => void (permitted = true) };
}

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('reminders');
  await db.commitments.add(deep);
  await db.reviews.add({ ...EMPTY_DRAFT, weekStart: '2026-03-16', status: 'done', updatedAt: 0 });
});
afterEach(() => dropDb(db));

describe('reminders from stored state', () => {
  it('sets the alarm for the review, shows it once when it fires, and a new worker shows it no second time', async () => {
    const w = world({ ...DEFAULT_REMINDERS, review: true });
    await runReminders(db, clockAt('2026-03-29', 9 * 60), w.fakeAlarms, w.deps());
    expect(w.alarms.get(ALARMS.reminder)).toBe(at('2026-03-29', 18 * 60));
    expect(w.shown).toEqual([]);
    await runReminders(db, clockAt('2026-03-29', 18 * 60), w.fakeAlarms, w.deps());
    expect(w.shown.map((r) => r.key)).toEqual(['review:2026-03-23']);
    expect(w.alarms.get(ALARMS.reminder)).toBe(at('2026-04-05', 18 * 60));
    // The worker stopped and started again (or the browser restarted): recomputed, nothing doubled.
    await runReminders(db, clockAt('2026-03-29', 18 * 60 + 5), w.fakeAlarms, w.deps());
    expect(w.shown).toHaveLength(1);
  });

  it('a review written before its reminder time quiets it', async () => {
    const w = world({ ...DEFAULT_REMINDERS, review: true });
    await db.reviews.add({ ...EMPTY_DRAFT, weekStart: '2026-03-23', status: 'done', updatedAt: 0 });
    await runReminders(db, clockAt('2026-03-29', 18 * 60 + 1), w.fakeAlarms, w.deps());
    expect(w.shown).toEqual([]);
    expect(w.alarms.get(ALARMS.reminder)).toBe(at('2026-04-05', 18 * 60));
  });

  it('reminds of a commitment still to do 30 minutes before its window closes; not once checked in', async () => {
    const w = world({ ...DEFAULT_REMINDERS, closing: true });
    await runReminders(db, clockAt('2026-03-25', 9 * 60), w.fakeAlarms, w.deps());
    expect(w.alarms.get(ALARMS.reminder)).toBe(at('2026-03-25', 11 * 60 + 30));
    await db.checkIns.add({ id: 'ci', commitmentId: 'deep', day: '2026-03-25', at: at('2026-03-25', 11 * 60) });
    await runReminders(db, clockAt('2026-03-25', 11 * 60 + 30), w.fakeAlarms, w.deps());
    expect(w.shown).toEqual([]);
    await runReminders(db, clockAt('2026-03-26', 11 * 60 + 31), w.fakeAlarms, w.deps());
    expect(w.shown.map((r) => r.key)).toEqual(['closing:deep:2026-03-26']);
  });

  it('without the permission nothing is marked as sent; all off clears the alarm', async () => {
    const w = world({ ...DEFAULT_REMINDERS, review: true });
    w.deny();
    await runReminders(db, clockAt('2026-03-29', 18 * 60 + 1), w.fakeAlarms, w.deps());
    expect(w.shown).toEqual([]);
    w.allow();
    await runReminders(db, clockAt('2026-03-29', 18 * 60 + 2), w.fakeAlarms, w.deps());
    expect(w.shown.map((r) => r.key)).toEqual(['review:2026-03-23']);
    const off = world(DEFAULT_REMINDERS);
    off.alarms.set(ALARMS.reminder, 1);
    await runReminders(db, clockAt('2026-03-29', 9 * 60), off.fakeAlarms, off.deps());
    expect(off.alarms.has(ALARMS.reminder)).toBe(false);
  });
});
