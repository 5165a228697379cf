import { browser } from 'wxt/browser';
import type { Badge } from '../core/partners/partner';
import { PULL_EVERY_MIN, PUSH_DELAY_MS } from '../core/partners/cadence';
import { syncStateItem } from '../settings';

/** Sync's contact with alarms, the toolbar badge and notifications. */
export const SYNC_PUSH_ALARM = 'sync-push';
export const SYNC_DELIVER_ALARM = 'sync-deliver';
export const SYNC_PULL_ALARM = 'sync-pull';

/** A local change: one push PUSH_DELAY_MS from the first change of a burst (later changes join it). */
export async function notePushWanted(): Promise<void> {
  if (await browser.alarms.get(SYNC_PUSH_ALARM)) return;
  await browser.alarms.create(SYNC_PUSH_ALARM, { when: Date.now() + PUSH_DELAY_MS });
}

export async function scheduleDelivery(at: number | null): Promise<void> {
  if (at === null) await browser.alarms.clear(SYNC_DELIVER_ALARM);
  else await browser.alarms.create(SYNC_DELIVER_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

/** The pull alarm runs while `needed` (pullWanted: a pair, or an invite waiting to be used), and only then. */
export async function keepPullSchedule(needed: boolean): Promise<void> {
  const alarm = await browser.alarms.get(SYNC_PULL_ALARM);
  if (needed && !alarm) await browser.alarms.create(SYNC_PULL_ALARM, { periodInMinutes: PULL_EVERY_MIN, delayInMinutes: 1 });
  if (!needed && alarm) await browser.alarms.clear(SYNC_PULL_ALARM);
}

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
  await browser.notifications.create(`partner-done-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${name} is done for today`,
    message: `${name} finished today's commitments. A word from you goes a long way.`,
  });
}
