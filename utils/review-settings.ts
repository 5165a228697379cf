import { storage } from 'wxt/utils/storage';
import { DEFAULT_REMINDERS, type ReminderSettings } from './core/reminders';

/** The weekly check-in's small settings and bookkeeping, in extension storage (kept apart from `settings`). */

/** Which reminders are on, when, and the quiet hours (utils/core/reminders.ts). */
export const remindersItem = storage.defineItem<ReminderSettings>('local:reminders', { fallback: DEFAULT_REMINDERS });

/** The reminders already shown, by key (newest kept), so a recompute never shows one twice. */
export const remindersSentItem = storage.defineItem<string[]>('local:reminders-sent', { fallback: [] });

/** Celebrations already shown, by key (utils/core/review/celebrations.ts): once each, across restarts. */
export const celebratedItem = storage.defineItem<string[]>('local:celebrated', { fallback: [] });

/** "Done together" days already shown in the popup (issue 10), by key: kept apart so two pages never race on one list. */
export const togetherSeenItem = storage.defineItem<string[]>('local:together-seen', { fallback: [] });
