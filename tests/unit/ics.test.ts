import { describe, expect, it } from 'vitest';
import { addDays, localInstant, weekdayOf } from '@/utils/core/days';
import { checkInCallIcs, firstCallDate } from '@/utils/core/ics';

/**
 * The check-in call's .ics parsed back. ical.js is not installed in this repository yet (see the report): until it
 * is, this parses by hand — unfolding, components, properties with parameters — and evaluates the VTIMEZONE's own
 * rules to check that every occurrence is at the same local time as the zone really has, across DST.
 */
interface Component { name: string; props: { name: string; params: Record<string, string>; value: string }[]; children: Component[] }

function parse(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  const raw = text.split('\r\n').slice(0, -1);
  for (const l of raw) expect(new TextEncoder().encode(l).length, l).toBeLessThanOrEqual(75);
  expect(raw.some((l) => l.includes('\n'))).toBe(false);
  const lines: string[] = [];
  for (const l of raw) if (l.startsWith(' ')) lines[lines.length - 1] += l.slice(1); else lines.push(l);
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of lines) {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]+)*):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name, params, value] = m!;
    if (name === 'BEGIN') {
      const c: Component = { name: value!, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      stack.at(-1)!.props.push({ name: name!, value: value!, params: Object.fromEntries((params ?? '').split(';').filter(Boolean).map((p) => p.split('=') as [string, string])) });
    }
  }
  expect(stack).toHaveLength(1);
  return stack[0]!.children[0]!;
}
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const child = (c: Component, name: string) => c.children.filter((x) => x.name === name);
const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');
const offset = (s: string) => (s[0] === '-' ? -1 : 1) * (Number(s.slice(1, 3)) * 60 + Number(s.slice(3, 5)));

/** The local date of a yearly rule (BYMONTH, BYDAY=nSU / -1SU) in a year. */
function ruleDate(rrule: string, year: number): string {
  const r = Object.fromEntries(rrule.split(';').map((p) => p.split('=')));
  const month = Number(r.BYMONTH);
  const [, n, dayName] = /^(-?\d)([A-Z]{2})$/.exec(r.BYDAY)!;
  const wd = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(dayName!);
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const days = Array.from({ length: 31 }, (_, i) => addDays(first, i)).filter((d) => d.slice(5, 7) === first.slice(5, 7) && weekdayOf(d) === wd);
  return Number(n) < 0 ? days.at(-1)! : days[Number(n) - 1]!;
}

/** The UTC instant of a local date-time by the VTIMEZONE's rules: the observance whose latest onset is before it. */
function instantByVtimezone(tz: Component, date: string, minutes: number): number {
  const year = Number(date.slice(0, 4));
  const local = `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
  const onsets = [...child(tz, 'STANDARD'), ...child(tz, 'DAYLIGHT')].flatMap((o) => {
    const start = prop(o, 'DTSTART')!.value;
    const rrule = prop(o, 'RRULE')?.value;
    const at = start.slice(9, 13);
    const dates = rrule ? [year - 1, year].map((y) => ruleDate(rrule, y)) : [`${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}`];
    return dates.map((d) => ({ key: `${d}T${at}`, to: offset(prop(o, 'TZOFFSETTO')!.value) }));
  }).filter((o) => o.key <= local).sort((a, b) => (a.key < b.key ? -1 : 1));
  const to = onsets.at(-1)!.to;
  return Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + (minutes - to) * 60_000;
}

const now = Date.parse('2026-11-30T09:00:00Z'); // a Monday

describe('the check-in call as an .ics file', () => {
  it('is one weekly event in the person’s zone, named with the partner, text escaped', () => {
    const cal = parse(checkInCallIcs({ timeZone: 'Europe/Berlin', weekday: 0, minutes: 18 * 60, durationMinutes: 30, partnerName: 'Sam; the, one', now, uid: 'u-1@tandem' }));
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')!.value).toBe('2.0');
    expect(prop(cal, 'PRODID')).toBeDefined();
    const [event] = child(cal, 'VEVENT');
    expect(unescape(prop(event!, 'SUMMARY')!.value)).toBe('Tandem check-in with Sam; the, one');
    expect(prop(event!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: '20261206T180000' });
    expect(prop(event!, 'RRULE')!.value).toBe('FREQ=WEEKLY;BYDAY=SU');
    expect(prop(event!, 'DURATION')!.value).toBe('PT30M');
    expect(prop(event!, 'DTSTAMP')!.value).toBe('20261130T090000Z');
    expect(prop(event!, 'UID')!.value).toBe('u-1@tandem');
    expect(unescape(prop(event!, 'DESCRIPTION')!.value)).toMatch(/^Our weekly check-in: last week's report, obstacles/);
    const [tz] = child(cal, 'VTIMEZONE');
    expect(prop(tz!, 'TZID')!.value).toBe('Europe/Berlin');
    expect(child(tz!, 'DAYLIGHT').map((d) => [prop(d, 'RRULE')!.value, prop(d, 'TZOFFSETTO')!.value])).toEqual([['FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', '+0200']]);
    expect(child(tz!, 'STANDARD').map((d) => [prop(d, 'RRULE')!.value, prop(d, 'TZOFFSETTO')!.value])).toEqual([['FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', '+0100']]);
    const plain = parse(checkInCallIcs({ timeZone: 'Europe/Berlin', weekday: 0, minutes: 18 * 60, durationMinutes: 30, now, uid: 'u' }));
    expect(prop(child(plain, 'VEVENT')[0]!, 'SUMMARY')!.value).toBe('Tandem weekly check-in');
  });

  for (const [timeZone, weekday, minutes] of [['Europe/Berlin', 0, 18 * 60], ['America/New_York', 3, 8 * 60 + 30], ['Australia/Sydney', 6, 19 * 60], ['Asia/Tokyo', 1, 7 * 60], ['Asia/Kolkata', 5, 21 * 60 + 15]] as const) {
    it(`keeps every call of a year at the same local time in ${timeZone}, across its DST changes`, () => {
      const cal = parse(checkInCallIcs({ timeZone, weekday, minutes, durationMinutes: 45, now, uid: 'u' }));
      const [tz] = child(cal, 'VTIMEZONE');
      const start = prop(child(cal, 'VEVENT')[0]!, 'DTSTART')!.value;
      const first = `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}`;
      expect(first).toBe(firstCallDate({ timeZone, weekday, minutes, now }));
      expect(weekdayOf(first)).toBe(weekday);
      for (let week = 0; week < 60; week++) {
        const date = addDays(first, 7 * week);
        expect(instantByVtimezone(tz!, date, minutes), `${date}`).toBe(localInstant(date, minutes, timeZone));
      }
    });
  }

  it('folds a long line at 75 octets without splitting a character, and unfolds to the same text', () => {
    const name = 'Zoë ✨ '.repeat(20).trim();
    const cal = parse(checkInCallIcs({ timeZone: 'UTC', weekday: 2, minutes: 600, durationMinutes: 30, partnerName: name, now, uid: 'u' }));
    expect(unescape(prop(child(cal, 'VEVENT')[0]!, 'SUMMARY')!.value)).toBe(`Tandem check-in with ${name}`);
  });
});
