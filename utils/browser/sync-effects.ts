import { browser } from 'wxt/browser';
import type { Badge } from '../core/partners/partner';
import { syncStateItem } from '../settings';
import { now } from './clock';

/** Partner sync's contact with the toolbar badge and notifications (its alarms are in alarms.ts). */

/** The toolbar badge (partnerBadge: the primary partner's streak), or none. */
export async function showPartnerBadge(badge: Badge | null): Promise<void> {
  if (!badge) {
    await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: 'Tandem' })]);
    return;
  }
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}

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
