/**
 * Daily backups (utils/services/backup/snapshots.ts) in their own database: the newest 7 kept, one taken at a
 * start when the last is older than a day, none of an empty database, and a restore that brings the records back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { BackupsDB } from '@/utils/db/backups-db';
import { DUE_AT_START_MS, listSnapshots, SNAPSHOTS_KEPT, snapshotIfDue, takeSnapshot } from '@/utils/services/backup/snapshots';
import { createWorker, type WorkerDeps } from '@/utils/services/worker';
import { ALARMS, type AlarmName } from '@/utils/services/alarms';
import { OPEN_GATE } from '@/utils/core/gate';
import { NO_DATA_MARKER } from '@/utils/services/data-check';
import { dropDb, openFreshDb } from './fresh-db';
import { at, clockAt, everything, handlersFor, makeRecords } from './backup-support';

const DAY = 86_400_000;
const SETTINGS = { dayStartMinutes: 240, weekStartsOn: 1 as const };
const T0 = at('2026-03-08', 12 * 60);

let db: TandemDB;
let store: BackupsDB;
beforeEach(async () => {
  db = await openFreshDb('snapshots');
  store = new BackupsDB(`backups-${Math.random()}`);
});
afterEach(async () => {
  await Promise.all([dropDb(db), store.delete()]);
});

describe('daily snapshots', () => {
  it('keeps the newest 7', async () => {
    await makeRecords(db);
    for (let d = 0; d < 10; d++) await takeSnapshot(db, store, SETTINGS, T0 + d * DAY);
    const list = await listSnapshots(store);
    expect(list).toHaveLength(SNAPSHOTS_KEPT);
    expect(list.map((s) => s.takenAt)).toEqual(Array.from({ length: 7 }, (_, i) => T0 + (9 - i) * DAY));
    expect(list[0]!.counts).toEqual({ commitments: 2, sessions: 3, checkIns: 3, attempts: 3, siteDays: 2, reviews: 1 });
  });

  it('copies no empty database (a week of empty copies would push out the last good ones)', async () => {
    expect(await takeSnapshot(db, store, SETTINGS, T0)).toBeNull();
    expect(await store.snapshots.count()).toBe(0);
  });

  it('is taken at a start when the last is older than a day, and not otherwise', async () => {
    await makeRecords(db);
    expect(await snapshotIfDue(db, store, SETTINGS, T0, DUE_AT_START_MS)).not.toBeNull();
    expect(await snapshotIfDue(db, store, SETTINGS, T0 + DAY - 60_000, DUE_AT_START_MS)).toBeNull();
    // The browser was closed for three days: one backup at the next start, not three.
    expect(await snapshotIfDue(db, store, SETTINGS, T0 + 3 * DAY, DUE_AT_START_MS)).not.toBeNull();
    expect(await store.snapshots.count()).toBe(2);
  });
});

describe('restoring a backup', () => {
  it('brings back the records as they were when it was taken, and survives the main database deleted', async () => {
    await makeRecords(db);
    const taken = await takeSnapshot(db, store, { dayStartMinutes: 300 }, T0);
    const then = await everything(db);
    // Later: the database is deleted and made again from nothing (a cleanup tool), and one new commitment made.
    await dropDb(db);
    db = await openFreshDb('snapshots-after');
    await makeRecords(db);
    await db.commitments.limit(1).delete();
    const { handlers, state, refreshed } = handlersFor(db, store, T0 + DAY);
    const answer = await handlers['backup.restore']({ snapshotId: taken!.id }, { id: 'r1' });
    expect(answer).toEqual({ ok: true, value: taken!.counts });
    await refreshed(); // the outcome caches and the gate follow the answer
    const now = await everything(db);
    for (const t of ['commitments', 'sessions', 'checkIns', 'attempts', 'siteDays']) expect(now[t], t).toEqual(then[t]);
    expect(state.settings).toEqual({ dayStartMinutes: 300, weekStartsOn: 1 });
  });

  it('a database closed right after the answer (the worker stopping) leaves no error unheard; the gate is still asked', async () => {
    await makeRecords(db);
    const taken = await takeSnapshot(db, store, { dayStartMinutes: 300 }, T0);
    const { handlers, refreshed } = handlersFor(db, store, T0 + DAY);
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      expect(await handlers['backup.restore']({ snapshotId: taken!.id }, { id: 'r3' })).toEqual({ ok: true, value: taken!.counts });
      db.close(); // before the outcome caches are written
      await refreshed();
    } finally {
      console.error = log;
    }
    expect(String(errors[0])).toContain('outcome caches after an import');
    db.open();
  });

  it('a backup that is no longer there is said so, and nothing changes', async () => {
    await makeRecords(db);
    const before = await everything(db);
    const { handlers } = handlersFor(db, store, T0);
    expect(await handlers['backup.restore']({ snapshotId: 'gone' }, { id: 'r2' })).toEqual({ ok: false, error: expect.stringContaining('no longer there') });
    expect(await everything(db)).toEqual(before);
  });
});

describe('the worker', () => {
  it('at a start takes a backup when due and sets the daily alarm; the alarm takes the next a day later', async () => {
    await makeRecords(db);
    const clock = { now: T0 };
    const alarms = new Map<AlarmName, number>();
    const deps: WorkerDeps = {
      db,
      clock: async () => clockAt(clock.now),
      gate: {
        blockPageUrl: 'chrome-extension://x/block.html', applyRules: async () => undefined, publish: async () => undefined,
        published: async () => OPEN_GATE, scheduleAt: async () => undefined, sweepTabs: async () => undefined,
      },
      tabs: { sweepActive: async () => undefined, sweep: async () => undefined },
      alarms: {
        at: async (n, w) => void alarms.set(n, w), atUnlessSet: async (n, w) => void alarms.set(n, w),
        every: async (n, m, on) => void (on ? alarms.set(n, m) : alarms.delete(n)), clear: async (n) => void alarms.delete(n),
      },
      heartbeat: async () => ({ kind: 'heartbeat', at: clock.now }),
      partners: { sync: null, partnerDone: async () => undefined },
      badge: { choice: async () => 'auto', show: async () => undefined },
      dataMarker: { getValue: async () => NO_DATA_MARKER, setValue: async () => undefined },
      clearStorage: async () => undefined,
      showCheckIn: async () => undefined,
      openOnboarding: async () => undefined,
      backups: { store, settings: { getValue: async () => SETTINGS, setValue: async () => undefined } },
    };
    const w = createWorker(deps);
    w.started();
    await expect.poll(() => store.snapshots.count(), { timeout: 5000 }).toBe(1);
    expect(alarms.get(ALARMS.backup)).toBe(24 * 60);
    await w.onAlarm(ALARMS.backup); // the alarm's first ring, a minute after it was set: one was just taken
    expect(await store.snapshots.count()).toBe(1);
    clock.now += DAY;
    await w.onAlarm(ALARMS.backup);
    expect(await store.snapshots.count()).toBe(2);

    // Delete everything takes the backups with it: they are copies of what the person asked to delete.
    expect(await w.handlers['data.deleteEverything']({}, { id: 'delete-1' })).toEqual({ ok: true, value: null });
    expect(await store.snapshots.count()).toBe(0);
    expect(await db.commitments.count()).toBe(0);
  });
});
