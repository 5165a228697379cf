import { browser } from 'wxt/browser';
import type { BadgeEffects } from '../services/badge';
import { settingsItem } from '../settings';

/** The toolbar badge (text, colour, tooltip) and the person's choice of what it shows: the one badge adapter. */
export const browserBadge: BadgeEffects = {
  async choice() {
    return (await settingsItem.getValue()).badge ?? 'auto';
  },
  async show(badge) {
    if (!badge) {
      await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: 'Tandem' })]);
      return;
    }
    await Promise.all([
      browser.action.setBadgeText({ text: badge.text }),
      browser.action.setBadgeBackgroundColor({ color: badge.color }),
      browser.action.setTitle({ title: badge.title }),
    ]);
  },
};
