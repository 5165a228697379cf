import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, localInstant, weekdayOf } from '@/utils/core/days';
import { checkInCallIcs, firstCallDate } from '@/utils/core/ics';

/**
 * The check-in call's .ics read back by ical.js (the iCalendar library calendars' web clients use): the event, its
 * zone from the file's own VTIMEZONE (registered from the file, not from any built-in table), and every occurrence
 * of its weekly rule over 60 weeks at the local time the zone really has, across its DST changes.
 */
function read(text: string) {
  // RFC 5545 lines: CRLF, at most 75 octets before folding.
  expect(text.endsWith('\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return { cal, vevent, event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

const now = Date.parse('2026-11-30T09:00:00Z'); // a Monday

describe('the check-in call as an .ics file', () => {
  it('is one weekly event in the person’s zone, named with the partner, text escaped', () => {
    const { cal, vevent, event } = read(checkInCallIcs({ timeZone: 'Europe/Berlin', weekday: 0, minutes: 18 * 60, durationMinutes: 30, partnerName: 'Sam; the, one', now, uid: 'u-1@tandem' }));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(event.summary).toBe('Tandem check-in with Sam; the, one');
    expect(event.description).toMatch(/^Our weekly check-in: last week's report, obstacles/);
    expect(event.uid).toBe('u-1@tandem');
    expect(event.startDate.toString()).toBe('2026-12-06T18:00:00');
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin'); // the file's own VTIMEZONE, registered above
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.duration.toSeconds()).toBe(30 * 60);
    expect(vevent.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=WEEKLY;BYDAY=SU');
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toUnixTime() * 1000).toBe(now);
    const plain = read(checkInCallIcs({ timeZone: 'Europe/Berlin', weekday: 0, minutes: 18 * 60, durationMinutes: 30, now, uid: 'u' }));
    expect(plain.event.summary).toBe('Tandem weekly check-in');
  });

  for (const [timeZone, weekday, minutes] of [['Europe/Berlin', 0, 18 * 60], ['America/New_York', 3, 8 * 60 + 30], ['Australia/Sydney', 6, 19 * 60], ['Asia/Tokyo', 1, 7 * 60], ['Asia/Kolkata', 5, 21 * 60 + 15]] as const) {
    it(`keeps every call of 60 weeks at the same local time in ${timeZone}, across its DST changes`, () => {
      const { event } = read(checkInCallIcs({ timeZone, weekday, minutes, durationMinutes: 45, now, uid: 'u' }));
      const first = firstCallDate({ timeZone, weekday, minutes, now });
      expect(weekdayOf(first)).toBe(weekday);
      const occurrences = event.iterator();
      for (let week = 0; week < 60; week++) {
        const at = occurrences.next()!;
        const date = addDays(first, 7 * week);
        expect(at.toString().slice(0, 10), `week ${week}`).toBe(date);
        expect(at.toUnixTime() * 1000, date).toBe(localInstant(date, minutes, timeZone));
      }
    });
  }

  it('takes its times from the file’s own VTIMEZONE: without its summer rule, summer calls move by an hour', () => {
    const text = checkInCallIcs({ timeZone: 'Europe/Berlin', weekday: 0, minutes: 18 * 60, durationMinutes: 30, now, uid: 'u' });
    const withoutSummer = text.replace(/BEGIN:DAYLIGHT\r\n[\s\S]*?END:DAYLIGHT\r\n/g, '');
    expect(withoutSummer).not.toBe(text);
    const summer = (ics: string) => {
      const occurrences = read(ics).event.iterator();
      for (let at = occurrences.next(); at; at = occurrences.next()) if (at.toString().startsWith('2027-07')) return at.toUnixTime() * 1000;
      throw new Error('no call in July 2027');
    };
    expect(summer(text)).toBe(localInstant('2027-07-04', 18 * 60, 'Europe/Berlin'));
    expect(summer(withoutSummer)).toBe(localInstant('2027-07-04', 18 * 60, 'Europe/Berlin') + 3_600_000);
  });

  it('folds a long line at 75 octets without splitting a character, and reads back the same text', () => {
    const name = 'Zoë ✨ '.repeat(20).trim();
    const { event } = read(checkInCallIcs({ timeZone: 'UTC', weekday: 2, minutes: 600, durationMinutes: 30, partnerName: name, now, uid: 'u' }));
    expect(event.summary).toBe(`Tandem check-in with ${name}`);
  });
});
