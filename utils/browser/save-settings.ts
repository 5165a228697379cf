import type { Settings } from '../core/types';
import { attempt, send } from '../messages';
import { settingsItem } from '../settings';

/**
 * Saves settings and has the worker apply them to the gate before answering. The worker also watches storage,
 * but that event is lost when the worker stops right after the write; the worker's next start recomputes anyway.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await settingsItem.setValue({ ...(await settingsItem.getValue()), ...patch });
  await attempt(send('gate.refresh', {}).then(() => ({ ok: true as const, value: null })));
}
