import { describe, expect, it } from 'vitest';
import { BADGE_DONE, BADGE_WAITING, badgeFor, partnerDoneToday, partnerProgressLines, partnerStreak } from '@/utils/core/partners/partner';
import type { SharedCommitment, Summary } from '@/utils/core/partners/summary';

// 08:40 UTC on 10 March 2026 is 09:40 in Berlin (CET) and 04:40 in New York (EDT, since 8 March).
const DONE_AT = Date.parse('2026-03-10T08:40:00Z');

const shared = (over: Partial<SharedCommitment> = {}): SharedCommitment => ({
  id: 'c1', title: 'Deep work', kind: 'gate', status: 'pending', doneAt: null, streak: 0, best: 0, unit: 'day',
  days: '', focusMinutes: 0, turnedBack: 0, wentAnyway: 0, ...over,
});
// Sam's 10 March ends at 04:00 Berlin time on the 11th.
const DAY_ENDS = Date.parse('2026-03-11T03:00:00Z');
const NOW = DONE_AT + 3600_000;
const sam = (...commitments: SharedCommitment[]): Summary => ({ name: 'Sam', rev: DONE_AT, day: '2026-03-10', dayEnds: DAY_ENDS, commitments });

describe('the toolbar badge', () => {
  it("yesterday's done is not today's: once the partner's day has ended, grey and saying so", () => {
    const s = sam(shared({ status: 'done', doneAt: DONE_AT, streak: 12 }));
    expect(badgeFor('Sam', s, DAY_ENDS - 1).color).toBe(BADGE_DONE);
    expect(badgeFor('Sam', s, DAY_ENDS)).toEqual({ text: '12', color: BADGE_WAITING, title: 'Tandem — Sam: 12-day streak, no update yet today' });
    expect(partnerProgressLines(s, 'Europe/Berlin', 'en-GB', DAY_ENDS)).toEqual([]);
    expect(partnerProgressLines(s, 'Europe/Berlin', 'en-GB', DAY_ENDS - 1)).toEqual(['Sam finished Deep work at 9:40']);
  });

  it('a partner done for today: their streak, in green', () => {
    const s = sam(shared({ status: 'done', doneAt: DONE_AT, streak: 12 }), shared({ id: 'c2', title: 'Walk', status: 'not-today', streak: 3 }));
    expect(badgeFor('Sam', s, NOW)).toEqual({ text: '12', color: BADGE_DONE, title: 'Tandem — Sam: 12-day streak, done for today' });
  });

  it('a partner not done yet: their streak, in grey', () => {
    const s = sam(shared({ status: 'done', doneAt: DONE_AT, streak: 12 }), shared({ id: 'c2', title: 'Walk', status: 'in-progress', streak: 3 }));
    expect(badgeFor('Sam', s, NOW)).toEqual({ text: '12', color: BADGE_WAITING, title: 'Tandem — Sam: 12-day streak, not done yet today' });
    expect(BADGE_WAITING).not.toBe(BADGE_DONE);
  });

  it('no summary yet: empty, saying who it waits for', () => {
    expect(badgeFor('Sam', undefined, NOW)).toEqual({ text: '', color: BADGE_WAITING, title: "Tandem — waiting for Sam's first update" });
  });

  it('a streak over 999 days does not fit: 999+, with the real count in the title', () => {
    const s = sam(shared({ status: 'done', doneAt: DONE_AT, streak: 1000 }));
    expect(badgeFor('Sam', s, NOW).text).toBe('999+');
    expect(badgeFor('Sam', s, NOW).title).toBe('Tandem — Sam: 1000-day streak, done for today');
    expect(badgeFor('Sam', sam(shared({ streak: 999 })), NOW).text).toBe('999');
  });

  it('a weekly habit counts in weeks', () => {
    const s = sam(shared({ kind: 'habit', title: 'Run', status: 'done', streak: 7, unit: 'week' }), shared({ id: 'c2', streak: 2, status: 'done' }));
    expect(partnerStreak(s)).toEqual({ count: 7, unit: 'week' });
    expect(badgeFor('Sam', s, NOW)).toEqual({ text: '7', color: BADGE_DONE, title: 'Tandem — Sam: 7-week streak, done for today' });
  });

  it('uses the name in the summary for the title, the local name only while waiting', () => {
    expect(badgeFor('My partner', sam(shared({ streak: 1 })), NOW).title).toBe('Tandem — Sam: 1-day streak, not done yet today');
  });
});

describe('whether the partner is done today', () => {
  it('ignores commitments that do not apply today or are paused', () => {
    expect(partnerDoneToday(sam(shared({ status: 'done' }), shared({ status: 'not-today' }), shared({ status: 'paused' })))).toBe(true);
  });

  it('not while anything due is pending, in progress or missed', () => {
    for (const status of ['pending', 'in-progress', 'missed'] as const) {
      expect(partnerDoneToday(sam(shared({ status: 'done' }), shared({ id: 'c2', status })))).toBe(false);
    }
  });

  it('not when nothing is due today, or nothing is shared', () => {
    expect(partnerDoneToday(sam(shared({ status: 'not-today' }), shared({ status: 'paused' })))).toBe(false);
    expect(partnerDoneToday(sam())).toBe(false);
  });
});

describe('progress lines', () => {
  it('says when they finished, in the viewer’s time zone', () => {
    const s = sam(shared({ status: 'done', doneAt: DONE_AT }));
    expect(partnerProgressLines(s, 'Europe/Berlin', 'en-GB')).toEqual(['Sam finished Deep work at 9:40']);
    expect(partnerProgressLines(s, 'America/New_York', 'en-GB')).toEqual(['Sam finished Deep work at 4:40']);
    const us = partnerProgressLines(s, 'Europe/Berlin', 'en-US');
    expect(us.map((l) => l.replace(/\s/g, ' '))).toEqual(['Sam finished Deep work at 9:40 AM']);
  });

  it('an afternoon finish in a 24-hour locale', () => {
    const s = sam(shared({ status: 'done', doneAt: Date.parse('2026-03-10T20:05:00Z') }));
    expect(partnerProgressLines(s, 'Europe/Berlin', 'en-GB')).toEqual(['Sam finished Deep work at 21:05']);
  });

  it('in progress, not started, missed, paused, and done without a time; days it does not apply are left out', () => {
    const s = sam(
      shared({ id: 'a', title: 'Deep work', status: 'in-progress' }),
      shared({ id: 'b', title: 'Walk', status: 'pending' }),
      shared({ id: 'c', title: 'Inbox zero', status: 'missed' }),
      shared({ id: 'd', title: 'Piano', status: 'paused' }),
      shared({ id: 'e', title: 'Run', kind: 'habit', status: 'done', doneAt: null }),
      shared({ id: 'f', title: 'Reading', status: 'not-today' }),
    );
    expect(partnerProgressLines(s, 'Europe/Berlin', 'en-GB')).toEqual([
      'Sam is working on Deep work',
      'Sam has not started Walk yet',
      'Sam missed Inbox zero today',
      'Sam has paused Piano',
      'Sam has done Run',
    ]);
  });
});
