import { browser } from 'wxt/browser';
import { syncStateItem } from '../settings';
import { now } from './clock';
import { togetherWords } from '../core/partners/together';
import { tr } from '@/utils/core/i18n';

/** Partner sync's contact with notifications (its alarms are in alarms.ts, the badge in badge.ts). */

/** "Sam finished today's commitments" — only if the person turned it on and granted the permission. */
export async function notifyPartnerDone(name: string): Promise<void> {
  if (!(await syncStateItem.getValue()).notifyPartnerDone) return;
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  await browser.notifications.create(`partner-done-${now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tr('sync_effects_is_done_for_today', { name }),
    message: tr('sync_effects_finished_todays_commitments_a', { name }),
  });
}

/** "You and Sam both did everything today" (issue 10): once per pair and day, only if partner notifications are on. */
export async function notifyTogether(name: string): Promise<void> {
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  await browser.notifications.create(`together-${now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tr('together_you_and_did_it', { name }),
    message: togetherWords(name),
  });
}
