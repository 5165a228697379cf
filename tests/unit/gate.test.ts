import { describe, expect, it } from 'vitest';
import { commitmentsGating, compileGateRules, compileGateState, heldBackUrl, OPEN_GATE, tightens } from '@/utils/core/gate';
import { localInstant } from '@/utils/core/days';
import type { Clock, Commitment, FocusSession } from '@/utils/core/types';
import type { DayRecords } from '@/utils/core/requirements';

const TZ = 'Europe/Berlin';
// Wednesday 2026-03-04.
const at = (hhmm: string, date = '2026-03-04') => {
  const [h, m] = hhmm.split(':').map(Number);
  return localInstant(date, h! * 60 + m!, TZ);
};
const clock = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240 });
const BLOCK = 'chrome-extension://abc/block.html';

const deepWork: Commitment = {
  id: 'deep',
  title: 'Deep work before email',
  why: 'Best thinking first',
  sites: ['mail.google.com', '*.fastmail.com', 'www.icloud.com/mail'],
  requirement: { kind: 'focus', minutes: 60 },
  schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 12 * 60 }],
  createdAt: at('08:00', '2026-03-01'),
  updatedAt: at('08:00', '2026-03-01'),
};

const session = (startedAt: number, minutes: number, outcome: FocusSession['outcome'] = 'completed'): FocusSession => ({
  id: `s${startedAt}`, commitmentId: 'deep', day: '2026-03-04', startedAt, endsAt: startedAt + minutes * 60_000,
  endedAt: outcome === 'running' ? undefined : startedAt + minutes * 60_000, outcome,
});
const today = (records: Partial<DayRecords>) => new Map([['deep', { sessions: [], checkIns: [], ...records }]]);

describe('gate state', () => {
  it('is closed on an active morning before the requirement is met, and says when to look again', () => {
    const state = compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: clock(at('09:00')) });
    expect(state.closed).toEqual([{ commitmentId: 'deep', sites: deepWork.sites }]);
    expect(state.nextChangeAt).toBe(at('12:00'));
    expect(commitmentsGating(state, 'https://mail.google.com/mail/u/0/#inbox')).toEqual(['deep']);
    expect(commitmentsGating(state, 'https://www.icloud.com/mail/')).toEqual(['deep']);
    expect(commitmentsGating(state, 'https://www.icloud.com/photos')).toEqual([]);
    expect(commitmentsGating(state, 'https://example.org/?q=mail.google.com')).toEqual([]);
  });

  it('opens once the focus minutes are done', () => {
    const state = compileGateState({ commitments: [deepWork], today: today({ sessions: [session(at('08:00'), 60)] }), overrides: [], clock: clock(at('09:30')) });
    expect(state.closed).toEqual([]);
  });

  it('stays closed with 25 of 60 minutes and wakes when the running session ends', () => {
    const running = session(at('09:00'), 35, 'running');
    const state = compileGateState({
      commitments: [deepWork],
      today: today({ sessions: [session(at('08:00'), 25, 'ended-early'), running] }),
      overrides: [],
      clock: clock(at('09:10')),
    });
    expect(state.closed.length).toBe(1);
    expect(state.nextChangeAt).toBe(running.endsAt);
  });

  it('a running session past its end counts even before its alarm fired', () => {
    const state = compileGateState({ commitments: [deepWork], today: today({ sessions: [session(at('09:00'), 60, 'running')] }), overrides: [], clock: clock(at('10:00')) });
    expect(state.closed).toEqual([]);
  });

  it('opens when the window closes, and on days outside the window', () => {
    expect(compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: clock(at('12:00')) }).closed).toEqual([]);
    // Saturday.
    expect(compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: clock(at('09:00', '2026-03-07')) }).closed).toEqual([]);
  });

  it('before the day start it is still yesterday: Wednesday 02:00 belongs to Tuesday, whose window has closed', () => {
    const state = compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: clock(at('02:00')) });
    expect(state.closed).toEqual([]);
    expect(state.nextChangeAt).toBe(at('04:00'));
  });

  it('archived commitments never gate', () => {
    const state = compileGateState({ commitments: [{ ...deepWork, archivedAt: 1 }], today: new Map(), overrides: [], clock: clock(at('09:00')) });
    expect(state.closed).toEqual([]);
  });

  it('a check-in commitment opens on "I did it"', () => {
    const c: Commitment = { ...deepWork, requirement: { kind: 'checkin' } };
    const checkIns = [{ id: 'x', commitmentId: 'deep', day: '2026-03-04', at: at('08:00') }];
    expect(compileGateState({ commitments: [c], today: new Map(), overrides: [], clock: clock(at('09:00')) }).closed.length).toBe(1);
    expect(compileGateState({ commitments: [c], today: today({ checkIns }), overrides: [], clock: clock(at('09:00')) }).closed).toEqual([]);
  });

  it('"go anyway" lets one host through until its override expires', () => {
    const until = at('09:05');
    const state = compileGateState({ commitments: [deepWork], today: new Map(), overrides: [{ host: 'mail.google.com', until }], clock: clock(at('09:00')) });
    expect(state.allowedHosts).toEqual(['mail.google.com']);
    expect(state.nextChangeAt).toBe(until);
    expect(commitmentsGating(state, 'https://mail.google.com/')).toEqual([]);
    expect(commitmentsGating(state, 'https://app.fastmail.com/')).toEqual(['deep']);
    const later = compileGateState({ commitments: [deepWork], today: new Map(), overrides: [{ host: 'mail.google.com', until }], clock: clock(until) });
    expect(later.allowedHosts).toEqual([]);
  });
});

describe('gate state, continued', () => {
  it('meeting the requirement after the window closed does not turn "missed" into "done"', () => {
    const late = session(at('12:30'), 60);
    const state = compileGateState({ commitments: [deepWork], today: today({ sessions: [late] }), overrides: [], clock: clock(at('14:00')) });
    expect(state.closed).toEqual([]);
  });

  it('schedules the end of every running session, also of a commitment that does not hold the gate', () => {
    const saturday = '2026-03-07';
    const running: FocusSession = { ...session(at('09:00', saturday), 30, 'running'), day: saturday };
    const state = compileGateState({ commitments: [deepWork], today: today({ sessions: [running] }), overrides: [], clock: clock(at('09:10', saturday)) });
    expect(state.closed).toEqual([]);
    expect(state.nextChangeAt).toBe(running.endsAt);
  });

  it('follows a change of time zone: the same instant can be inside the window in one zone and past it in another', () => {
    const instant = at('11:30'); // 11:30 in Berlin, 05:30 in New York, 19:30 in Tokyo
    const compile = (timeZone: string) => compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: { now: instant, timeZone, dayStartMinutes: 240 } });
    expect(compile('Europe/Berlin').closed).toHaveLength(1);
    expect(compile('America/New_York').closed).toHaveLength(1);
    expect(compile('Asia/Tokyo').closed).toEqual([]);
    expect(compile('America/New_York').nextChangeAt).toBe(localInstant('2026-03-04', 12 * 60, 'America/New_York'));
  });

  it('a commitment made after today\'s window closed is not missed today', () => {
    const fresh = { ...deepWork, createdAt: at('15:00'), updatedAt: at('15:00') };
    const state = compileGateState({ commitments: [fresh], today: new Map(), overrides: [], clock: clock(at('15:01')) });
    expect(state.closed).toEqual([]);
  });
});

describe('publishing order', () => {
  const closedGmail = { closed: [{ commitmentId: 'deep', sites: ['mail.google.com'] }], allowedHosts: [], nextChangeAt: 0 };
  it('tightens when a site becomes gated or a go-anyway grant ends, not when the gate opens', () => {
    expect(tightens(OPEN_GATE, closedGmail)).toBe(true);
    expect(tightens(closedGmail, OPEN_GATE)).toBe(false);
    expect(tightens(closedGmail, closedGmail)).toBe(false);
    expect(tightens({ ...closedGmail, allowedHosts: ['mail.google.com'] }, closedGmail)).toBe(true);
    expect(tightens(closedGmail, { ...closedGmail, allowedHosts: ['mail.google.com'] })).toBe(false);
  });
});

describe('the held-back URL', () => {
  it('is everything after the first "#", kept exactly', () => {
    expect(heldBackUrl('chrome-extension://id/block.html#https://mail.google.com/mail/u/0/?a=1&b=%C3%BC#inbox/x')).toBe(
      'https://mail.google.com/mail/u/0/?a=1&b=%C3%BC#inbox/x',
    );
    expect(heldBackUrl('chrome-extension://id/block.html?swept#http://outlook.office.com/')).toBe('http://outlook.office.com/');
  });
  it('is nothing when the fragment is not a web address', () => {
    expect(heldBackUrl('chrome-extension://id/block.html')).toBeNull();
    expect(heldBackUrl('chrome-extension://id/block.html#javascript:alert(1)')).toBeNull();
    expect(heldBackUrl('chrome-extension://id/block.html#chrome://settings')).toBeNull();
  });
});

describe('gate rules', () => {
  it('compiles one redirect per distinct site, to the block page with the original URL in the fragment', () => {
    const other: Commitment = { ...deepWork, id: 'other', sites: ['mail.google.com', 'mail.yahoo.com'] };
    const state = compileGateState({ commitments: [deepWork, other], today: new Map(), overrides: [{ host: 'mail.yahoo.com', until: at('09:05') }], clock: clock(at('09:00')) });
    const rules = compileGateRules(state, BLOCK);
    const redirects = rules.filter((r) => r.action.type === 'redirect');
    const allows = rules.filter((r) => r.action.type === 'allow');
    expect(redirects).toHaveLength(4);
    expect(allows).toHaveLength(1);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of redirects) {
      expect(r.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${BLOCK}#\\0` } });
      expect(r.condition.resourceTypes).toEqual(['main_frame']);
    }
    expect(allows[0]!.priority).toBeGreaterThan(redirects[0]!.priority);
    const gmail = redirects.find((r) => new RegExp(r.condition.regexFilter, 'i').test('https://mail.google.com/mail/u/0/#inbox'))!;
    const match = new RegExp(gmail.condition.regexFilter, 'i').exec('https://mail.google.com/mail/u/0/?a=1&b=ü#inbox')!;
    expect(match[0]).toBe('https://mail.google.com/mail/u/0/?a=1&b=ü#inbox');
  });

  it('compiles no rules when the gate is open', () => {
    const state = compileGateState({ commitments: [deepWork], today: new Map(), overrides: [], clock: clock(at('13:00')) });
    expect(compileGateRules(state, BLOCK)).toEqual([]);
  });
});
