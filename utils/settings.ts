import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Clock, type Settings } from './core/types';
import { easingDelayAt } from './core/easing-time';
import { OPEN_GATE, type GateState } from './core/gate';
import { NO_SYNC_STATE, type SyncState } from './core/partners/types';
import { NO_DATA_MARKER, type DataMarker } from './services/data-check';

/** The person's settings (extension storage, so every context sees changes at once). */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The gate as last applied by the worker: block pages and the tab sweep read it. */
export const gateStateItem = storage.defineItem<GateState>('local:gate', { fallback: OPEN_GATE });

/** The clock the core is given at `now`: the person's current time zone, day start, week start and easing delay. */
export function clockOf(settings: Settings, now: number): Clock {
  return {
    now,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    dayStartMinutes: settings.dayStartMinutes,
    weekStartsOn: settings.weekStartsOn ?? 1,
    easingDelayDays: easingDelayAt(settings, now),
  };
}

/** Partner sync's small settings and bookkeeping (name, pending invite, last pull, notifications). */
export const syncStateItem = storage.defineItem<SyncState>('local:sync', { fallback: NO_SYNC_STATE });

/** Whether the database held commitments at the worker's last look, and when it was found emptied (data-check.ts). */
export const dataMarkerItem = storage.defineItem<DataMarker>('local:data', { fallback: NO_DATA_MARKER });
