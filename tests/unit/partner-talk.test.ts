/**
 * Issue 10's pure parts between partners: the nudge drafted from facts ("observation plus question"), messages (text
 * only, 500 characters, 10 a day, 8 weeks), and "done together".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { missedLastWeek, nudgeDraft, weekdayList } from '@/utils/core/partners/nudge';
import {
  CHEERS, KEEP_MS, MESSAGE_KEYS, MESSAGES_PER_DAY, messageWords, nextMessageId, parseMessageText, readMessage, talkDue, toPrune, visibleMessages,
  TALK_EVERY_MS, TALK_PAGE_MS, type PartnerMessage,
} from '@/utils/core/partners/messages';
import { doneTogether } from '@/utils/core/partners/together';
import type { SharedCommitment, Summary } from '@/utils/core/partners/summary';

/** A partner's commitment whose last days read `days` (oldest first; the last letter is the summary's day). */
const shared = (title: string, days: string, status: SharedCommitment['status'] = 'pending'): SharedCommitment => ({
  id: title, title, kind: 'gate', status, doneAt: null, streak: 0, best: 0, unit: 'day', days, focusMinutes: 0, turnedBack: 0, wentAnyway: 0,
});
// Thursday 12 March 2026: the seven days before it are Thursday 5 … Wednesday 11.
const summary = (...commitments: SharedCommitment[]): Summary => ({ name: 'Ana', rev: 1, day: '2026-03-12', dayEnds: Date.UTC(2026, 2, 13, 3), commitments });

describe('the nudge, drafted from facts', () => {
  it('a commitment missed on Tuesday and Wednesday: "I noticed deep work didn’t happen on Tuesday and Wednesday…"', () => {
    //                                   Th Fr Sa Su Mo Tu We | today
    const missed = missedLastWeek(summary(shared('Deep work', 'dddddddmmx')));
    expect(missed).toEqual([{ commitmentId: 'Deep work', title: 'Deep work', days: ['2026-03-10', '2026-03-11'] }]);
    expect(nudgeDraft(missed[0]!, 'en-US')).toBe('I noticed deep work didn’t happen on Tuesday and Wednesday. What got in the way, and how can I help?');
  });

  it('one missed day, today, days before the week, repaired or paused days: no nudge', () => {
    expect(missedLastWeek(summary(shared('A', 'ddddddmd' + 'm')))).toEqual([]); // one missed; today not over
    expect(missedLastWeek(summary(shared('B', 'mmdddddddx')))).toEqual([]); // before the week
    expect(missedLastWeek(summary(shared('C', 'ddddrrppx')))).toEqual([]);
    expect(missedLastWeek(summary(shared('D', '')))).toEqual([]);
  });

  it('weekdays in the person’s language, listed as that language lists them', () => {
    expect(weekdayList(['2026-03-09', '2026-03-10', '2026-03-11'], 'en-US')).toBe('Monday, Tuesday, and Wednesday');
    expect(weekdayList(['2026-03-10', '2026-03-11'], 'de-DE')).toBe('Dienstag und Mittwoch');
    // German keeps the title as written (nouns are capitalised).
    expect(nudgeDraft({ title: 'Tiefe Arbeit', days: ['2026-03-10', '2026-03-11'] }, 'de-DE')).toContain('Tiefe Arbeit');
    // A title with capitals inside stays as written in English too.
    expect(nudgeDraft({ title: 'Run 5K', days: ['2026-03-10', '2026-03-11'] }, 'en')).toContain('Run 5K');
  });

  it('property: the draft holds only the title and weekday names — never a site, a count or a date', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{1,20}$/), fc.stringMatching(/^[dmnprx.]{9}x$/), (title, days) => {
        for (const m of missedLastWeek(summary(shared(title, days)))) {
          const text = nudgeDraft(m, 'en');
          expect(text).not.toMatch(/\d/);
          expect(text.length).toBeLessThanOrEqual(500);
        }
      }),
    );
  });
});

describe('messages', () => {
  it('plain text: trimmed, 1–500 characters (counted as people count them)', () => {
    expect(parseMessageText('  Well done!  ')).toEqual({ ok: true, value: 'Well done!' });
    expect(parseMessageText(' \n ').ok).toBe(false);
    expect(parseMessageText('🙂'.repeat(500)).ok).toBe(true);
    expect(parseMessageText('x'.repeat(501))).toMatchObject({ ok: false, error: expect.stringMatching(/500/) });
  });

  it('ids count the sender’s messages of the day: 0 … 9, then none', () => {
    const known: Pick<PartnerMessage, 'id'>[] = [];
    for (let n = 0; n < MESSAGES_PER_DAY; n++) {
      const id = nextMessageId('ben', '2026-03-12', known)!;
      expect(id).toBe(`ben_2026-03-12_${n}`);
      known.push({ id });
    }
    expect(nextMessageId('ben', '2026-03-12', known)).toBeNull();
    expect(nextMessageId('ben', '2026-03-13', known)).toBe('ben_2026-03-13_0');
  });

  it('a stored message is read field by field; a cheer is shown in words, a message as written (never as markup)', () => {
    const at = Date.UTC(2026, 2, 12);
    expect(readMessage('p', 'x', { from: 'ben', kind: 'text', text: '<b>hi</b>', day: '2026-03-12', at, extra: 1 })).toEqual({ id: 'x', pairId: 'p', from: 'ben', kind: 'text', text: '<b>hi</b>', day: '2026-03-12', at });
    expect(readMessage('p', 'x', { from: 'ben', kind: 'html', text: 'hi', day: '2026-03-12', at })).toBeNull();
    expect(readMessage('p', 'x', { from: 'ben', kind: 'cheer', text: 'javascript:alert(1)', day: '2026-03-12', at })).toBeNull();
    expect(messageWords({ kind: 'cheer', text: 'fire' })).toBe(`${CHEERS[1].emoji} ${CHEERS[1].words()}`);
    expect(messageWords({ kind: 'cheer', text: 'fire' })).toBe('🔥 On fire!');
    expect(messageWords({ kind: 'text', text: '<b>hi</b>' })).toBe('<b>hi</b>');
    expect([...MESSAGE_KEYS].sort()).toEqual(['day', 'from', 'kind', 'text']);
  });

  it('kept 8 weeks: older ones are not shown, and the sender prunes their own', () => {
    const now = Date.UTC(2026, 4, 1);
    const m = (id: string, from: string, age: number): PartnerMessage => ({ id, pairId: 'p', from, kind: 'text', text: id, day: '2026-03-01', at: now - age });
    const all = [m('new', 'ben', 1000), m('old-mine', 'ana', KEEP_MS), m('old-theirs', 'ben', KEEP_MS + 1)];
    expect(visibleMessages(all, now).map((x) => x.id)).toEqual(['new']);
    expect(toPrune(all, 'ana', now).map((x) => x.id)).toEqual(['old-mine']);
  });

  it('reviews and messages are read at a Refresh, by a page every hour, by the schedule every 2 hours', () => {
    expect(talkDue('page', 10, 9)).toBe(false);
    expect(talkDue('page', TALK_PAGE_MS, 0)).toBe(true);
    expect(talkDue('manual', 10, 9)).toBe(true);
    expect(talkDue('schedule', TALK_EVERY_MS - 1, 0)).toBe(false);
    expect(talkDue('schedule', TALK_EVERY_MS, 0)).toBe(true);
    expect(talkDue('schedule', 5, undefined)).toBe(true);
  });
});

describe('done together', () => {
  const now = Date.UTC(2026, 2, 12, 12);
  it('both did every shared commitment due today: once per pair and day', () => {
    const partner = summary(shared('A', 'dx', 'done'), shared('B', 'nn', 'not-today'));
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['done', 'paused'] }, partner, now)).toEqual({ key: 'together:p:2026-03-12', name: 'Ana' });
  });

  it('not while either has something left, with nothing due, or with the partner’s summary of another day', () => {
    const done = summary(shared('A', 'dx', 'done'));
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['done', 'pending'] }, done, now)).toBeNull();
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['done'] }, summary(shared('A', 'dx', 'in-progress')), now)).toBeNull();
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['not-today'] }, done, now)).toBeNull();
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['done'] }, done, done.dayEnds + 1)).toBeNull();
    expect(doneTogether('p', { day: '2026-03-12', statuses: ['done'] }, undefined, now)).toBeNull();
  });
});
