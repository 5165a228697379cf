import { describe, expect, it } from 'vitest';
import { validateCommitment } from '@/utils/core/commitment';
import { deepWorkBeforeEmail, PRESET_HOST_PERMISSIONS, WEBMAIL_SITES } from '@/utils/core/presets';
import { originsNeeded } from '@/utils/core/site-access';
import type { CommitmentDraft } from '@/utils/core/types';

const draft = (over: Partial<CommitmentDraft>): CommitmentDraft => ({ ...deepWorkBeforeEmail(), ...over });

describe('validateCommitment', () => {
  it('accepts the preset and normalises what the person typed', () => {
    const r = validateCommitment(draft({ title: '  Deep work  ', sites: ['Mail.Google.com', '', 'https://mail.google.com/', '*.FastMail.com'], schedule: [{ days: [5, 1, 1], untilMinutes: 720 }] }));
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ title: 'Deep work', sites: ['mail.google.com', '*.fastmail.com'], schedule: [{ days: [1, 5], untilMinutes: 720 }] }) });
  });

  it.each([
    ['an empty title', { title: '  ' }, /name/],
    ['no sites', { sites: ['', ' '] }, /at least one site/],
    ['an invalid site', { sites: ['mail google.com'] }, /space/],
    ['no days', { schedule: [{ days: [], untilMinutes: 720 }] }, /at least one day/],
    ['an impossible time', { schedule: [{ days: [1], untilMinutes: 1440 }] }, /00:00 to 23:59/],
    ['zero minutes', { requirement: { kind: 'focus', minutes: 0 } }, /1 to 240/],
    ['241 minutes', { requirement: { kind: 'focus', minutes: 241 } }, /1 to 240/],
    ['fractional minutes', { requirement: { kind: 'focus', minutes: 2.5 } }, /whole minutes/],
    ['NaN minutes', { requirement: { kind: 'focus', minutes: Number.NaN } }, /1 to 240/],
  ] as [string, Partial<CommitmentDraft>, RegExp][])('refuses %s with a message', (_name, over, message) => {
    const r = validateCommitment(draft(over));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('validateCommitment, kind by kind', () => {
  const error = (over: Partial<CommitmentDraft>) => {
    const r = validateCommitment(draft(over));
    return r.ok ? null : r.error;
  };
  const value = (over: Partial<CommitmentDraft>) => {
    const r = validateCommitment(draft(over));
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('a habit: 1 to 20 times a day or a week, no site held back, a weekly one applies every day', () => {
    expect(error({ requirement: { kind: 'habit', times: 0, per: 'week' } })).toBe('A habit is done 1 to 20 times a week.');
    expect(error({ requirement: { kind: 'habit', times: 21, per: 'day' } })).toBe('A habit is done 1 to 20 times a day.');
    expect(error({ requirement: { kind: 'habit', times: 2, per: 'month' as 'day' } })).toBe('Choose “a day” or “a week”.');
    // Checked before the days: the first problem is the kind's own.
    expect(error({ requirement: { kind: 'habit', times: 0, per: 'day' }, schedule: [{ days: [], untilMinutes: 720 }] })).toMatch(/1 to 20/);
    expect(value({ requirement: { kind: 'habit', times: 3, per: 'week' }, schedule: [{ days: [1], untilMinutes: 720 }] })).toEqual(
      expect.objectContaining({ sites: [], schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 720 }] }),
    );
    expect(value({ requirement: { kind: 'habit', times: 1, per: 'day' }, sites: [], schedule: [{ days: [3, 1], untilMinutes: 720 }] })).toEqual(
      expect.objectContaining({ sites: [], schedule: [{ days: [1, 3], untilMinutes: 720 }] }),
    );
  });

  it('time on work sites: minutes, at least one valid work site, none of them held back', () => {
    const siteTime = (minutes: number, sites: string[]) => ({ requirement: { kind: 'site-time' as const, minutes, sites } });
    expect(error(siteTime(0, ['docs.google.com']))).toBe('Time on work sites is 1 to 240 whole minutes.');
    expect(error(siteTime(45, ['', ' ']))).toBe('Add at least one work site, e.g. docs.google.com.');
    expect(error(siteTime(45, ['docs google.com']))).toMatch(/space/);
    expect(error({ ...siteTime(45, ['Mail.Google.com']), sites: ['mail.google.com'] })).toBe("mail.google.com can't be both a work site and a site held back.");
    expect(value(siteTime(45, ['Docs.Google.com', 'docs.google.com', '', 'github.com'])).requirement).toEqual(
      { kind: 'site-time', minutes: 45, sites: ['docs.google.com', 'github.com'] },
    );
  });

  it('a focus session and a check-in hold sites back; an unknown kind is refused', () => {
    expect(error({ requirement: { kind: 'focus', minutes: 0 } })).toBe('A focus session is 1 to 240 whole minutes.');
    expect(value({ requirement: { kind: 'checkin' } }).requirement).toEqual({ kind: 'checkin' });
    expect(error({ requirement: { kind: 'checkin' }, sites: [] })).toBe('Add at least one site to gate, e.g. mail.google.com.');
    expect(error({ requirement: { kind: 'nap' } as unknown as CommitmentDraft['requirement'] })).toBe(
      'Choose what has to happen first: a focus session, time on work sites, or a check-in.',
    );
  });
});

describe('site access', () => {
  it('needs nothing beyond install for the preset webmail sites', () => {
    expect(originsNeeded([...WEBMAIL_SITES])).toEqual([]);
    expect(PRESET_HOST_PERMISSIONS).toContain('*://www.icloud.com/*');
  });

  it('asks for exactly the hosts a person adds', () => {
    expect(originsNeeded(['mail.google.com', 'news.example.com', '*.social.example', 'foo.navigator.gmx.net'])).toEqual([
      '*://news.example.com/*',
      '*://*.social.example/*',
    ]);
    // A subdomain pattern is not covered by a single-host grant.
    expect(originsNeeded(['*.mail.google.com'])).toEqual(['*://*.mail.google.com/*']);
  });
});
