import { browser } from 'wxt/browser';
import type { Reminder, ReminderSettings } from '../core/reminders';
import type { Result } from '../core/types';
import type { ReminderDeps } from '../services/reminders';
import { remindersItem, remindersSentItem } from '../review-settings';
import { attempt, send } from '../messages';
import { tr } from '@/utils/core/i18n';

const PREFIX = 'tandem-reminder:';

/** A reminder as a notification, only with the permission (asked when a reminder is turned on). */
async function notifyReminder(r: Reminder): Promise<boolean> {
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
  await browser.notifications.create(`${PREFIX}${r.kind}:${r.key}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: r.title,
    message: r.message,
  });
  return true;
}

export const browserReminders: ReminderDeps = { settings: remindersItem, sent: remindersSentItem, notify: notifyReminder };

/**
 * A click on the review reminder opens the review page. Registered at the worker's start, like every listener; the
 * notifications API exists only once its optional permission is granted, so also when it is granted.
 */
export function onReminderClicked(): void {
  let listening = false;
  const listen = () => {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onClicked.addListener((id) => {
      if (!id.startsWith(PREFIX)) return;
      void browser.notifications.clear(id);
      if (id.startsWith(`${PREFIX}review:`) || id.startsWith(`${PREFIX}partner-review:`)) void browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
    });
  };
  listen();
  browser.permissions.onAdded.addListener((p) => void (p.permissions?.includes('notifications') && listen()));
}

/**
 * Saves the reminder settings. Turning a reminder on asks for the optional `notifications` permission first
 * (inside the click: call before any other await); refused, nothing changes and the person is told. Then the
 * worker recomputes, which sets the reminder alarm.
 */
export async function saveReminders(next: ReminderSettings, before: ReminderSettings): Promise<Result<ReminderSettings>> {
  const turningOn = (next.review && !before.review) || (next.closing && !before.closing);
  if (turningOn && !(await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false))) {
    return { ok: false, error: tr('reminders_notifications_were_not_allowed') };
  }
  await remindersItem.setValue(next);
  await attempt(send('gate.refresh', {}).then(() => ({ ok: true as const, value: null })));
  return { ok: true, value: next };
}
