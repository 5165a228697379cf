/**
 * A synthetic but realistic history for the benchmark: 20 live commitments made about five years before `now`,
 * with the records a person would have left by keeping them most days. Used by scripts/bench-history.ts (the
 * computation in Node) and by scripts/bench/history.mjs (seeded into the extension's IndexedDB for the popup and the
 * database size), so both measure the same data. Deterministic for a given `now`, zone and seed.
 *
 * What is in it (see COMMITMENTS below):
 * - 9 focus commitments on different windows and weekdays (weekdays until 12:00, Mon/Wed/Fri until 14:00,
 *   weekends, every day until 01:00 the next morning, …). On most active days one session of the required
 *   length; about 1 in 8 days the first session is ended early, and then usually a second one makes up the rest
 *   (minutes add up); sometimes it is started too late for the window, or nothing at all is done (missed).
 * - 3 check-in commitments, 2 time-on-site commitments (their history is the check-in kept at the moment the
 *   time was reached; no siteDays rows), 3 daily habits (1–3 times a day, some with a note and a rating),
 *   3 weekly habits (1–3 times a week).
 * - Repaired missed days (made up or granted, issue 11). Edits kept as `earlierRules` (a requirement or window
 *   changed two years ago), pauses (a few weeks of holiday most summers, some with a reason), streaky adherence (a good week tends to follow a good week), and today's records up
 *   to `now` only (a focus session may be running).
 *
 * Records follow the product's invariants: `day` is the logical day of the instant (day start 04:00 by default),
 * a session's `endsAt` = start + planned minutes, `endedAt` set unless running. Ids are UUID-shaped, from the seed.
 */
import type { CheckIn, Commitment, TimeWindow, DayKey, FocusSession, Repair, Requirement, Weekday } from '../utils/core/types';
import { addDays, dayKeyAt, dayStartInstant, weekdayOf } from '../utils/core/days';
import { prng } from '../tests/support/prng.mjs';

export interface HistoryOptions {
  /** Epoch ms: the history ends here (today's records only before it). */
  now: number;
  /** IANA zone the records were made in (the popup must run in the same zone). Default Europe/Berlin. */
  timeZone?: string;
  /** Default 240 (04:00), the product's default. */
  dayStartMinutes?: number;
  /** Default 5. */
  years?: number;
  seed?: number;
}

export interface HistoryFixture {
  now: number;
  timeZone: string;
  dayStartMinutes: number;
  commitments: Commitment[];
  sessions: FocusSession[];
  checkIns: CheckIn[];
}

const MINUTE = 60_000;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

interface Template {
  title: string;
  sites?: string[];
  requirement: Requirement;
  window: TimeWindow;
  /** Share of active days kept, on average. */
  keep: number;
  /** Rules before an edit made `editedYearsAgo` years ago. */
  earlier?: { requirement: Requirement; window: TimeWindow; editedYearsAgo: number };
  /** Pauses most summers (two to four weeks). */
  holidays?: boolean;
}

const hm = (h: number, m = 0) => h * 60 + m;
const MAIL = ['mail.google.com'];

/** 20 commitments; `window.untilMinutes` earlier than the day start means the next morning. */
const COMMITMENTS: Template[] = [
  { title: 'Deep work before email', sites: MAIL, requirement: { kind: 'focus', minutes: 60 }, window: { days: WEEKDAYS, untilMinutes: hm(12) }, keep: 0.85,
    earlier: { requirement: { kind: 'focus', minutes: 45 }, window: { days: WEEKDAYS, untilMinutes: hm(11) }, editedYearsAgo: 2 }, holidays: true },
  { title: 'Write 45 minutes', sites: ['*.fastmail.com'], requirement: { kind: 'focus', minutes: 45 }, window: { days: WEEKDAYS, untilMinutes: hm(10) }, keep: 0.75, holidays: true },
  { title: 'Code review block', sites: ['github.com'], requirement: { kind: 'focus', minutes: 30 }, window: { days: [1, 3, 5], untilMinutes: hm(14) }, keep: 0.8 },
  { title: 'Study on weekends', sites: ['www.youtube.com'], requirement: { kind: 'focus', minutes: 90 }, window: { days: [0, 6], untilMinutes: hm(18) }, keep: 0.65 },
  { title: 'Plan the day', sites: MAIL, requirement: { kind: 'focus', minutes: 25 }, window: { days: EVERY_DAY, untilMinutes: hm(9, 30) }, keep: 0.8 },
  { title: 'Read before bed', sites: ['www.reddit.com'], requirement: { kind: 'focus', minutes: 30 }, window: { days: EVERY_DAY, untilMinutes: hm(1) }, keep: 0.7 },
  { title: 'Language practice', sites: ['www.netflix.com'], requirement: { kind: 'focus', minutes: 20 }, window: { days: [1, 2, 3, 4], untilMinutes: hm(22) }, keep: 0.8,
    earlier: { requirement: { kind: 'checkin' }, window: { days: WEEKDAYS, untilMinutes: hm(21) }, editedYearsAgo: 3 } },
  { title: 'Side project', sites: ['news.ycombinator.com'], requirement: { kind: 'focus', minutes: 120 }, window: { days: [2, 4], untilMinutes: hm(23) }, keep: 0.6, holidays: true },
  { title: 'Flashcards', sites: ['x.com'], requirement: { kind: 'focus', minutes: 15 }, window: { days: EVERY_DAY, untilMinutes: hm(23, 30) }, keep: 0.9 },
  { title: 'Inbox zero', sites: ['outlook.office.com'], requirement: { kind: 'checkin' }, window: { days: WEEKDAYS, untilMinutes: hm(17) }, keep: 0.85, holidays: true },
  { title: 'Journal', sites: ['www.instagram.com'], requirement: { kind: 'checkin' }, window: { days: EVERY_DAY, untilMinutes: hm(23, 30) }, keep: 0.8 },
  { title: 'Plan tomorrow', sites: ['www.facebook.com'], requirement: { kind: 'checkin' }, window: { days: [0, 1, 2, 3, 4], untilMinutes: hm(21) }, keep: 0.75 },
  { title: 'Docs before email', sites: MAIL, requirement: { kind: 'site-time', minutes: 45, sites: ['docs.google.com', 'github.com'] }, window: { days: WEEKDAYS, untilMinutes: hm(13) }, keep: 0.7, holidays: true },
  { title: 'Notion before news', sites: ['www.bbc.co.uk'], requirement: { kind: 'site-time', minutes: 30, sites: ['*.notion.so'] }, window: { days: [1, 2, 3, 4], untilMinutes: hm(18) }, keep: 0.65 },
  { title: 'Stretch', sites: [], requirement: { kind: 'habit', times: 1, per: 'day' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, keep: 0.75 },
  { title: 'Drink water', sites: [], requirement: { kind: 'habit', times: 3, per: 'day' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, keep: 0.7,
    earlier: { requirement: { kind: 'habit', times: 2, per: 'day' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, editedYearsAgo: 1 } },
  { title: 'Meditate', sites: [], requirement: { kind: 'habit', times: 1, per: 'day' }, window: { days: WEEKDAYS, untilMinutes: hm(4) }, keep: 0.8, holidays: true },
  { title: 'Workout', sites: [], requirement: { kind: 'habit', times: 3, per: 'week' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, keep: 0.75, holidays: true },
  { title: 'Call a friend', sites: [], requirement: { kind: 'habit', times: 1, per: 'week' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, keep: 0.8 },
  { title: 'Long run', sites: [], requirement: { kind: 'habit', times: 2, per: 'week' }, window: { days: EVERY_DAY, untilMinutes: hm(4) }, keep: 0.6 },
];


export function makeHistory(options: HistoryOptions): HistoryFixture {
  const { now, timeZone = 'Europe/Berlin', dayStartMinutes = 240, years = 5, seed = 20240605 } = options;
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`;

  const today = dayKeyAt(now, timeZone, dayStartMinutes);
  const firstDay = addDays(today, -Math.round(years * 365.25));
  // Day starts, computed once per day with the core's own time-zone code. An instant "m minutes after the day
  // start" is dayStart + m minutes: DST changes (02:00/03:00 in Europe) never fall between a 04:00 day start
  // and the following 01:00.
  const starts = new Map<DayKey, number>();
  const dayStart = (d: DayKey) => {
    let t = starts.get(d);
    if (t === undefined) starts.set(d, (t = dayStartInstant(d, timeZone, dayStartMinutes)));
    return t;
  };
  /** Minutes from the day start to a window's end (a whole day when it ends at the day start). */
  const windowSpan = (w: TimeWindow) => ((w.untilMinutes - dayStartMinutes + 1440) % 1440) || 1440;

  const commitments: Commitment[] = [];
  const sessions: FocusSession[] = [];
  const checkIns: CheckIn[] = [];

  COMMITMENTS.forEach((t, i) => {
    const id = uuid();
    const created = addDays(firstDay, int(0, 20) - i % 3);
    const createdAt = dayStart(created) + hm(16, int(0, 59)) * MINUTE; // 20:xx local: evening resolutions
    const editDay = t.earlier ? addDays(today, -Math.round(t.earlier.editedYearsAgo * 365)) : undefined;
    const pauses: { from: DayKey; until: DayKey; reason?: string }[] = [];
    const repairs: Repair[] = [];
    if (t.holidays) {
      for (let y = Number(created.slice(0, 4)) + 1; y <= Number(today.slice(0, 4)); y++) {
        if (!chance(0.8)) continue;
        const from = `${y}-0${int(6, 8)}-${String(int(1, 20)).padStart(2, '0')}`;
        const until = addDays(from, 7 * int(2, 4));
        if (until < today) pauses.push({ from, until, ...(chance(0.5) ? { reason: 'holiday' } : {}) });
      }
    }
    const commitment: Commitment = {
      id,
      title: t.title,
      why: i % 3 === 0 ? `Because ${t.title.toLowerCase()} is what I keep putting off.` : '',
      sites: t.sites ?? [],
      requirement: t.requirement,
      schedule: [t.window],
      createdAt,
      updatedAt: editDay ? dayStart(editDay) + hm(15) * MINUTE : createdAt,
      ...(t.earlier && editDay ? { earlierRules: [{ until: editDay, requirement: t.earlier.requirement, schedule: [t.earlier.window] }] } : {}),
      ...(pauses.length ? { pauses } : {}),
      repairs, // filled in below, as missed days are made (issue 11); left out when none
    };
    commitments.push(commitment);

    const paused = (d: DayKey) => pauses.some((p) => d >= p.from && d < p.until);
    const checkIn = (day: DayKey, at: number, describe: boolean) => {
      if (at > now) return;
      const c: CheckIn = { id: uuid(), commitmentId: id, day, at };
      if (describe && chance(0.3)) c.note = ['felt good', 'hard today', 'short one', 'with a friend', 'late but done'][int(0, 4)]!;
      if (describe && chance(0.5)) c.rating = int(1, 5) as CheckIn['rating'];
      checkIns.push(c);
    };

    let mood = t.keep; // streaky adherence: drifts slowly around `keep`
    let weekCount = 0;
    let weekGoal = 0;
    for (let day = created; day <= today; day = addDays(day, 1)) {
      const weekday = weekdayOf(day);
      if (weekday === 1 || day === created) {
        mood = Math.min(0.98, Math.max(0.3, mood + (t.keep - mood) * 0.3 + (rnd() - 0.5) * 0.25));
        weekCount = 0;
        // A weekly habit: a good week reaches the target (now and then one more), a bad one falls short.
        const times = t.requirement.kind === 'habit' ? t.requirement.times : 1;
        weekGoal = chance(mood) ? times + (chance(0.15) ? 1 : 0) : int(0, times - 1);
      }
      const rules = editDay && day < editDay && t.earlier ? t.earlier : t;
      const { requirement: req, window: win } = rules;
      const start = dayStart(day);
      const span = windowSpan(win);
      if (req.kind === 'habit' && req.per === 'week') {
        // Any day of the week, spread over what is left of it.
        const left = weekGoal - weekCount;
        const daysLeft = 7 - ((weekday + 6) % 7);
        if (!paused(day) && left > 0 && chance(Math.min(1, left / daysLeft + 0.1))) {
          weekCount++;
          checkIn(day, start + hm(int(3, 17), int(0, 59)) * MINUTE, true);
        }
        continue;
      }
      if (!win.days.includes(weekday) || paused(day) || (day === created && createdAt >= start + span * MINUTE)) {
        // Off days: now and then something is logged anyway (it does not count).
        if (req.kind === 'habit' && chance(0.05)) checkIn(day, start + hm(int(4, 16)) * MINUTE, true);
        continue;
      }
      if (!chance(mood)) {
        // Now and then a missed day is repaired: made up the next active day, or granted by a partner — never
        // later than `now` (today's day cannot have been repaired yet: an export of it would be refused).
        const repairedAt = start + hm(30) * MINUTE;
        if (chance(0.15) && repairedAt <= now) repairs.push({ day, by: chance(0.5) ? 'make-up' : 'partner', at: repairedAt });
        // Missed: nothing at all, or (focus) a session ended early and never made up.
        if (req.kind === 'focus' && chance(0.25)) {
          const at = start + int(30, Math.max(31, span - req.minutes)) * MINUTE;
          const planned = req.minutes * MINUTE;
          pushSession(day, at, planned, Math.floor(planned * (0.1 + rnd() * 0.6)));
        }
        continue;
      }
      switch (req.kind) {
        case 'focus': {
          // Start somewhere in the window with time to finish; 1 in 20 too late (done after the window: missed).
          const latest = Math.max(0, span - req.minutes - 10);
          const earliest = Math.min(latest, span > 600 ? 120 : 15);
          let at = start + int(earliest, latest) * MINUTE;
          if (chance(0.05)) at = start + (span - Math.floor(req.minutes / 2)) * MINUTE;
          const planned = req.minutes * MINUTE;
          if (chance(0.12)) {
            const part = Math.floor(planned * (0.2 + rnd() * 0.6));
            pushSession(day, at, planned, part);
            if (chance(0.7)) pushSession(day, at + part + int(5, 40) * MINUTE, planned - part, undefined);
          } else {
            pushSession(day, at, planned, undefined);
          }
          break;
        }
        case 'checkin':
        case 'site-time':
          checkIn(day, start + int(req.kind === 'site-time' ? 90 : 30, span - 5) * MINUTE, false);
          break;
        case 'habit': {
          const times = req.times + (chance(0.1) ? 1 : 0);
          for (let k = 0; k < times; k++) checkIn(day, start + int(60, Math.min(span, 1200) - 1) * MINUTE, true);
          break;
        }
      }
    }

    /** A session planned for `planned` ms; ended early after `ranMs`, else completed (or running at `now`). */
    function pushSession(day: DayKey, startedAt: number, planned: number, ranMs: number | undefined) {
      if (startedAt > now) return;
      const endsAt = startedAt + planned;
      const s: FocusSession = { id: uuid(), commitmentId: id, day, startedAt, endsAt, outcome: 'completed', endedAt: endsAt };
      if (ranMs !== undefined) {
        s.outcome = 'ended-early';
        s.endedAt = startedAt + ranMs;
      }
      if ((s.endedAt ?? endsAt) > now) {
        s.outcome = 'running';
        delete s.endedAt;
      }
      sessions.push(s);
    }
  });

  for (const c of commitments) if (!c.repairs?.length) delete c.repairs; // repairs and pauses count in the figures
  return { now, timeZone, dayStartMinutes, commitments, sessions, checkIns };
}
