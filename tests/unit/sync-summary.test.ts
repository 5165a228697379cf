import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAY_CODES,
  DONE_WITHIN_MS,
  MAX_REV,
  MAX_SHARED,
  NAME_MAX,
  SHARED_DAYS,
  SHARED_KEYS,
  SUMMARY_KEYS,
  SHARED_TITLE_MAX,
  buildSummary,
  nextRev,
  type SharedCommitment,
  type Summary,
  type TodayCounts,
} from '@/utils/core/partners/summary';
import { decodeSummary, encodeSummary, readSummary, sameContent, toWire } from '@/utils/core/partners/wire';
import { HEATMAP_WEEKS, viewToday, type CommitmentView } from '@/utils/core/today';
import { heatmap, type DayEntry } from '@/utils/core/streak-engine';
import { addDays, localInstant } from '@/utils/core/days';
import type { CheckIn, Clock, Commitment, DayKey, DayStatus, FocusSession, Requirement, Weekday } from '@/utils/core/types';
import type { DayRecords, VisitRecords } from '@/utils/core/requirements';
import { RULES_COMMITMENT } from '../support/rules-regex';

const TZ = 'Europe/Berlin';
const TODAY = '2026-03-18'; // a Wednesday
const NOW = localInstant(TODAY, 15 * 60, TZ);
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOCK: Clock = { now: NOW, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 };
const PAIR = 'pairA';

const sortedKeys = (o: object) => Object.keys(o).sort();

/** What a string looks like inside JSON, so a leak is found even if it holds quotes or control characters. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

// ---- generated commitments, carrying everything that must stay on the device ----

/** Site patterns: '.' and '-' never occur in titles or names below, so finding one in the output is a leak. */
const hostArb = fc.stringMatching(/^[a-z]{3,8}$/).map((w) => `${w}.private-site.example`);
/** Free text that must stay private: marked with '§', which titles and names below never contain. */
const secretArb = (label: string) => fc.string({ maxLength: 20 }).map((s) => `${label}§${s}§`);
/** Titles and names: letters, spaces, accents and emoji (surrogate pairs), sometimes far too long. */
const wordChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ     éøß'.split(''), '🙂', '🏃', '📚');
const titleArb = fc.oneof(
  fc.array(wordChar, { maxLength: 30 }).map((cs) => cs.join('')),
  fc.array(wordChar, { minLength: 70, maxLength: 160 }).map((cs) => cs.join('')),
);

const requirementArb = (sites: fc.Arbitrary<string[]>): fc.Arbitrary<Requirement> =>
  fc.oneof(
    fc.integer({ min: 1, max: 120 }).map((minutes) => ({ kind: 'focus' as const, minutes })),
    fc.constant({ kind: 'checkin' as const }),
    fc.record({ minutes: fc.integer({ min: 1, max: 120 }), sites }).map((r) => ({ kind: 'site-time' as const, ...r })),
    fc.record({ times: fc.integer({ min: 1, max: 5 }), per: fc.constantFrom('day' as const, 'week' as const) }).map((r) => ({ kind: 'habit' as const, ...r })),
  );

interface Generated {
  commitments: Commitment[];
  history: Map<string, Map<DayKey, DayRecords>>;
  visits: VisitRecords;
  counts: Map<string, TodayCounts>;
  secrets: string[];
}

const oneArb = fc.record({
  id: fc.uuid(),
  title: titleArb,
  why: secretArb('WHY'),
  sites: fc.array(hostArb, { maxLength: 3 }),
  requirement: requirementArb(fc.array(hostArb, { minLength: 1, maxLength: 3 })),
  schedule: fc.array(fc.record({
    days: fc.subarray([0, 1, 2, 3, 4, 5, 6] as Weekday[], { minLength: 1 }),
    fromMinutes: fc.option(fc.integer({ min: 0, max: 1439 }), { nil: undefined }),
    untilMinutes: fc.integer({ min: 0, max: 1439 }),
  }, { requiredKeys: ['days', 'untilMinutes'] }), { minLength: 1, maxLength: 3 }),
  ageDays: fc.integer({ min: 0, max: 150 }),
  archived: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  sharedWith: fc.oneof(
    { arbitrary: fc.constant([PAIR]), weight: 4 },
    { arbitrary: fc.subarray([PAIR, 'pairB']), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  ),
  pausedDaysAgo: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.integer({ min: 0, max: 20 }), weight: 1 }),
  checkInsDaysAgo: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
  note: secretArb('NOTE'),
  // A recalibration's note stays on the device (issue 11): only the choice is shared.
  recalibration: fc.option(fc.record({ daysAgo: fc.integer({ min: 0, max: 10 }), choice: fc.constantFrom('recommit' as const, 'fit' as const, 'pause' as const), note: secretArb('RECAL') }), { nil: undefined }),
  focusToday: fc.boolean(),
  // Fields a later version might add to a commitment; nothing of them may ever be shared.
  extra: fc.record({ notes: secretArb('EXTRA'), url: hostArb.map((h) => `https://${h}/inbox?id=42`), blockedHosts: fc.array(hostArb, { maxLength: 2 }) }),
  counts: fc.record({
    focusMinutes: fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.double()),
    turnedBack: fc.oneof(fc.integer({ min: -50, max: 50000 }), fc.double()),
    wentAnyway: fc.oneof(fc.integer({ min: -50, max: 50000 }), fc.double()),
  }),
});

const generatedArb: fc.Arbitrary<Generated> = fc
  .record({
    items: fc.uniqueArray(oneArb, { selector: (x) => x.id, maxLength: 26 }),
    visitSeconds: fc.integer({ min: 0, max: 4 * 3600 }),
  })
  .map(({ items, visitSeconds }) => {
    const history = new Map<string, Map<DayKey, DayRecords>>();
    const counts = new Map<string, TodayCounts>();
    const secrets: string[] = [];
    const allSites: string[] = [];
    const commitments = items.map((x): Commitment => {
      const createdAt = NOW - x.ageDays * DAY_MS - 60 * 60_000;
      const days = new Map<DayKey, DayRecords>();
      for (const ago of x.checkInsDaysAgo.filter((d) => d <= x.ageDays)) {
        const day = addDays(TODAY, -ago);
        const checkIn: CheckIn = { id: `${x.id}-${day}`, commitmentId: x.id, day, at: localInstant(day, 11 * 60, TZ), note: x.note, rating: 4 };
        days.set(day, { sessions: [], checkIns: [checkIn] });
      }
      if (x.focusToday) {
        const session: FocusSession = { id: `${x.id}-f`, commitmentId: x.id, day: TODAY, startedAt: NOW - 20 * 60_000, endsAt: NOW + 5 * 60_000, outcome: 'running' };
        days.set(TODAY, { sessions: [session], checkIns: days.get(TODAY)?.checkIns ?? [] });
      }
      history.set(x.id, days);
      counts.set(x.id, { ...x.counts, hosts: x.sites } as TodayCounts);
      const reqSites = x.requirement.kind === 'site-time' ? x.requirement.sites : [];
      allSites.push(...x.sites, ...reqSites);
      if (x.recalibration) secrets.push(x.recalibration.note);
      secrets.push(x.why, x.note, x.extra.notes, x.extra.url, ...x.extra.blockedHosts, ...x.sites, ...reqSites);
      return {
        id: x.id, title: x.title, why: x.why, sites: x.sites, requirement: x.requirement, schedule: x.schedule,
        createdAt, updatedAt: createdAt,
        ...(x.archived ? { archivedAt: NOW - 1000 } : {}),
        ...(x.sharedWith ? { sharedWith: x.sharedWith } : {}),
        ...(x.pausedDaysAgo !== undefined ? { pauses: [{ from: addDays(TODAY, -x.pausedDaysAgo) }] } : {}),
        ...(x.recalibration ? { recalibration: { at: NOW - x.recalibration.daysAgo * DAY_MS, choice: x.recalibration.choice, note: x.recalibration.note } } : {}),
        ...x.extra,
      } as Commitment;
    });
    const visits: VisitRecords = {
      siteDays: allSites.map((site) => ({ site, day: TODAY, seconds: visitSeconds, visits: 7 })),
      open: allSites[0] ? { site: allSites[0], since: NOW - 10 * 60_000, confirmedAt: NOW - 5000 } : null,
      dayStart: localInstant(TODAY, 240, TZ),
      idleThresholdMs: 60_000,
    };
    return { commitments, history, visits, counts, secrets };
  });

const nameArb = fc.oneof(titleArb, fc.constant(''), fc.constant('   '));

/** The outcome letter a daily commitment's status today stands for. */
const TODAY_LETTER: Record<DayStatus, string> = {
  done: DAY_CODES.done, missed: DAY_CODES.missed, 'not-today': DAY_CODES['not-active'], paused: DAY_CODES.paused,
  pending: DAY_CODES.pending, 'in-progress': DAY_CODES.pending,
};

function expectIntIn(n: number, max: number) {
  expect(Number.isInteger(n)).toBe(true);
  expect(n).toBeGreaterThanOrEqual(0);
  expect(n).toBeLessThanOrEqual(max);
}

describe('the summary a partner sees (privacy allowlist)', () => {
  it('carries only the allowlisted fields of the commitments shared with that pair, within the documented sizes', () => {
    fc.assert(
      fc.property(generatedArb, nameArb, fc.double({ min: 0, max: 999, noNaN: true }), (g, name, ms) => {
        // The summary's clock: a fraction of a second after the views were computed.
        const views = viewToday(g.commitments, g.history, CLOCK, { visits: g.visits });
        const summary = buildSummary({ pairId: PAIR, name, clock: { ...CLOCK, now: NOW + ms }, views, counts: g.counts });
        const wire = toWire(summary);
        const sent = JSON.parse(JSON.stringify(wire)) as Summary;

        // Nothing private, in the summary built or in what goes on the wire.
        for (const json of [JSON.stringify(summary), JSON.stringify(wire)]) {
          for (const secret of g.secrets) expect(json).not.toContain(inJson(secret));
          expect(json).not.toContain('§');
          expect(json).not.toContain('private-site');
        }

        // Exactly the documented keys, none of them undefined (they would vanish in JSON).
        for (const s of [summary, wire, sent]) {
          expect(sortedKeys(s)).toEqual([...SUMMARY_KEYS].sort());
          for (const c of s.commitments) expect(sortedKeys(c)).toEqual([...SHARED_KEYS].sort());
        }
        expect(sent).toEqual(wire);

        // Which commitments: shared with this pair, not archived, at most MAX_SHARED, in order.
        const expected = g.commitments.filter((c) => !c.archivedAt && (c.sharedWith ?? []).includes(PAIR)).slice(0, MAX_SHARED);
        expect(wire.commitments.map((c) => c.id)).toEqual(expected.map((c) => c.id));

        expect(wire.day).toBe(TODAY); // also with nothing shared: the rules need a day
        expect(wire.rev).toBe(0); // numbered at delivery (nextRev), never from a clock
        const nameChars = [...wire.name];
        expect(nameChars.length).toBeGreaterThanOrEqual(1);
        expect(nameChars.length).toBeLessThanOrEqual(NAME_MAX);
        expect(wire.name).toBe(name.trim() ? [...name.trim()].slice(0, NAME_MAX).join('') : 'Partner');

        for (const c of wire.commitments) {
          const original = expected.find((e) => e.id === c.id)!;
          const view = views.find((v) => v.commitment.id === c.id)!;
          expect([...c.title].length).toBeGreaterThanOrEqual(1);
          expect([...c.title].length).toBeLessThanOrEqual(SHARED_TITLE_MAX);
          expect(c.title).toBe(original.title.trim() ? [...original.title.trim()].slice(0, SHARED_TITLE_MAX).join('') : 'Commitment');
          expect(c.kind).toBe(original.requirement.kind === 'habit' ? 'habit' : 'gate');
          expect(c.status).toBe(view.today.status);

          expect(c.days).toMatch(/^[dmnprx.]*$/);
          expect(c.days).toHaveLength(SHARED_DAYS); // a 16-week calendar always has 8 weeks to share
          const weekly = original.requirement.kind === 'habit' && original.requirement.per === 'week';
          if (!weekly) expect(c.days.at(-1)).toBe(TODAY_LETTER[view.today.status]);

          if (c.doneAt !== null) expect(Number.isInteger(c.doneAt)).toBe(true);
          // The moment is shared only with a done status ("Sam finished at 9:40").
          expect(c.doneAt !== null).toBe(view.today.status === 'done' && view.today.progress.doneAt !== undefined);
          expectIntIn(c.streak, 100000);
          expectIntIn(c.best, 100000);
          expect(c.unit).toBe(weekly ? 'week' : 'day');
          expectIntIn(c.focusMinutes, 1440);
          expectIntIn(c.turnedBack, 10000);
          expectIntIn(c.wentAnyway, 10000);
        }

        // What the partner reads back is what was sent, and the rules accept every commitment as encoded.
        expect(readSummary(sent)).toEqual(wire);
        for (const line of encodeSummary(summary).commitments) expect(line).toMatch(RULES_COMMITMENT);
      }),
      { numRuns: 60 },
    );
  });

  it('toWire drops anything else that reached the summary object', () => {
    fc.assert(
      fc.property(generatedArb, (g) => {
        const views = viewToday(g.commitments, g.history, CLOCK, { visits: g.visits });
        const summary = buildSummary({ pairId: PAIR, name: 'Alex', clock: CLOCK, views, counts: g.counts });
        const polluted = {
          ...summary,
          sites: g.commitments.flatMap((c) => c.sites),
          why: g.commitments.map((c) => c.why),
          commitments: summary.commitments.map((c, i) => ({ ...c, why: g.secrets[i % g.secrets.length], url: 'https://mail.private-site.example/' })),
        } as Summary;
        const wire = toWire(polluted);
        expect(wire).toEqual(summary);
        const json = JSON.stringify(wire);
        expect(json).not.toContain('§');
        expect(json).not.toContain('private-site');
        expect(sortedKeys(wire)).toEqual([...SUMMARY_KEYS].sort());
        for (const c of wire.commitments) expect(sortedKeys(c)).toEqual([...SHARED_KEYS].sort());
      }),
      { numRuns: 30 },
    );
  });
});

// ---- hand-built views, for the edges ----

function view(id: string, over: {
  commitment?: Partial<Commitment>;
  status?: DayStatus;
  doneAt?: number;
  streak?: { current: number; best: number; unit?: 'day' | 'week' };
  entries?: DayEntry[];
} = {}): CommitmentView {
  const status = over.status ?? 'pending';
  const done = status === 'done';
  return {
    commitment: {
      id, title: `Commitment ${id}`, why: 'because', sites: ['mail.google.com'], requirement: { kind: 'checkin' },
      schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 12 * 60 }], createdAt: NOW - 90 * DAY_MS, updatedAt: 0, sharedWith: [PAIR],
      ...over.commitment,
    },
    today: { day: TODAY, status, progress: { done, ...(over.doneAt !== undefined ? { doneAt: over.doneAt } : {}), value: done ? 1 : 0, target: 1, unit: 'check-in' }, windowEnd: null },
    streak: { current: over.streak?.current ?? 0, best: over.streak?.best ?? 0, rate30: null, unit: over.streak?.unit ?? 'day' },
    heatmap: heatmap(over.entries ?? [], TODAY, HEATMAP_WEEKS, 1),
    checkIns: [],
    canLogYesterday: false,
  };
}
const build = (views: CommitmentView[], counts = new Map<string, TodayCounts>(), name = 'Alex') =>
  buildSummary({ pairId: PAIR, name, clock: CLOCK, views, counts });

describe('building a summary', () => {
  it('shares at most 20 commitments, the first ones in the order the person sees them', () => {
    const views = Array.from({ length: 25 }, (_, i) => view(`c${i}`));
    expect(build(views).commitments.map((c) => c.id)).toEqual(Array.from({ length: MAX_SHARED }, (_, i) => `c${i}`));
  });

  it('leaves out commitments not shared with this pair, shared with another, or archived', () => {
    const views = [
      view('mine'),
      view('other-pair', { commitment: { sharedWith: ['pairB'] } }),
      view('never', { commitment: { sharedWith: undefined } }),
      view('archived', { commitment: { archivedAt: NOW - 1 } }),
      view('both', { commitment: { sharedWith: ['pairB', PAIR] } }),
    ];
    expect(build(views).commitments.map((c) => c.id)).toEqual(['mine', 'both']);
  });

  it('caps titles at 80 characters and names at 40, counting emoji as one, and fills in blanks', () => {
    const long = '🏃'.repeat(100);
    const s = build([view('a', { commitment: { title: `  ${long}  ` } }), view('b', { commitment: { title: '   ' } })], new Map(), ` ${'ß'.repeat(50)} `);
    expect(s.commitments[0]!.title).toBe('🏃'.repeat(SHARED_TITLE_MAX));
    expect(s.commitments[1]!.title).toBe('Commitment');
    expect(s.name).toBe('ß'.repeat(NAME_MAX));
    expect(build([], new Map(), ' \n ').name).toBe('Partner');
  });

  it('clamps numbers to the ranges the server accepts', () => {
    const counts = new Map<string, TodayCounts>([
      ['a', { focusMinutes: 5000, turnedBack: 123456, wentAnyway: -3 }],
      ['b', { focusMinutes: Number.NaN, turnedBack: Number.POSITIVE_INFINITY, wentAnyway: 2.6 }],
    ]);
    const s = build([view('a', { streak: { current: 250000, best: 1e9 } }), view('b', { streak: { current: -2, best: 7.4 } }), view('c')], counts);
    expect(s.commitments.map(({ streak, best, focusMinutes, turnedBack, wentAnyway }) => ({ streak, best, focusMinutes, turnedBack, wentAnyway }))).toEqual([
      { streak: 100000, best: 100000, focusMinutes: 1440, turnedBack: 10000, wentAnyway: 0 },
      { streak: 0, best: 7, focusMinutes: 0, turnedBack: 0, wentAnyway: 3 },
      { streak: 0, best: 0, focusMinutes: 0, turnedBack: 0, wentAnyway: 0 }, // no counts for it
    ]);
  });

  it('says when today was done, only if it was', () => {
    const s = build([view('a', { status: 'done', doneAt: NOW - 1234.4 }), view('b', { status: 'in-progress', doneAt: NOW }), view('c', { status: 'done' })]);
    expect(s.commitments.map((c) => c.doneAt)).toEqual([NOW - 1234, null, null]);
  });

  it('shares the last 8 weeks of the calendar, oldest first, ending with today', () => {
    const entries: DayEntry[] = [
      { day: addDays(TODAY, -60), outcome: 'done' }, // older than 8 weeks: not shared
      { day: addDays(TODAY, -55), outcome: 'missed' }, // the first shared day
      { day: addDays(TODAY, -3), outcome: 'paused' },
      { day: addDays(TODAY, -2), outcome: 'done' },
      { day: addDays(TODAY, -1), outcome: 'missed' },
      { day: TODAY, outcome: 'pending' },
    ];
    const days = build([view('a', { entries })]).commitments[0]!.days;
    expect(days).toBe('m' + 'n'.repeat(51) + 'pdmx');
  });

  it('describes the day the statuses are for', () => {
    expect(build([view('a', { commitment: { sharedWith: [] } })]).day).toBe(TODAY);
  });

  it('never shares an unknown status or kind', () => {
    const s = build([view('a', { status: 'snoozed' as DayStatus, commitment: { requirement: { kind: 'mystery' } as unknown as Requirement } })]);
    expect(s.commitments[0]).toMatchObject({ status: 'pending', kind: 'gate' });
  });
});

describe("reading a partner's summary", () => {
  const good: Summary = {
    name: 'Sam', rev: NOW, day: TODAY, dayEnds: NOW + 3600_000,
    commitments: [{
      id: 'c1', title: 'Deep work', kind: 'habit', status: 'done', doneAt: NOW - 5, streak: 3, best: 8, unit: 'week',
      days: 'ddmx', focusMinutes: 25, turnedBack: 2, wentAnyway: 1, pause: null, easing: null, recalibrated: null, pledge: null,
    } satisfies SharedCommitment],
  };

  it('accepts a summary as sent, and only its own fields', () => {
    expect(readSummary(JSON.parse(JSON.stringify(good)))).toEqual(good);
    const extra = { ...good, sites: ['x'], commitments: [{ ...good.commitments[0], why: 'private' }] };
    expect(readSummary(extra)).toEqual(good);
  });

  it('rejects what is not a summary', () => {
    for (const junk of [null, undefined, 0, 42, 'summary', true, [], {}, { ...good, name: 7 }, { ...good, rev: '1' }, { ...good, day: null }, { ...good, commitments: {} }]) {
      expect(readSummary(junk)).toBeNull();
    }
  });

  it('skips commitments without an id or title and fills in what a broken one lacks', () => {
    const s = readSummary({ ...good, commitments: [null, 5, { id: 1, title: 'x' }, { id: 'a' }, { id: 'b', title: 'Walk', status: 'asleep', days: 'd'.repeat(80), streak: '9' }] });
    expect(s?.commitments).toEqual([{
      id: 'b', title: 'Walk', kind: 'gate', status: 'pending', doneAt: null, streak: 0, best: 0, unit: 'day',
      days: 'd'.repeat(SHARED_DAYS), focusMinutes: 0, turnedBack: 0, wentAnyway: 0, pause: null, easing: null, recalibrated: null, pledge: null,
    }]);
  });

  it('reads at most 20 commitments', () => {
    const many = { ...good, commitments: Array.from({ length: 30 }, (_, i) => ({ ...good.commitments[0], id: `c${i}` })) };
    expect(readSummary(many)?.commitments).toHaveLength(MAX_SHARED);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ name: fc.anything(), rev: fc.anything(), day: fc.anything(), commitments: fc.array(fc.anything()) }),
          fc.record({ name: fc.string(), rev: fc.double(), day: fc.string(), commitments: fc.array(fc.dictionary(fc.constantFrom(...SHARED_KEYS), fc.anything())) }),
        ),
        (data) => {
          const s = readSummary(data);
          if (s) {
            // The sent keys, and the storage time when the server gave one.
            expect(sortedKeys(s).filter((k) => k !== 'updatedAt')).toEqual([...SUMMARY_KEYS].sort());
            for (const c of s.commitments) expect(sortedKeys(c)).toEqual([...SHARED_KEYS].sort());
          }
        },
      ),
    );
  });
});

describe('the summary on the wire (one checked string per commitment)', () => {
  it('marks the days before a commitment existed with "." and shares no finishing time unless done', () => {
    const young = view('young', { commitment: { createdAt: NOW - 3 * DAY_MS }, status: 'missed', doneAt: NOW - 1000 });
    const [c] = build([young]).commitments;
    expect(c!.days).toMatch(/^\.+[dmnpx]{4}$/);
    expect(c!.doneAt).toBeNull();
  });

  it('decodes what it encodes, titles with "|" included, and refuses lines that are not commitments', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }).filter((t) => t.trim().length > 0), fc.boolean(), (title, done) => {
        const summary = build([view('c1', { commitment: { title }, status: done ? 'done' : 'pending', doneAt: done ? NOW - 5 : undefined })]);
        const wire = encodeSummary(summary);
        expect(wire.commitments).toHaveLength(1);
        expect(typeof wire.commitments[0]).toBe('string');
        expect(decodeSummary(JSON.parse(JSON.stringify(wire)))).toEqual(toWire(summary));
      }),
    );
    expect(decodeSummary({ name: 'Sam', rev: 1, day: TODAY, commitments: ['too|few|fields', 7] })?.commitments).toEqual([]);
    expect(decodeSummary('nonsense')).toBeNull();
  });

  it('sends the best as best − streak and the finishing time as the ms before the day ends, which the rules bound', () => {
    const summary = build([view('a', { status: 'done', doneAt: NOW - 5, streak: { current: 3, best: 8 } })]);
    const [line] = encodeSummary(summary).commitments;
    expect(line!.split('|').slice(4, 6)).toEqual(['3', '5']);
    expect(line!.split('|')[9]).toBe(String(summary.dayEnds - (NOW - 5)));
    expect(line).toMatch(RULES_COMMITMENT);
    expect(line!.replace('|3|5|', '|3|-5|')).not.toMatch(RULES_COMMITMENT); // the regex read from the rules bites
    expect(decodeSummary(encodeSummary(summary))?.commitments[0]).toMatchObject({ streak: 3, best: 8, doneAt: NOW - 5 });
  });

  it('leaves out a finishing time outside the 25 hours before the day ends (e.g. after a flight), and keeps the rest', () => {
    const dayEnds = build([]).dayEnds;
    for (const doneAt of [dayEnds + 1, dayEnds - DONE_WITHIN_MS - 1]) {
      const summary = build([view('a', { status: 'done', doneAt })]);
      const [line] = encodeSummary(summary).commitments;
      expect(line).toMatch(RULES_COMMITMENT);
      expect(decodeSummary(encodeSummary(summary))?.commitments[0]).toMatchObject({ status: 'done', doneAt: null });
    }
    for (const doneAt of [dayEnds, dayEnds - DONE_WITHIN_MS]) {
      const summary = build([view('a', { status: 'done', doneAt })]);
      expect(decodeSummary(encodeSummary(summary))?.commitments[0]?.doneAt).toBe(doneAt);
    }
  });

  it('never sends a best below the streak (it would go as a negative gap, which the rules refuse)', () => {
    const base = build([view('a')]);
    const summary = { ...base, commitments: [{ ...base.commitments[0]!, streak: 9, best: 4 }] };
    const [line] = encodeSummary(summary).commitments;
    expect(line).toMatch(RULES_COMMITMENT);
    expect(decodeSummary(encodeSummary(summary))?.commitments[0]).toMatchObject({ streak: 9, best: 9 });
  });

  it('gives a summary read from the server its storage time, and nothing when there is none', () => {
    const wire = encodeSummary(build([view('a')]));
    expect(decodeSummary({ ...wire, updatedAt: NOW })?.updatedAt).toBe(NOW);
    expect(decodeSummary(wire)).not.toHaveProperty('updatedAt');
  });
});

describe('numbering the writes of a summary (rev)', () => {
  it('counts on from the rev the server holds, starting at 1', () => {
    expect(nextRev(undefined)).toBe(1);
    expect(nextRev({ rev: 1 })).toBe(2);
    expect(nextRev({ rev: 41 })).toBe(42);
    // An older version's rev, a clock's milliseconds: counted on from, as the rules do.
    expect(nextRev({ rev: 1_767_000_000_000 })).toBe(1_767_000_000_001);
  });

  it('starts again at 1 over a stored rev out of range, where the rules also restart', () => {
    for (const rev of [0, -5, 1.5, MAX_REV, 2 ** 62, Number.NaN]) expect(nextRev({ rev })).toBe(1);
  });

  it('tells a summary with the same content from a changed one, whatever their revs', () => {
    const a = build([view('a', { status: 'done', doneAt: NOW - 5 })]);
    expect(sameContent(a, { ...a, rev: 7, updatedAt: NOW })).toBe(true);
    expect(sameContent(a, { ...a, commitments: [{ ...a.commitments[0]!, status: 'pending', doneAt: null }] })).toBe(false);
    expect(sameContent(a, { ...a, name: 'Sam' })).toBe(false);
  });
});
