import { browser } from 'wxt/browser';
import { syncStateItem } from '../settings';
import { now } from './clock';
import { togetherWords } from '../core/partners/together';

/** Partner sync's contact with notifications (its alarms are in alarms.ts, the badge in badge.ts). */

/** "Sam finished today's commitments" — only if the person turned it on and granted the permission. */
export async function notifyPartnerDone(name: string): Promise<void> {
  if (!(await syncStateItem.getValue()).notifyPartnerDone) return;
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  await browser.notifications.create(`partner-done-${now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${name} is done for today`,
    message: `${name} finished today's commitments. A word from you goes a long way.`,
  });
}

/** "You and Sam both did everything today" (issue 10): once per pair and day, only if partner notifications are on. */
export async function notifyTogether(name: string): Promise<void> {
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  await browser.notifications.create(`together-${now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `You and ${name} did it`,
    message: togetherWords(name),
  });
}
