/**
 * A requirement kind that exists only in this test: "read N chapters before the sites open", each chapter one
 * check-in. Registered through the app's own API, it is validated, judged, gated, checked in and shared by the
 * generic code, and no other file knows it (issue 9: a kind is one place).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeRequirement, findRequirementKind, registerRequirementKind, REQUIREMENT_KINDS, type DayRecords, type RequirementKind,
} from '@/utils/core/requirements';
import { validateCommitment } from '@/utils/core/commitment';
import { gateClosed, statusToday } from '@/utils/core/status';
import { compileGateState } from '@/utils/core/gate';
import { trackedSites } from '@/utils/core/visits';
import { viewToday } from '@/utils/core/today';
import { buildSummary } from '@/utils/core/partners/summary';
import { formatProgress } from '@/utils/core/format';
import { localInstant } from '@/utils/core/days';
import { fail, ok } from '@/utils/core/result';
import type { CheckIn, Clock, Commitment, CommitmentDraft } from '@/utils/core/types';
import { saveCommitment } from '@/utils/services/commitments';
import { checkIn } from '@/utils/services/checkin';
import { startFocus } from '@/utils/services/focus';
import { refreshGate, type GateEffects } from '@/utils/services/gate';
import { OPEN_GATE, type GateState } from '@/utils/core/gate';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from '../db/fresh-db';

type Chapters = { kind: 'chapters'; chapters: number };

// The kind's data joins the registry's types for this program: the app type-checks with a kind it never heard of.
declare module '@/utils/core/requirements' {
  interface RequirementTypes {
    chapters: Chapters;
  }
}

const chaptersRequirement: RequirementKind<Chapters> = {
  kind: 'chapters',
  initial: { kind: 'chapters', chapters: 1 },
  gates: true,
  checkIn: 'counted',
  describe: (r) => `${r.chapters} chapters`,
  validate: (r) => (Number.isInteger(r.chapters) && r.chapters >= 1 && r.chapters <= 50 ? ok(r) : fail('Read 1 to 50 chapters.')),
  progress(r, records) {
    const read = records.checkIns.map((c) => c.at).sort((a, b) => a - b);
    return { done: read.length >= r.chapters, doneAt: read[r.chapters - 1], value: read.length, target: r.chapters, unit: 'times' };
  },
};
registerRequirementKind(chaptersRequirement);

const TZ = 'Europe/Berlin';
const at = (hhmm: string) => localInstant('2026-03-04', Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const clock = (hhmm: string): Clock => ({ now: at(hhmm), timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });
const draft = (over: Partial<CommitmentDraft> = {}): CommitmentDraft => ({
  title: 'Read before email',
  why: '',
  sites: ['mail.google.com'],
  requirement: { kind: 'chapters', chapters: 3 },
  schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 12 * 60 }],
  ...over,
});
const commitment: Commitment = { id: 'c1', ...draft(), createdAt: at('07:00'), updatedAt: at('07:00'), sharedWith: ['pair'] };
const readAt = (...times: string[]): DayRecords => ({
  sessions: [],
  checkIns: times.map((t, i): CheckIn => ({ id: `k${i}`, commitmentId: 'c1', day: '2026-03-04', at: at(t) })),
});

describe('a kind registered by a test', () => {
  it('joins the registry through the same API, once, without being one of the app\'s kinds', () => {
    expect(findRequirementKind('chapters')).toBe(chaptersRequirement);
    expect(REQUIREMENT_KINDS).not.toContain(chaptersRequirement);
    expect(() => registerRequirementKind(chaptersRequirement)).toThrow(/twice/);
  });

  it('is validated by its own rules and the commitment\'s', () => {
    expect(validateCommitment(draft({ requirement: { kind: 'chapters', chapters: 0 } }))).toEqual({ ok: false, error: 'Read 1 to 50 chapters.' });
    expect(validateCommitment(draft({ sites: [] }))).toMatchObject({ ok: false, error: expect.stringMatching(/at least one site/) });
    expect(validateCommitment(draft({ sites: ['Mail.Google.com'] }))).toMatchObject({ ok: true, value: { sites: ['mail.google.com'] } });
    expect(describeRequirement(commitment.requirement)).toBe('3 chapters');
    expect(trackedSites([commitment])).toEqual([]); // it watches no visits
  });

  it('is judged done in time, in progress or missed, and holds its sites back until done', () => {
    const status = (records: DayRecords, now: string) => statusToday(commitment, records, clock(now));
    expect(status(readAt('08:00', '09:00'), '10:00')).toMatchObject({ status: 'in-progress', progress: { value: 2, target: 3 } });
    expect(formatProgress(status(readAt('08:00', '09:00'), '10:00').progress)).toBe('2 of 3 today');
    expect(gateClosed(commitment, status(readAt('08:00', '09:00'), '10:00'), at('10:00'))).toBe(true);
    expect(status(readAt('08:00', '09:00', '11:00'), '11:30')).toMatchObject({ status: 'done', progress: { doneAt: at('11:00') } });
    expect(status(readAt('08:00', '09:00', '12:30'), '13:00').status).toBe('missed'); // the third chapter came after 12:00

    const gate = (records: DayRecords, now: string) =>
      compileGateState({ commitments: [commitment], today: new Map([['c1', records]]), overrides: [], clock: clock(now) });
    expect(gate(readAt('08:00'), '10:00').closed).toEqual([{ commitmentId: 'c1', sites: ['mail.google.com'] }]);
    expect(gate(readAt('08:00', '09:00', '10:00'), '10:01').closed).toEqual([]);
  });

  it('is shared with a partner as a gate, with its status and the moment it was done', () => {
    const views = viewToday([commitment], new Map([['c1', new Map([['2026-03-04', readAt('08:00', '09:00', '11:00')]])]]), clock('11:30'));
    const summary = buildSummary({ pairId: 'pair', name: 'Ana', clock: clock('11:30'), views, counts: new Map() });
    expect(summary.commitments).toEqual([expect.objectContaining({ id: 'c1', kind: 'gate', status: 'done', doneAt: at('11:00'), streak: 1 })]);
  });

  describe('through the services', () => {
    let db: TandemDB;
    beforeEach(async () => {
      db = await openFreshDb('kinds');
    });
    afterEach(() => dropDb(db));

    it('is saved, checked in once per chapter (not a focus session), and opens the gate when done', async () => {
      const saved = await saveCommitment(db, draft(), clock('07:00'));
      if (!saved.ok) throw new Error(saved.error);
      const id = saved.value.id;
      expect(await startFocus(db, id, clock('08:00'))).toMatchObject({ ok: false });
      let state: GateState = OPEN_GATE;
      const effects: GateEffects = {
        blockPageUrl: 'chrome-extension://x/block.html',
        applyRules: async () => undefined,
        publish: async (s) => void (state = s),
        published: async () => state,
        scheduleAt: async () => undefined,
        sweepTabs: async () => undefined,
      };
      for (const t of ['08:00', '09:00']) expect(await checkIn(db, id, clock(t))).toMatchObject({ ok: true });
      await refreshGate(db, clock('09:01'), effects);
      expect(state.closed.map((c) => c.commitmentId)).toEqual([id]);
      await checkIn(db, id, clock('10:00'));
      expect(await db.checkIns.count()).toBe(3); // counted, not once a day
      await refreshGate(db, clock('10:01'), effects);
      expect(state.closed).toEqual([]);
    });
  });
});
