import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { AT_8, workerWith } from './worker-harness';
import { applyOnce, forgetOldRequests, REQUEST_MEMORY_MS } from '@/utils/services/apply-once';
import { checkDataPresent, NO_DATA_MARKER, type DataMarker } from '@/utils/services/data-check';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import type { CommitmentDraft } from '@/utils/core/types';

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('worker');
});
afterEach(() => dropDb(db));

const worker = () => workerWith(db);

const habit: CommitmentDraft = { title: 'Stretch', why: '', sites: [], requirement: { kind: 'habit', times: 3, per: 'day' }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }] };
const checkInGate: CommitmentDraft = { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }] };

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
    const { attempts, page } = await w.handlers['block.arrive']({ commitmentIds: [saved.value.id, 'gone'] }, { id: 'arrive-1' });
    expect(attempts.map((a) => a.commitmentId)).toEqual([saved.value.id]);
    expect((await w.handlers['block.arrive']({ commitmentIds: [saved.value.id] }, { id: 'arrive-1' })).attempts).toEqual(attempts);
    expect(await db.attempts.count()).toBe(1);
    // The answer is what the page paints: the commitment's view, and no turning back counted for this visit itself.
    expect(page.views.map((v) => v.commitment.id)).toEqual([saved.value.id]);
    expect(page.turnedBack).toEqual({ today: 0, week: 0 });
  });

  it('answers an arrival with how often the person turned back before it, and a reload with the same', async () => {
    const { w } = worker();
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const ids = [saved.value.id];
    await w.handlers['block.arrive']({ commitmentIds: ids }, { id: 'arrive-1' }); // left turned back
    const second = await w.handlers['block.arrive']({ commitmentIds: ids }, { id: 'arrive-2' });
    expect(second.page.turnedBack).toEqual({ today: 1, week: 1 });
    const reload = await w.handlers['block.view']({ commitmentIds: ids, attemptIds: second.attempts.map((a) => a.id) }, { id: 'view-1' });
    expect(reload.turnedBack).toEqual({ today: 1, week: 1 });
    expect(await db.attempts.count()).toBe(2);
  });

  it('sets the heartbeat only while a tracked visit is open', async () => {
    const { w, seen } = worker();
    await w.visit({ kind: 'focus', at: AT_8, site: null });
    expect(seen.alarms.has('visit-heartbeat')).toBe(false);
  });
});

describe('delete everything', () => {
  it('empties every table and extension storage, opens the gate, and is not taken for data lost by accident', async () => {
    const { w, seen } = worker();
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'tap-1' });
    await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-2' });
    await expect.poll(() => seen.marker).toEqual({ hadCommitments: true });
    expect(seen.state.closed.length).toBeGreaterThan(0);

    expect(await w.handlers['data.deleteEverything']({}, { id: 'delete-1' })).toEqual({ ok: true, value: null });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(seen.storageCleared).toBe(2);
    expect(seen.rules).toEqual([]);
    expect(seen.state.closed).toEqual([]);
    await w.databaseReplaced(); // the next recompute and its data check
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.marker).toEqual(NO_DATA_MARKER);

    // Retried after a lost answer: nothing left, the same answer.
    expect(await w.handlers['data.deleteEverything']({}, { id: 'delete-1' })).toEqual({ ok: true, value: null });
  });
});

describe('the keyboard command', () => {
  const focusAllDay = (title: string, minutes: number): CommitmentDraft => ({
    ...deepWorkBeforeEmail(), title, requirement: { kind: 'focus', minutes }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }],
  });

  it('starts a session for the first pending commitment kept with focus sessions, once, and shows the check-in', async () => {
    const { w, seen, clock } = worker();
    await w.handlers['commitment.save']({ draft: habit }, { id: 'save-habit' }); // no sessions: passed over
    clock.now += 1000; // made one after the other: the check-in lists them oldest first
    const first = await w.handlers['commitment.save']({ draft: focusAllDay('Deep work', 60) }, { id: 'save-1' });
    clock.now += 1000;
    await w.handlers['commitment.save']({ draft: focusAllDay('Reading', 20) }, { id: 'save-2' });
    if (!first.ok) throw new Error(first.error);

    await w.command('start-focus');
    await w.command('start-focus'); // pressed twice: the running session stands
    const sessions = await db.sessions.toArray();
    expect(sessions).toEqual([expect.objectContaining({ commitmentId: first.value.id, outcome: 'running', endsAt: clock.now + 60 * 60_000 })]);
    expect(seen.shown).toBe(2);
    expect(seen.alarms.get('gate')).toBeLessThanOrEqual(clock.now + 60 * 60_000); // its end is scheduled: the gate refreshed
  });

  it('passes over a commitment done today and starts the next one; with none left it starts nothing', async () => {
    const { w, clock } = worker();
    const first = await w.handlers['commitment.save']({ draft: focusAllDay('Deep work', 1) }, { id: 'save-1' });
    const second = await w.handlers['commitment.save']({ draft: focusAllDay('Reading', 1) }, { id: 'save-2' });
    if (!first.ok || !second.ok) throw new Error('not saved');
    await w.command('start-focus');
    clock.now += 2 * 60_000; // the one-minute session is over
    await w.command('start-focus');
    expect((await db.sessions.toArray()).map((s) => s.commitmentId).sort()).toEqual([first.value.id, second.value.id].sort());
    clock.now += 2 * 60_000;
    await w.command('start-focus');
    expect(await db.sessions.count()).toBe(2);
    await w.command('something-else');
    expect(await db.sessions.count()).toBe(2);
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
