/** Easing waits in the worker: an easing edit leaves today's gate as it was, and applies exactly at its day's start. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { ALARMS } from '@/utils/services/alarms';
import { workerWith } from './worker-harness';
import { dayStartInstant, localInstant } from '@/utils/core/days';
import { deepWorkBeforeEmail } from '@/utils/core/presets';

const TZ = 'Europe/Berlin';
const at = (date: string, hhmm: string) => localInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('easing-worker');
});
afterEach(() => dropDb(db));

/** A worker over the shared database, its alarms and gate recorded; a new one stands for a stopped and restarted worker. */
const worker = (clock: { now: number }) => workerWith(db, { clock, easingDelayDays: 2 });

const THURSDAY = dayStartInstant('2026-12-03', TZ, 240);

describe('an easing edit in the worker', () => {
  it('keeps today’s gate closed, sets the easing alarm for its day, and applies exactly then', async () => {
    const clock = { now: at('2026-11-30', '08:00') };
    const { w, seen } = worker(clock);
    const saved = await w.handlers['commitment.save']({ draft: deepWorkBeforeEmail() }, { id: 'create' });
    if (!saved.ok) throw new Error(saved.error);
    const id = saved.value.id;
    // Monday 15:00: 60 → 1 minute, and mail taken off the list. Both wait; today's gate still holds mail back.
    clock.now = at('2026-11-30', '09:00');
    const eased = await w.handlers['commitment.save']({ id, draft: { ...deepWorkBeforeEmail(), requirement: { kind: 'focus', minutes: 1 } } }, { id: 'ease' });
    expect(eased).toMatchObject({ ok: true, value: { requirement: { minutes: 60 }, pending: { day: '2026-12-03', requirement: { minutes: 1 } } } });
    expect(seen.state.closed.map((c) => c.commitmentId)).toEqual([id]);
    expect(seen.alarms.get(ALARMS.easing)).toBe(THURSDAY);
    // Wednesday evening: still waiting.
    clock.now = THURSDAY - 1;
    await w.onAlarm(ALARMS.gate);
    expect((await db.commitments.get(id))!.requirement).toEqual({ kind: 'focus', minutes: 60 });
    // The alarm at Thursday's start applies it; the alarm is cleared, nothing waits any more.
    clock.now = THURSDAY;
    await w.onAlarm(ALARMS.easing);
    const applied = (await db.commitments.get(id))!;
    expect(applied.requirement).toEqual({ kind: 'focus', minutes: 1 });
    expect(applied.pending).toBeUndefined();
    expect(applied.earlierRules).toEqual([expect.objectContaining({ until: '2026-12-03', requirement: { kind: 'focus', minutes: 60 } })]);
    expect(seen.alarms.has(ALARMS.easing)).toBe(false);
  });

  it('is applied by a worker started after the alarm was missed (browser closed), from its own day', async () => {
    const clock = { now: at('2026-11-30', '08:00') };
    const first = worker(clock);
    const saved = await first.w.handlers['commitment.save']({ draft: deepWorkBeforeEmail() }, { id: 'create' });
    if (!saved.ok) throw new Error(saved.error);
    await first.w.handlers['commitment.archive']({ id: saved.value.id }, { id: 'archive' });
    expect((await db.commitments.get(saved.value.id))!.archivedAt).toBeUndefined();
    // The browser comes back on Saturday: a new worker, whose start recomputes from the database.
    clock.now = at('2026-12-05', '10:00');
    const second = worker(clock);
    await second.w.browserStarted();
    expect((await db.commitments.get(saved.value.id))!.archivedAt).toBe(clock.now);
    expect(second.seen.state.closed).toEqual([]);
  });

  it('can be cancelled: the commitment stays as it is, and nothing applies later', async () => {
    const clock = { now: at('2026-11-30', '08:00') };
    const { w, seen } = worker(clock);
    const saved = await w.handlers['commitment.save']({ draft: deepWorkBeforeEmail() }, { id: 'create' });
    if (!saved.ok) throw new Error(saved.error);
    await w.handlers['commitment.save']({ id: saved.value.id, draft: { ...deepWorkBeforeEmail(), sites: ['x.com'] } }, { id: 'swap-sites' });
    // x.com is held back at once (harder); the webmail sites go only on Thursday.
    const both = [...deepWorkBeforeEmail().sites, 'x.com'];
    expect((await db.commitments.get(saved.value.id))!.sites).toEqual(both);
    const cancelled = await w.handlers['commitment.cancelPending']({ id: saved.value.id }, { id: 'cancel' });
    expect(cancelled).toMatchObject({ ok: true, value: { sites: both } });
    expect(cancelled.ok && cancelled.value.pending).toBeUndefined();
    expect(seen.alarms.has(ALARMS.easing)).toBe(false);
    clock.now = THURSDAY + 1000;
    await w.onAlarm(ALARMS.gate);
    expect((await db.commitments.get(saved.value.id))!.sites).toEqual(both);
  });
});
