import type { Clock, Commitment, DayKey, Weekday } from './types';
import { addDays, daysBetween, dayOf, weekdayOf } from './days';
import { perWeekOf, type DayRecords } from './requirements';
import { pastDays } from './history';
import { calendarDays, dailyStreaks, everyNthDay, type DayEntry, type DayOutcome } from './streak-engine';

/**
 * Final days, judged once. A day is final from the day after tomorrow on: yesterday can still be logged
 * today, older days cannot change (edits keep their old rules, pauses start today). So the judgement of a
 * commitment's final days is stored as one short string, one character a day since its first day, and
 * pages judge only the last few days themselves: five years of history is 1,826 characters a commitment.
 * Daily commitments store an outcome letter; weekly habits the day's check-in count (a digit, 9 at most).
 */
export interface OutcomeCache {
  commitmentId: string;
  /** The first day the codes describe (the commitment's first day). */
  from: DayKey;
  codes: string;
  /** The best run of done days within the cached days (daily commitments). */
  best?: number;
}

const CODE: Record<DayOutcome, string> = { done: 'd', missed: 'm', repaired: 'r', 'not-active': 'n', paused: 'p', pending: 'm' };
const OUTCOME: Record<string, DayOutcome> = { d: 'done', m: 'missed', r: 'repaired', n: 'not-active', p: 'paused' };

/** Judged by its week, not day by day (a weekly habit): its cache holds check-in counts. */
export const isWeeklyHabit = (c: Commitment) => perWeekOf(c.requirement) !== undefined;

/** The last day that can no longer change. */
export function finalThrough(today: DayKey): DayKey {
  return addDays(today, -2);
}

/** The first day the cache does not cover yet. */
export function cacheEnd(cache: OutcomeCache): DayKey {
  return addDays(cache.from, cache.codes.length);
}

/** Extends a commitment's cache through its final days, from the records of the days not covered yet. */
export function extendCache(
  c: Commitment,
  cache: OutcomeCache | undefined,
  recordsByDay: ReadonlyMap<DayKey, DayRecords>,
  clock: Clock,
): OutcomeCache {
  const from = cache?.from ?? dayOf(c.createdAt, clock);
  const start = cache ? cacheEnd(cache) : from;
  const until = addDays(finalThrough(dayOf(clock.now, clock)), 1);
  let codes = cache?.codes ?? '';
  if (start < until) {
    if (isWeeklyHabit(c)) {
      for (let day = start; day < until; day = addDays(day, 1)) codes += String(Math.min(9, recordsByDay.get(day)?.checkIns.length ?? 0));
    } else {
      codes += pastDays(c, recordsByDay, until, clock, start).map((e) => CODE[e.outcome]).join('');
    }
  }
  const next: OutcomeCache = { commitmentId: c.id, from, codes };
  if (!isWeeklyHabit(c)) next.best = dailyStreaks(cachedEntries(next), addDays(cacheEnd(next), -1)).best;
  return next;
}

/**
 * The cache after a repair of `day` (issue 11): a final day can be repaired later (a make-up on the next active
 * day, a partner's grant), so its code becomes 'r' and the best run is counted again. Unchanged when not cached
 * there or not missed.
 */
export function repairedInCache(cache: OutcomeCache, day: DayKey): OutcomeCache {
  if (day < cache.from || day >= cacheEnd(cache)) return cache;
  const i = daysBetween(cache.from, day);
  if (cache.codes[i] !== 'm') return cache;
  const next: OutcomeCache = { ...cache, codes: cache.codes.slice(0, i) + 'r' + cache.codes.slice(i + 1) };
  next.best = dailyStreaks(cachedEntries(next), addDays(cacheEnd(next), -1)).best;
  return next;
}

/** The cached days from `day` on (daily commitments), for the recent part a page needs. */
export function cachedEntriesFrom(cache: OutcomeCache | undefined, day: DayKey): DayEntry[] {
  if (!cache || cache.codes.length === 0) return [];
  const start = day > cache.from ? day : cache.from;
  const end = addDays(cacheEnd(cache), -1);
  if (start > end) return [];
  const offset = daysBetween(cache.from, start);
  return calendarDays(start, end).map(({ day: d }, i) => ({ day: d, outcome: OUTCOME[cache.codes[offset + i]!] ?? 'missed' }));
}

/**
 * What the cached days before `day` leave to the streak: the run of done days ending just before it
 * (not-active and paused days neither count nor break it), and the best run among them.
 */
export function priorRun(cache: OutcomeCache | undefined, day: DayKey): { run: number; best: number } {
  if (!cache || cache.codes.length === 0 || day <= cache.from) return { run: 0, best: 0 };
  const upto = Math.min(cache.codes.length, daysBetween(cache.from, day));
  let run = 0;
  for (let i = upto - 1; i >= 0; i--) {
    const code = cache.codes[i];
    if (code === 'd') run++;
    else if (code === 'm') break;
  }
  return { run, best: cache.best ?? dailyStreaks(cachedEntries(cache), addDays(cacheEnd(cache), -1)).best };
}

/** The cached days as outcomes (daily commitments). */
function cachedEntries(cache: OutcomeCache | undefined): DayEntry[] {
  return cache ? cachedEntriesFrom(cache, cache.from) : [];
}

/** The cached days as check-in counts (weekly habits) from `day` on (default: all), days without any left out. */
export function cachedCounts(cache: OutcomeCache | undefined, day?: DayKey): { day: DayKey; count: number }[] {
  if (!cache || cache.codes.length === 0) return [];
  const start = day !== undefined && day > cache.from ? day : cache.from;
  const end = addDays(cacheEnd(cache), -1);
  if (start > end) return [];
  const offset = daysBetween(cache.from, start);
  return calendarDays(start, end)
    .map(({ day: d }, i) => ({ day: d, count: Number(cache.codes[offset + i]) }))
    .filter((d) => d.count > 0);
}

/**
 * The cached check-in counts summed per week (weekly habits), each dated by its week's first day (the cache's first
 * day for its first week), weeks without any left out: what the weekly streak needs, in one pass over the codes
 * instead of a record per day (five years were ~2 ms a habit on the popup's first paint).
 */
export function cachedWeekCounts(cache: OutcomeCache | undefined, weekStartsOn: Weekday): { day: DayKey; count: number }[] {
  if (!cache || cache.codes.length === 0) return [];
  const { codes } = cache;
  const lead = (weekdayOf(cache.from) - weekStartsOn + 7) % 7; // days of the first week before the cache's first
  const weeks = Math.ceil((lead + codes.length) / 7);
  const starts = everyNthDay(addDays(cache.from, -lead), weeks, 7);
  const out: { day: DayKey; count: number }[] = [];
  for (let w = 0; w < weeks; w++) {
    let count = 0;
    for (let i = Math.max(0, w * 7 - lead); i < Math.min(codes.length, (w + 1) * 7 - lead); i++) count += codes.charCodeAt(i) - 48;
    if (count > 0) out.push({ day: w === 0 ? cache.from : starts[w]!, count });
  }
  return out;
}

/** The earliest day whose records a page still needs (the first day no cache covers). */
export function recordsNeededFrom(commitments: Commitment[], caches: ReadonlyMap<string, OutcomeCache>, clock: Pick<Clock, 'timeZone' | 'dayStartMinutes'>): DayKey | undefined {
  let earliest: DayKey | undefined;
  for (const c of commitments) {
    const cache = caches.get(c.id);
    const need = cache ? cacheEnd(cache) : dayOf(c.createdAt, clock);
    if (earliest === undefined || need < earliest) earliest = need;
  }
  return earliest;
}

