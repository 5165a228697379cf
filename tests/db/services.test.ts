import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { applyDueEasings, saveCommitment, archiveCommitment, keepPledge, pauseAll, pauseCommitment, recalibrate, resumeCommitment, setPledge } from '@/utils/services/commitments';
import { completeDueSessions, startFocus, stopFocus } from '@/utils/services/focus';
import { checkIn, describeCheckIn, undoCheckIn } from '@/utils/services/checkin';
import { goAnyway, recordArrival, setAttemptOutcome } from '@/utils/services/block-page';
import { refreshGate, type GateEffects } from '@/utils/services/gate';
import { recordVisitEvent } from '@/utils/services/visits';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import { localInstant } from '@/utils/core/days';
import { OPEN_GATE, type GateRule, type GateState } from '@/utils/core/gate';
import type { Clock } from '@/utils/core/types';

const TZ = 'Europe/Berlin';
const at = (hhmm: string, date = '2026-03-04') => {
  const [h, m] = hhmm.split(':').map(Number);
  return localInstant(date, h! * 60 + m!, TZ);
};
const clock = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240 });
const MIN = 60_000;

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('test');
});
afterEach(() => dropDb(db));

/** Records what the gate would do to the browser. */
function effects() {
  const log = { rules: [] as GateRule[], state: undefined as GateState | undefined, alarm: 0, swept: 0, order: [] as string[] };
  const fx: GateEffects = {
    blockPageUrl: 'chrome-extension://x/block.html',
    applyRules: async (r) => void (log.rules = r, log.order.push('rules')),
    publish: async (s) => void (log.state = s, log.order.push('publish')),
    published: async () => log.state ?? OPEN_GATE,
    scheduleAt: async (w) => void (log.alarm = w),
    sweepTabs: async () => void log.swept++,
  };
  return { fx, log };
}

describe('commitments', () => {
  it('saves the preset, refusing invalid edits without changing anything', async () => {
    const created = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('08:00')));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const bad = await saveCommitment(db, { ...deepWorkBeforeEmail(), sites: ['mail.google.com', 'ftp://files.example'] }, clock(at('08:05')), created.value.id);
    expect(bad).toMatchObject({ ok: false });
    expect(await db.commitments.get(created.value.id)).toEqual(created.value);
    const edited = await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'focus', minutes: 90 } }, clock(at('08:00', '2026-03-05')), created.value.id);
    expect(edited).toMatchObject({ ok: true, value: { requirement: { minutes: 90 }, earlierRules: [{ until: '2026-03-05', requirement: { minutes: 60 } }] } });
    const renamed = await saveCommitment(db, { ...deepWorkBeforeEmail(), title: 'Deep work first', requirement: { kind: 'focus', minutes: 90 } }, clock(at('09:00', '2026-03-06')), created.value.id);
    expect(renamed.ok && renamed.value.earlierRules).toHaveLength(1); // a new name changes no rules
    const impossible = await saveCommitment(db, { ...deepWorkBeforeEmail(), schedule: [{ days: [], untilMinutes: 720 }] }, clock(at('08:05')));
    expect(impossible).toMatchObject({ ok: false, error: expect.stringMatching(/day/) });
    expect(await db.commitments.count()).toBe(1);
  });
});

describe('focus sessions', () => {
  it('plans what is left, ends early with minutes kept, completes from stored time, and opens the gate', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00')));
    if (!c.ok) throw new Error(c.error);
    const { fx, log } = effects();
    await refreshGate(db, clock(at('08:00')), fx);
    expect(log.state!.closed).toHaveLength(1);
    expect(log.rules.length).toBeGreaterThan(0);
    // Closing: the state is published before the rules redirect, so block pages never read a stale open gate.
    expect(log.order).toEqual(['publish', 'rules']);

    const first = await startFocus(db, c.value.id, clock(at('08:00')));
    if (!first.ok) throw new Error(first.error);
    expect(first.value.endsAt - first.value.startedAt).toBe(60 * MIN);
    const stopped = await stopFocus(db, first.value.id, clock(at('08:25')));
    expect(stopped).toMatchObject({ ok: true, value: { outcome: 'ended-early' } });

    const second = await startFocus(db, c.value.id, clock(at('09:00')));
    if (!second.ok) throw new Error(second.error);
    expect(second.value.endsAt - second.value.startedAt).toBe(35 * MIN);
    // Starting again while one runs returns the running one.
    expect(await startFocus(db, c.value.id, clock(at('09:10')))).toMatchObject({ ok: true, value: { id: second.value.id } });

    await refreshGate(db, clock(at('09:10')), fx);
    expect(log.state!.closed).toHaveLength(1);
    expect(log.alarm).toBe(second.value.endsAt);

    // The worker was asleep; the alarm wakes it after the session's end.
    log.order = [];
    await refreshGate(db, clock(at('09:36')), fx);
    expect((await db.sessions.get(second.value.id))!.outcome).toBe('completed');
    expect(log.state!.closed).toEqual([]);
    expect(log.rules).toEqual([]);
    // Opening: the rules go first, so a block page that goes on is not redirected back.
    expect(log.order).toEqual(['rules', 'publish']);
    expect(await completeDueSessions(db, clock(at('09:40')))).toEqual([]);
  });

  it('refuses a session for a check-in commitment or an archived one', async () => {
    const c = await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' } }, clock(at('07:00')));
    if (!c.ok) throw new Error(c.error);
    expect(await startFocus(db, c.value.id, clock(at('08:00')))).toMatchObject({ ok: false });
    const d = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00')));
    if (!d.ok) throw new Error(d.error);
    // Archiving is an easing: with the default delay the commitment is still there today, with none it goes at once.
    await archiveCommitment(db, d.value.id, clock(at('07:30')));
    expect(await startFocus(db, d.value.id, clock(at('07:40')))).toMatchObject({ ok: true });
    await archiveCommitment(db, d.value.id, { ...clock(at('07:45')), easingDelayDays: 0 });
    expect(await startFocus(db, d.value.id, clock(at('08:00')))).toMatchObject({ ok: false });
  });
});

describe('check-ins and the block page record', () => {
  it('"I did it" opens a check-in gate, once per day', async () => {
    const c = await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' } }, clock(at('07:00')));
    if (!c.ok) throw new Error(c.error);
    const first = await checkIn(db, c.value.id, clock(at('08:00')));
    const again = await checkIn(db, c.value.id, clock(at('08:30')));
    expect(first.ok && again.ok && again.value.id === first.value.id).toBe(true);
    const { fx, log } = effects();
    await refreshGate(db, clock(at('08:31')), fx);
    expect(log.state!.closed).toEqual([]);
  });

  it('refuses a check-in for a focus session commitment', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00')));
    if (!c.ok) throw new Error(c.error);
    expect(await checkIn(db, c.value.id, clock(at('08:00')))).toEqual({ ok: false, error: 'This commitment is kept with a focus session or time on work sites.' });
    expect(await db.checkIns.count()).toBe(0);
  });

  it('records arrivals as counts with an outcome, and go-anyway as a timed override of one host', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00')));
    if (!c.ok) throw new Error(c.error);
    const attempts = await recordArrival(db, [c.value.id], clock(at('08:00')));
    expect(attempts).toHaveLength(1);
    expect(Object.keys(attempts[0]!).sort()).toEqual(['at', 'commitmentId', 'day', 'id', 'outcome']);
    // Minutes out of the setting's range are refused in words and change nothing.
    for (const minutes of [0, 31, 2.5, -5]) {
      expect(await goAnyway(db, 'https://mail.google.com/mail/#inbox', minutes, clock(at('08:00'))))
        .toEqual({ ok: false, error: '“Go anyway” opens a site for 1 to 30 whole minutes.' });
    }
    expect(await db.overrides.count()).toBe(0);
    const granted = await goAnyway(db, 'https://mail.google.com/mail/#inbox', 5, clock(at('08:00')));
    expect(granted).toEqual({ ok: true, value: { host: 'mail.google.com', until: at('08:05') } });
    expect(await goAnyway(db, 'https://mail.google.com/', 30, clock(at('07:59')))).toEqual({ ok: true, value: { host: 'mail.google.com', until: at('08:29') } });
    await goAnyway(db, 'https://mail.google.com/mail/#inbox', 5, clock(at('08:00')));
    await setAttemptOutcome(db, attempts.map((a) => a.id), 'went-anyway');
    expect((await db.attempts.get(attempts[0]!.id))!.outcome).toBe('went-anyway');

    const { fx, log } = effects();
    await refreshGate(db, clock(at('08:01')), fx);
    expect(log.state!.allowedHosts).toEqual(['mail.google.com']);
    expect(log.alarm).toBe(at('08:05'));
    await refreshGate(db, clock(at('08:05')), fx);
    expect(log.state!.allowedHosts).toEqual([]);
    expect(log.state!.closed).toHaveLength(1);
    expect(await db.overrides.count()).toBe(0); // expired grants are not kept
  });
});

describe('habit check-ins', () => {
  const habit = { title: 'Workout', why: '', sites: [], requirement: { kind: 'habit' as const, times: 3, per: 'week' as const }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[], untilMinutes: 240 }] };

  it('counts every check-in, takes back only today\'s, lets yesterday be logged but nothing older', async () => {
    const c = await saveCommitment(db, habit, clock(at('08:00', '2026-03-02')));
    if (!c.ok) throw new Error(c.error);
    const first = await checkIn(db, c.value.id, clock(at('07:00')));
    const second = await checkIn(db, c.value.id, clock(at('19:00')));
    expect(first.ok && second.ok && first.value.id !== second.value.id).toBe(true);
    // 01:30 on the 5th is still the 4th: "yesterday" is the 3rd.
    const lateNight = await checkIn(db, c.value.id, clock(at('01:30', '2026-03-05')), 'yesterday');
    expect(lateNight).toMatchObject({ ok: true, value: { day: '2026-03-03' } });
    expect(await db.checkIns.count()).toBe(3);

    if (!first.ok || !second.ok || !lateNight.ok) throw new Error('unreachable');
    // The next day, yesterday's check-in can be described but not undone.
    expect(await undoCheckIn(db, first.value.id, clock(at('09:00', '2026-03-05')))).toMatchObject({ ok: false });
    expect(await describeCheckIn(db, first.value.id, ' felt strong ', 4, clock(at('09:00', '2026-03-05')))).toMatchObject({ ok: true, value: { note: 'felt strong', rating: 4 } });
    expect(await describeCheckIn(db, first.value.id, 'x', 6, clock(at('09:00', '2026-03-05')))).toMatchObject({ ok: false });
    expect(await describeCheckIn(db, lateNight.value.id, 'late', 3, clock(at('09:00', '2026-03-06')))).toMatchObject({ ok: false, error: expect.stringMatching(/Older days/) });
    expect(await undoCheckIn(db, second.value.id, clock(at('20:00')))).toEqual({ ok: true, value: null });
    expect(await db.checkIns.count()).toBe(2);
  });

  it('a habit holds no site back', async () => {
    const c = await saveCommitment(db, { ...habit, sites: ['mail.google.com'] }, clock(at('08:00')));
    expect(c).toMatchObject({ ok: true, value: { sites: [] } });
    const { fx, log } = effects();
    await refreshGate(db, clock(at('09:00')), fx);
    expect(log.rules).toEqual([]);
  });
});

describe('pauses', () => {
  it('a pause made today starts tomorrow: today keeps its gate; ending it early counts again at once', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00', '2026-03-02')));
    if (!c.ok) throw new Error(c.error);
    const { fx, log } = effects();
    const now0 = { ...clock(at('08:00')), easingDelayDays: 0 };
    expect(await pauseCommitment(db, c.value.id, now0, { until: '2026-03-09', reason: 'exam week' }))
      .toMatchObject({ ok: true, value: { pauses: [{ from: '2026-03-05', until: '2026-03-09', reason: 'exam week' }] } });
    await refreshGate(db, clock(at('09:00')), fx);
    expect(log.state!.closed).toHaveLength(1); // today is judged as usual
    await refreshGate(db, clock(at('09:00', '2026-03-05')), fx);
    expect(log.state!.closed).toEqual([]);
    expect(await resumeCommitment(db, c.value.id, clock(at('09:00', '2026-03-06')))).toMatchObject({ ok: true, value: { pauses: [{ from: '2026-03-05', until: '2026-03-06', reason: 'exam week' }] } });
    await refreshGate(db, clock(at('09:01', '2026-03-06')), fx);
    expect(log.state!.closed).toHaveLength(1);
    // With the default delay of 2 days, a pause asked on the 6th at 10:00 starts on the 9th; cancelled, it leaves nothing.
    expect(await pauseCommitment(db, c.value.id, clock(at('10:00', '2026-03-06')))).toMatchObject({ ok: true, value: { pauses: [{}, { from: '2026-03-09' }] } });
    const resumed = await resumeCommitment(db, c.value.id, clock(at('11:00', '2026-03-06')));
    expect(resumed.ok && resumed.value.pauses).toEqual([{ from: '2026-03-05', until: '2026-03-06', reason: 'exam week' }]);
    expect(await pauseCommitment(db, c.value.id, clock(at('11:00')), { until: '2026-02-30' })).toMatchObject({ ok: false });
  });
});

describe('pausing everything', () => {
  it('plans the same pause for every live commitment without one ahead, and none for today', async () => {
    const a = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00', '2026-03-02')));
    const b = await saveCommitment(db, { ...deepWorkBeforeEmail(), title: 'Second' }, clock(at('07:00', '2026-03-02')));
    if (!a.ok || !b.ok) throw new Error('not saved');
    await pauseCommitment(db, b.value.id, { ...clock(at('08:00')), easingDelayDays: 0 }, { reason: 'own' });
    expect(await pauseAll(db, clock(at('09:00')), { until: '2026-03-20', reason: 'new baby' })).toEqual({ ok: true, value: 1 });
    expect((await db.commitments.get(a.value.id))!.pauses).toEqual([{ from: '2026-03-07', until: '2026-03-20', reason: 'new baby' }]);
    expect((await db.commitments.get(b.value.id))!.pauses).toEqual([{ from: '2026-03-05', reason: 'own' }]);
    expect(await pauseAll(db, clock(at('09:00')), { until: '2026-03-06' })).toEqual({ ok: true, value: 0 });
  });
});

describe('recording site visits', () => {
  const focusOn = (site: string | null, time: string) => ({ kind: 'focus' as const, at: at(time), site });

  it('folds time on a tracked site into the day, and writes nothing for switches between untracked pages', async () => {
    let writes = 0;
    const count = () => void writes++;
    db.tracker.hook('creating', count);
    db.tracker.hook('updating', count);

    expect((await recordVisitEvent(db, focusOn('docs.example.org', '09:00'), clock(at('09:00')))).changed).toBe(true);
    const left = await recordVisitEvent(db, focusOn(null, '09:02'), clock(at('09:02')));
    expect(left.changed).toBe(true);
    expect(await db.siteDays.toArray()).toEqual([{ site: 'docs.example.org', day: '2026-03-04', seconds: 120, visits: 1 }]);
    expect(writes).toBe(2);

    // Email, the news, the popup: nothing tracked comes or goes, so nothing is stored and no open page re-reads.
    for (const time of ['09:11', '09:12', '09:20']) expect((await recordVisitEvent(db, focusOn(null, time), clock(at(time)))).changed).toBe(false);
    expect(writes).toBe(2);
    expect(await db.siteDays.toArray()).toEqual([{ site: 'docs.example.org', day: '2026-03-04', seconds: 120, visits: 1 }]);

    // Back on the work site: a new visit from that moment.
    await recordVisitEvent(db, focusOn('docs.example.org', '09:30'), clock(at('09:30')));
    await recordVisitEvent(db, focusOn(null, '09:31'), clock(at('09:31')));
    expect(await db.siteDays.toArray()).toEqual([{ site: 'docs.example.org', day: '2026-03-04', seconds: 180, visits: 2 }]);
    expect(writes).toBe(4);
  });
});

describe('recalibration', () => {
  it('recommits with a note, makes it fit as an easing that waits, or plans a pause; a check-in has no smaller target', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00', '2026-03-02')));
    if (!c.ok) throw new Error(c.error);
    const k = clock(at('15:00'));
    expect(await recalibrate(db, c.value.id, k, 'recommit', ' mornings got away from me ')).toMatchObject({ ok: true, value: { recalibration: { at: k.now, choice: 'recommit', note: 'mornings got away from me' } } });
    const fit = await recalibrate(db, c.value.id, k, 'fit');
    expect(fit).toMatchObject({ ok: true, value: { requirement: { minutes: 60 }, pending: { day: '2026-03-07', requirement: { minutes: 45 } }, recalibration: { choice: 'fit' } } });
    const paused = await recalibrate(db, c.value.id, k, 'pause', 'exam week');
    expect(paused).toMatchObject({ ok: true, value: { pauses: [{ from: '2026-03-07', reason: 'exam week' }], recalibration: { choice: 'pause' } } });
    const check = await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' } }, k);
    if (!check.ok) throw new Error(check.error);
    expect(await recalibrate(db, check.value.id, k, 'fit')).toMatchObject({ ok: false, error: expect.stringMatching(/no smaller target/) });
    expect(await recalibrate(db, check.value.id, k, 'recommit', 'x'.repeat(201))).toMatchObject({ ok: false });
  });
});

describe('pledges', () => {
  it('sets a pledge, marks a week kept, and refuses removing it while a week waits to be kept', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00', '2026-03-02')));
    if (!c.ok) throw new Error(c.error);
    const k = clock(at('15:00'));
    expect(await setPledge(db, c.value.id, k, { misses: 2, stake: 'give €10 to the climbing club' })).toMatchObject({ ok: true, value: { pledge: { misses: 2 } } });
    expect(await setPledge(db, c.value.id, k, { misses: 9, stake: 'x' })).toMatchObject({ ok: false });
    expect(await setPledge(db, c.value.id, k, null, '2026-03-02')).toMatchObject({ ok: false, error: expect.stringMatching(/kept first/) });
    expect(await keepPledge(db, c.value.id, k, '2026-03-02')).toMatchObject({ ok: true, value: { pledge: { kept: ['2026-03-02'] } } });
    // Removing it is an easing: it waits two days (the default), then goes.
    const removed = await setPledge(db, c.value.id, k, null, '2026-03-02');
    expect(removed).toMatchObject({ ok: true, value: { pledge: { misses: 2 }, pending: { day: '2026-03-07', pledge: null } } });
    await applyDueEasings(db, clock(at('05:00', '2026-03-07')));
    expect((await db.commitments.get(c.value.id))!.pledge).toBeUndefined();
  });

  it('adding a pledge or lowering its missed days applies at once; more missed days or other words wait', async () => {
    const c = await saveCommitment(db, deepWorkBeforeEmail(), clock(at('07:00', '2026-03-02')));
    if (!c.ok) throw new Error(c.error);
    const k = clock(at('15:00'));
    const id = c.value.id;
    expect(await setPledge(db, id, k, { misses: 3, stake: 'give €10' })).toMatchObject({ ok: true, value: { pledge: { misses: 3 } } });
    expect((await db.commitments.get(id))!.pending).toBeUndefined();
    expect(await setPledge(db, id, k, { misses: 2, stake: 'give €10' })).toMatchObject({ ok: true, value: { pledge: { misses: 2 } } });
    expect((await db.commitments.get(id))!.pending).toBeUndefined();
    const later = await setPledge(db, id, k, { misses: 4, stake: 'give €10' });
    expect(later).toMatchObject({ ok: true, value: { pledge: { misses: 2 }, pending: { day: '2026-03-07', pledge: { misses: 4, stake: 'give €10' } } } });
    const words = await setPledge(db, id, k, { misses: 2, stake: 'give €1' });
    expect(words).toMatchObject({ ok: true, value: { pledge: { misses: 2, stake: 'give €10' }, pending: { pledge: { misses: 2, stake: 'give €1' } } } });
    // An edit of the requirement meanwhile keeps the pledge change waiting with it.
    const draft = deepWorkBeforeEmail();
    expect(await saveCommitment(db, { ...draft, requirement: { kind: 'focus', minutes: 90 } }, k, id)).toMatchObject({ ok: true, value: { pending: { pledge: { stake: 'give €1' } } } });
    await applyDueEasings(db, clock(at('05:00', '2026-03-07')));
    expect((await db.commitments.get(id))!.pledge).toEqual({ misses: 2, stake: 'give €1' });
  });
});
