import { browser } from 'wxt/browser';
import { badgeFor } from '../core/sync/partner';
import { PULL_EVERY_MIN, PUSH_DELAY_MS } from '../core/sync/cadence';
import type { TandemDB } from '../db/db';
import { syncStateItem } from '../sync/state';

/** Sync's contact with alarms, the toolbar badge and notifications. */
export const SYNC_PUSH_ALARM = 'sync-push';
export const SYNC_DELIVER_ALARM = 'sync-deliver';
export const SYNC_PULL_ALARM = 'sync-pull';

/** A local change: one push PUSH_DELAY_MS from the first change of a burst (later changes join it). */
export async function notePushWanted(db: TandemDB): Promise<void> {
  if ((await db.pairs.filter((p) => !p.ended).count()) === 0) return;
  if (await browser.alarms.get(SYNC_PUSH_ALARM)) return;
  await browser.alarms.create(SYNC_PUSH_ALARM, { when: Date.now() + PUSH_DELAY_MS });
}

export async function scheduleDelivery(at: number | null): Promise<void> {
  if (at === null) await browser.alarms.clear(SYNC_DELIVER_ALARM);
  else await browser.alarms.create(SYNC_DELIVER_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

/** Pull on a schedule only while there is someone to pull from (a pair, or an invite waiting to be used). */
export async function keepPullSchedule(db: TandemDB): Promise<void> {
  const needed = (await db.pairs.filter((p) => !p.ended).count()) > 0 || Boolean((await syncStateItem.getValue()).pendingInvite);
  const alarm = await browser.alarms.get(SYNC_PULL_ALARM);
  if (needed && !alarm) await browser.alarms.create(SYNC_PULL_ALARM, { periodInMinutes: PULL_EVERY_MIN, delayInMinutes: 1 });
  if (!needed && alarm) await browser.alarms.clear(SYNC_PULL_ALARM);
}

/** The toolbar badge: the primary partner's streak, green once they are done today. */
export async function showPartnerBadge(db: TandemDB): Promise<void> {
  const pair = (await db.pairs.toArray()).find((p) => p.primary && !p.ended);
  if (!pair) {
    await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: 'Tandem' })]);
    return;
  }
  const badge = badgeFor(pair.partnerName, (await db.partnerSummaries.get(pair.id))?.summary, Date.now());
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
