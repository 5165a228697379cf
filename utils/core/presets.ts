import type { CommitmentDraft } from './types';
import { tr } from './i18n';

/**
 * Common webmail sites. iCloud Mail lives under a path of www.icloud.com, so only that path is gated;
 * the others are whole hosts. A person can edit the list before saving.
 */
export const WEBMAIL_SITES = [
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
  'mail.yahoo.com',
  'mail.proton.me',
  'www.icloud.com/mail',
  'app.fastmail.com',
  'mail.zoho.com',
  'mail.zoho.eu',
  'mail.aol.com',
  '*.navigator.gmx.com',
  '*.navigator.gmx.net',
] as const;

/** "Deep work before email": 60 minutes, Monday to Friday, until 12:00. */
export function deepWorkBeforeEmail(): CommitmentDraft {
  return {
    title: tr('presets_deep_work_before_email'),
    why: '',
    sites: [...WEBMAIL_SITES],
    requirement: { kind: 'focus', minutes: 60 },
    schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 12 * 60 }],
  };
}

/** A fresh form: nothing named yet, 30 minutes of focus, Monday to Friday, until 12:00, no sites yet. */
export function blankCommitment(): CommitmentDraft {
  return {
    title: '',
    why: '',
    sites: [],
    requirement: { kind: 'focus', minutes: 30 },
    schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 12 * 60 }],
  };
}

/**
 * Host permissions asked for at install: exactly the preset sites (the gate's redirect needs host access).
 * Any other site is asked for when a person adds it (optional_host_permissions).
 */
export const PRESET_HOST_PERMISSIONS: string[] = WEBMAIL_SITES.map((site) => {
  const host = site.split('/')[0]!;
  return `*://${host}/*`;
});
