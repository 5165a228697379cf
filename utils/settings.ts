import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Clock, type Settings } from './core/types';
import { OPEN_GATE, type GateState } from './core/gate';
import { NO_SYNC_STATE, type SyncState } from './core/partners/types';

/** The person's settings (extension storage, so every context sees changes at once). */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The gate as last applied by the worker: block pages and the tab sweep read it. */
export const gateStateItem = storage.defineItem<GateState>('local:gate', { fallback: OPEN_GATE });

/** The clock the core is given at `now`: the person's current time zone, day start and week start. */
export function clockOf(settings: Settings, now: number): Clock {
  return {
    now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    dayStartMinutes: settings.dayStartMinutes,
    weekStartsOn: settings.weekStartsOn ?? 1,
  };
}

/** Moved to the clock adapter; re-exported while entrypoints/background.ts still imports it from here. */
export { readClock } from './browser/clock';

/** Partner sync's small settings and bookkeeping (name, pending invite, last pull, notifications). */
export const syncStateItem = storage.defineItem<SyncState>('local:sync', { fallback: NO_SYNC_STATE });
