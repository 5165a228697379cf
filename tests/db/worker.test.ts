import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { createWorker, type WorkerDeps } from '@/utils/services/worker';
import { applyOnce, forgetOldRequests, REQUEST_MEMORY_MS } from '@/utils/services/apply-once';
import { checkDataPresent, NO_DATA_MARKER, type DataMarker } from '@/utils/services/data-check';
import type { AlarmName, Alarms } from '@/utils/services/alarms';
import type { GateEffects } from '@/utils/services/gate';
import { OPEN_GATE, type GateRule, type GateState } from '@/utils/core/gate';
import { localInstant } from '@/utils/core/days';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import type { BadgeChoice, Clock, CommitmentDraft } from '@/utils/core/types';
import type { Badge } from '@/utils/core/badge';

const TZ = 'Europe/Berlin';
const AT_8 = localInstant('2026-03-04', 8 * 60, TZ);

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('worker');
});
afterEach(() => dropDb(db));

/** The worker with every outside system recorded in memory, and a clock the test moves. */
function worker() {
  const seen = { rules: [] as GateRule[], state: OPEN_GATE as GateState, alarms: new Map<AlarmName, number>(), marker: NO_DATA_MARKER as DataMarker, opened: 0,
    badge: undefined as Badge | null | undefined, badgeChoice: 'auto' as BadgeChoice };
  const clock = { now: AT_8 };
  const gate: GateEffects = {
    blockPageUrl: 'chrome-extension://x/block.html',
    applyRules: async (r) => void (seen.rules = r),
    publish: async (s) => void (seen.state = s),
    published: async () => seen.state,
    scheduleAt: async (w) => void seen.alarms.set('gate', w),
    sweepTabs: async () => undefined,
  };
  const alarms: Alarms = {
    at: async (name, when) => void seen.alarms.set(name, when),
    atUnlessSet: async (name, when) => void (seen.alarms.has(name) || seen.alarms.set(name, when)),
    every: async (name, minutes, on) => void (on ? seen.alarms.set(name, minutes) : seen.alarms.delete(name)),
    clear: async (name) => void seen.alarms.delete(name),
  };
  const deps: WorkerDeps = {
    db,
    clock: async (): Promise<Clock> => ({ now: clock.now, timeZone: TZ, dayStartMinutes: 240 }),
    gate,
    tabs: { sweepActive: async () => undefined, sweep: async () => undefined },
    alarms,
    heartbeat: async () => ({ kind: 'heartbeat', at: clock.now }),
    partners: { sync: null, partnerDone: async () => undefined },
    badge: { choice: async () => seen.badgeChoice, show: async (b) => void (seen.badge = b) },
    dataMarker: { getValue: async () => seen.marker, setValue: async (v) => void (seen.marker = v) },
    openOnboarding: async () => void seen.opened++,
  };
  return { w: createWorker(deps), seen, clock };
}

const habit: CommitmentDraft = { title: 'Stretch', why: '', sites: [], requirement: { kind: 'habit', times: 3, per: 'day' }, window: { days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 } };
const checkInGate: CommitmentDraft = { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' }, window: { days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 } };

describe('the worker applies each action once', () => {
  it('answers a retried habit check-in with the first answer and counts it once', async () => {
    const { w } = worker();
    const saved = await w.handlers['commitment.save']({ draft: habit }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const first = await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'tap-1' });
    const retry = await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'tap-1' });
    expect(retry).toEqual(first);
    expect(await db.checkIns.count()).toBe(1);
    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'tap-2' }); // a second tap is a second check-in
    expect(await db.checkIns.count()).toBe(2);
  });

  it('creates one commitment for a save retried after its answer was lost', async () => {
    const { w } = worker();
    const a = await w.handlers['commitment.save']({ draft: habit }, { id: 'save-1' });
    const b = await w.handlers['commitment.save']({ draft: habit }, { id: 'save-1' });
    expect(b).toEqual(a);
    expect(await db.commitments.count()).toBe(1);
  });

  it('recompiles the gate for a retry too, so a first try stopped before its refresh leaves no gate behind', async () => {
    const { w, seen } = worker();
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const closed = { state: seen.state, rules: seen.rules };
    expect(closed.state.closed.length).toBeGreaterThan(0);
    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'done-1' });
    // As if the worker had stopped after the check-in committed but before its refresh: the gate still closed.
    Object.assign(seen, closed);
    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'done-1' });
    expect(seen.rules).toEqual([]);
    expect(seen.state.closed).toEqual([]);
  });

  it('leaves nothing behind when the worker stops inside the write (the transaction never commits)', async () => {
    const { w } = worker();
    const saved = await w.handlers['commitment.save']({ draft: habit }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const stopped = applyOnce(db, { id: 'tap-1', type: 'checkin', at: AT_8 }, async () => {
      await db.checkIns.add({ id: 'x', commitmentId: saved.value.id, day: '2026-03-04', at: AT_8 });
      throw new Error('stopped');
    });
    await expect(stopped).rejects.toThrow('stopped');
    expect(await db.checkIns.count()).toBe(0);
    expect(await db.requests.get('tap-1')).toBeUndefined();
    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'tap-1' }); // the page's retry applies it
    expect(await db.checkIns.count()).toBe(1);
  });

  it('forgets answers after a week, keeping newer ones', async () => {
    await applyOnce(db, { id: 'old', type: 'checkin', at: AT_8 - REQUEST_MEMORY_MS - 1 }, async () => 1);
    await applyOnce(db, { id: 'new', type: 'checkin', at: AT_8 }, async () => 2);
    await forgetOldRequests(db, AT_8);
    expect((await db.requests.toArray()).map((r) => r.id)).toEqual(['new']);
  });
});

describe('the welcome page', () => {
  it('opens on an install, and not on an install that finds commitments already there (a kept profile loaded again)', async () => {
    const { w, seen } = worker();
    await w.installed('install');
    expect(seen.opened).toBe(1);
    await w.handlers['commitment.save']({ draft: habit }, { id: 'save-1' });
    await w.installed('install');
    await w.installed('update');
    expect(seen.opened).toBe(1);
  });
});

describe('the worker heals the gate', () => {
  it('recomputes the gate when it starts, from stored state alone', async () => {
    const first = worker();
    await first.w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    const second = worker(); // a new worker: nothing published, no rules
    second.w.started();
    await expect.poll(() => second.seen.state.closed.length, { timeout: 3000 }).toBeGreaterThan(0);
    expect(second.seen.rules.length).toBeGreaterThan(0);
  });

  it('opens the gate and keeps a notice when the database was emptied under it', async () => {
    const { w, seen } = worker();
    await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    await expect.poll(() => seen.marker).toEqual({ hadCommitments: true });
    await db.delete();
    await db.open(); // what Dexie does on the next read after a deletion
    await w.databaseReplaced();
    expect(seen.rules).toEqual([]);
    expect(seen.state.closed).toEqual([]);
    await expect.poll(() => seen.marker).toEqual({ hadCommitments: false, lostAt: AT_8 });
  });

  it('does not speak of lost data for a person who never had a commitment', async () => {
    const store = { marker: NO_DATA_MARKER as DataMarker };
    await checkDataPresent(db, { getValue: async () => store.marker, setValue: async (v) => void (store.marker = v) }, AT_8);
    expect(store.marker).toEqual(NO_DATA_MARKER);
  });

  it('ignores arrivals for commitments that no longer exist, and records one per live gating commitment', async () => {
    const { w } = worker();
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const attempts = await w.handlers['block.arrive']({ commitmentIds: [saved.value.id, 'gone'] }, { id: 'arrive-1' });
    expect(attempts.map((a) => a.commitmentId)).toEqual([saved.value.id]);
    expect(await w.handlers['block.arrive']({ commitmentIds: [saved.value.id] }, { id: 'arrive-1' })).toEqual(attempts);
    expect(await db.attempts.count()).toBe(1);
  });

  it('sets the heartbeat only while a tracked visit is open', async () => {
    const { w, seen } = worker();
    await w.visit({ kind: 'focus', at: AT_8, site: null });
    expect(seen.alarms.has('visit-heartbeat')).toBe(false);
  });
});

describe('the toolbar badge', () => {
  it('shows what is left today after each write, the day rolled over, and at a new start, as the person chose', async () => {
    const { w, seen, clock } = worker();
    const gate = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    const stretch = await w.handlers['commitment.save']({ draft: habit }, { id: 'save-2' });
    if (!gate.ok || !stretch.ok) throw new Error('not saved');
    expect(seen.badge).toMatchObject({ text: '2', title: 'Tandem — 2 of 2 commitments still to do today' });
    await w.handlers.checkin({ commitmentId: gate.value.id }, { id: 'done-1' });
    expect(seen.badge).toMatchObject({ text: '1', title: 'Tandem — 1 of 2 commitments still to do today' });
    for (const id of ['s1', 's2', 's3']) await w.handlers.checkin({ commitmentId: stretch.value.id }, { id });
    expect(seen.badge).toMatchObject({ text: '✓', title: 'Tandem — all 2 commitments done today' });

    // The gate's alarm at the day's start: a new day, everything to do again.
    clock.now += 24 * 3600_000;
    await w.onAlarm('gate');
    expect(seen.badge?.text).toBe('2');

    seen.badgeChoice = 'none';
    await w.settingsChanged();
    expect(seen.badge).toBeNull();
    seen.badgeChoice = 'partner'; // no partner: nothing to show
    await w.settingsChanged();
    expect(seen.badge).toBeNull();

    // A new worker (the old one stopped) sets it again from stored state alone.
    const next = worker();
    next.clock.now = clock.now;
    next.w.started();
    await expect.poll(() => next.seen.badge?.text, { timeout: 3000 }).toBe('2');
  });
});
