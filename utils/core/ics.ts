import type { DayKey, Weekday } from './types';
import { addDays, dayKeyAt, localInstant, localMinutesAt, weekdayOf } from './days';
import { tr } from './i18n';

/**
 * The weekly check-in call as an iCalendar file (RFC 5545): one weekly recurring event in the person's time zone,
 * with a VTIMEZONE for that zone built from its own rules (found with Intl), so the call stays at the same local
 * time across DST in any calendar, also one that does not know IANA names.
 */
export interface CallEvent {
  timeZone: string;
  weekday: Weekday;
  /** Local start, minutes after midnight. */
  minutes: number;
  durationMinutes: number;
  partnerName?: string;
  /** When the file is made (DTSTAMP, and the first call is the next one from here). */
  now: number;
  uid: string;
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const MIN = 60_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall clock minus UTC, in minutes, at an instant. */
export function offsetMinutes(instant: number, timeZone: string): number {
  const date = dayKeyAt(instant, timeZone, 0);
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + localMinutesAt(instant, timeZone) * MIN;
  return Math.round((wall - Math.floor(instant / MIN) * MIN) / MIN);
}

const formatOffset = (m: number) => `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}${pad(Math.abs(m) % 60)}`;
const localStamp = (date: DayKey, minutes: number) => `${date.replace(/-/g, '')}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;
const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The zone's changes of offset in a year: the instant and the offsets before and after. */
function transitions(year: number, timeZone: string): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  let t = Date.UTC(year, 0, 1);
  let before = offsetMinutes(t, timeZone);
  for (let day = 1; day <= 366; day++) {
    const next = Date.UTC(year, 0, 1) + day * 86_400_000;
    const after = offsetMinutes(next, timeZone);
    if (after !== before) {
      let lo = t, hi = next; // to the minute
      while (hi - lo > MIN) {
        const mid = lo + Math.floor((hi - lo) / 2 / MIN) * MIN;
        if (offsetMinutes(mid, timeZone) === before) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: before, to: after });
    }
    t = next;
    before = after;
  }
  return out;
}

/** A yearly rule for a change on this local date: "the 2nd Sunday of March", "the last Sunday of October". */
function yearlyRule(date: DayKey): string {
  const day = Number(date.slice(8, 10));
  const month = Number(date.slice(5, 7));
  const last = addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
  const nth = last ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${BYDAY[weekdayOf(date)]}`;
}

/** The VTIMEZONE of a zone: its observances with yearly rules from the year before `year` (or one fixed offset). */
export function vtimezone(timeZone: string, year: number): string[] {
  const changes = transitions(year - 1, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (changes.length === 0) {
    const o = formatOffset(offsetMinutes(Date.UTC(year, 0, 1), timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${o}`, `TZOFFSETTO:${o}`, 'END:STANDARD');
  }
  for (const c of changes) {
    const kind = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
    const wall = c.at + c.from * MIN; // the local time the change happens at, read on the clock before it
    const date = new Date(wall).toISOString().slice(0, 10);
    const minutes = Math.round((wall - Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))) / MIN);
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(date, minutes)}`, `RRULE:${yearlyRule(date)}`,
      `TZOFFSETFROM:${formatOffset(c.from)}`, `TZOFFSETTO:${formatOffset(c.to)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** TEXT values escaped (RFC 5545 3.3.11). */
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Content lines folded at 75 octets (never inside a UTF-8 character), joined with CRLF. */
export function foldLines(lines: string[]): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  for (const line of lines) {
    let rest = line, first = true;
    while (enc.encode(rest).length > (first ? 75 : 74)) {
      let cut = 0, bytes = 0;
      for (const ch of rest) {
        const n = enc.encode(ch).length;
        if (bytes + n > (first ? 75 : 74)) break;
        bytes += n;
        cut += ch.length;
      }
      out.push((first ? '' : ' ') + rest.slice(0, cut));
      rest = rest.slice(cut);
      first = false;
    }
    out.push((first ? '' : ' ') + rest);
  }
  return out.join('\r\n') + '\r\n';
}

/** The first call: the next `weekday` at `minutes` local time from `now` (today if that time is still to come). */
export function firstCallDate(e: Pick<CallEvent, 'timeZone' | 'weekday' | 'minutes' | 'now'>): DayKey {
  const today = dayKeyAt(e.now, e.timeZone, 0);
  let date = addDays(today, (e.weekday - weekdayOf(today) + 7) % 7);
  if (localInstant(date, e.minutes, e.timeZone) <= e.now) date = addDays(date, 7);
  return date;
}

export function checkInCallIcs(e: CallEvent): string {
  const date = firstCallDate(e);
  const summary = e.partnerName ? tr('ics_tandem_check_in_with', { partnerName: e.partnerName }) : tr('ics_tandem_weekly_check_in');
  return foldLines([
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tandem//Weekly check-in//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    ...vtimezone(e.timeZone, Number(date.slice(0, 4))),
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.now)}`,
    `DTSTART;TZID=${e.timeZone}:${localStamp(date, e.minutes)}`,
    `DURATION:PT${e.durationMinutes}M`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[e.weekday]}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(tr('ics_our_weekly_check_in_last_weeks'))}`,
    'END:VEVENT', 'END:VCALENDAR',
  ]);
}
