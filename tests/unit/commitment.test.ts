import { describe, expect, it } from 'vitest';
import { validateCommitment } from '@/utils/core/commitment';
import { deepWorkBeforeEmail, PRESET_HOST_PERMISSIONS, WEBMAIL_SITES } from '@/utils/core/presets';
import { originsNeeded } from '@/utils/core/site-access';
import type { CommitmentDraft } from '@/utils/core/types';

const draft = (over: Partial<CommitmentDraft>): CommitmentDraft => ({ ...deepWorkBeforeEmail(), ...over });

describe('validateCommitment', () => {
  it('accepts the preset and normalises what the person typed', () => {
    const r = validateCommitment(draft({ title: '  Deep work  ', sites: ['Mail.Google.com', '', 'https://mail.google.com/', '*.FastMail.com'], window: { days: [5, 1, 1], untilMinutes: 720 } }));
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ title: 'Deep work', sites: ['mail.google.com', '*.fastmail.com'], window: { days: [1, 5], untilMinutes: 720 } }) });
  });

  it.each([
    ['an empty title', { title: '  ' }, /name/],
    ['no sites', { sites: ['', ' '] }, /at least one site/],
    ['an invalid site', { sites: ['mail google.com'] }, /space/],
    ['no days', { window: { days: [], untilMinutes: 720 } }, /at least one day/],
    ['an impossible time', { window: { days: [1], untilMinutes: 1440 } }, /00:00 to 23:59/],
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
