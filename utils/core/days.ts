/**
 * Logical days and wall-clock times in the person's time zone.
 *
 * A logical day starts at `dayStartMinutes` local time (default 04:00), so 01:30 belongs to yesterday.
 * Time zones are IANA names, handled with `Intl.DateTimeFormat` only (no date library). Every function
 * takes the zone as a parameter, so a person who travels simply gets the new zone passed in.
 *
 * Day boundaries are defined by instants, not by comparing wall-clock readings: day D is
 * [dayStartInstant(D), dayStartInstant(D + 1)). That keeps days gap-free and non-overlapping even when
 * the day start itself falls in a DST gap or overlap.
 *
 * An unknown zone name throws Intl's RangeError: callers pass the browser's own resolved zone, and
 * silently falling back to UTC would shift every boundary without anyone noticing.
 * A malformed DayKey throws a RangeError too (a programming error, not user input).
 */
import type { Clock, DayKey, Result, Weekday } from './types';
import { tr } from './i18n';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Building a DateTimeFormat is expensive; formatting with one is cheap.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in w) w[part.type as keyof WallClock] = Number(part.value);
  }
  if (w.hour === 24) w.hour = 0; // some engines still say 24:00 for midnight
  return w;
}

/** Epoch ms of a UTC date-time; unlike Date.UTC, years 0–99 are not taken as 1900–1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

function keyOf(year: number, month: number, day: number): DayKey {
  const y = String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Midnight UTC of the calendar date named by a key; calendar arithmetic is done in UTC (no DST). */
function calendarMs(day: DayKey): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? utcMs(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
  if (!m || keyOfCalendarMs(ms) !== day) throw new RangeError(`Not a day key (YYYY-MM-DD): ${day}`);
  return ms;
}

function keyOfCalendarMs(ms: number): DayKey {
  const d = new Date(ms);
  return keyOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whether `text` is a real calendar date as a day key ('YYYY-MM-DD'): input to check, not to trust. */
export function isDayKey(text: unknown): text is DayKey {
  if (typeof text !== 'string') return false;
  try {
    calendarMs(text);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: DayKey, n: number): DayKey {
  return keyOfCalendarMs(calendarMs(day) + Math.round(n) * DAY_MS);
}

/** b − a, in days. */
export function daysBetween(a: DayKey, b: DayKey): number {
  return Math.round((calendarMs(b) - calendarMs(a)) / DAY_MS);
}

/** The weekday of the calendar date (0 = Sunday). */
export function weekdayOf(day: DayKey): Weekday {
  return new Date(calendarMs(day)).getUTCDay() as Weekday;
}

/** Wall-clock minutes after local midnight, 0–1439. */
export function localMinutesAt(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/**
 * The instant the wall clock reads `minutesAfterMidnight` on calendar date `date`.
 * In a spring-forward gap the time is shifted forward by the gap (02:30 → 03:30);
 * in a fall-back overlap the earlier of the two instants is used.
 */
// localInstant is pure and called for the same few days over and over (window ends, day starts, each page
// tick): remember recent answers. Bounded, so a long history cannot grow it without limit.
const instants = new Map<string, number>();
const INSTANTS_MAX = 4096;

export function localInstant(date: DayKey, minutesAfterMidnight: number, timeZone: string): number {
  const key = `${timeZone} ${date} ${minutesAfterMidnight}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const instant = computeLocalInstant(date, minutesAfterMidnight, timeZone);
  if (instants.size >= INSTANTS_MAX) instants.clear();
  instants.set(key, instant);
  return instant;
}

function computeLocalInstant(date: DayKey, minutesAfterMidnight: number, timeZone: string): number {
  // The wall time written as if it were UTC; the answer is that minus the offset in force then.
  const local = calendarMs(date) + minutesAfterMidnight * MINUTE_MS;
  // Offsets a day either side bracket any single transition near this time.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const valid = [local - before, local - after].filter((t) => offsetAt(t, timeZone) === local - t);
  if (valid.length) return Math.min(...valid);
  // In a gap: reading the wall time with the offset from before the jump lands after it, shifted by the gap.
  return local - before;
}

export function dayStartInstant(day: DayKey, timeZone: string, dayStartMinutes: number): number {
  return localInstant(day, dayStartMinutes, timeZone);
}

/** The next day's start; a day is 23 or 25 hours long across DST changes. */
export function dayEndInstant(day: DayKey, timeZone: string, dayStartMinutes: number): number {
  return dayStartInstant(addDays(day, 1), timeZone, dayStartMinutes);
}

/** The logical day containing `instant`. */
export function dayKeyAt(instant: number, timeZone: string, dayStartMinutes: number): DayKey {
  const w = wallClockAt(instant, timeZone);
  let day = keyOf(w.year, w.month, w.day);
  if (instant < dayStartInstant(day, timeZone, dayStartMinutes)) {
    day = addDays(day, -1);
  } else if (instant >= dayEndInstant(day, timeZone, dayStartMinutes)) {
    // Only when the clock falls back across midnight (St John's changed at 00:01 until 2011):
    // 23:15 read the second time is already the next day.
    day = addDays(day, 1);
  }
  return day;
}

/** The person's logical day at instant `at`, in the clock's time zone and day start. */
export function dayOf(at: number, clock: Pick<Clock, 'timeZone' | 'dayStartMinutes'>): DayKey {
  return dayKeyAt(at, clock.timeZone, clock.dayStartMinutes);
}

/**
 * The first instant at which the wall clock on calendar date `date` reads `minutesAfterMidnight` or later: as
 * localInstant, except in a spring-forward gap, where it is the jump itself (a window "from 02:30" on a day the
 * clock goes from 02:00 to 03:00 has begun at 03:00). For window bounds, so a window's start never comes after
 * its end across the gap.
 */
export function wallTimeReached(date: DayKey, minutesAfterMidnight: number, timeZone: string): number {
  const t = localInstant(date, minutesAfterMidnight, timeZone);
  if (localMinutesAt(t, timeZone) === minutesAfterMidnight) return t;
  // In a gap: t reads later than asked. The jump lies within the hours before t; find it to the minute.
  let lo = t - 3 * 3_600_000, hi = t; // lo reads before the asked time, hi at or after it
  const after = offsetAt(t, timeZone);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** 'HH:MM' (24-hour; a one-digit hour is fine) → minutes after midnight. */
export function parseClockTime(text: string): Result<number> {
  const t = text.trim();
  if (!t) return { ok: false, error: tr('days_enter_a_time_like_21_30') };
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return { ok: false, error: tr('days_isnt_a_time_write_it_as_hh_mm_on', { t }) };
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23) return { ok: false, error: tr('days_isnt_a_time_hours_go_from_00_to', { t }) };
  if (minutes > 59) return { ok: false, error: tr('days_isnt_a_time_minutes_go_from_00', { t }) };
  return { ok: true, value: hours * 60 + minutes };
}

/** Minutes after midnight → 'HH:MM'. Values outside 0–1439 wrap around the clock. */
export function formatClockTime(minutes: number): string {
  const m = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
