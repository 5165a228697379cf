import type { TandemDB } from '@/utils/db/db';
import { createWorker, type WorkerDeps } from '@/utils/services/worker';
import { NO_DATA_MARKER, type DataMarker } from '@/utils/services/data-check';
import type { AlarmName, Alarms } from '@/utils/services/alarms';
import type { GateEffects } from '@/utils/services/gate';
import { OPEN_GATE, type GateRule, type GateState } from '@/utils/core/gate';
import type { BlockPreview } from '@/utils/core/block-preview';
import { localInstant } from '@/utils/core/days';
import type { BadgeChoice, Clock } from '@/utils/core/types';
import type { Badge } from '@/utils/core/badge';

export const TZ = 'Europe/Berlin';
export const AT_8 = localInstant('2026-03-04', 8 * 60, TZ);

/**
 * The worker with every outside system recorded in memory, and a clock the test moves (`clock`: one to share with
 * another worker over the same database, standing for a stopped and restarted one).
 */
export function workerWith(db: TandemDB, { clock = { now: AT_8 }, easingDelayDays }: { clock?: { now: number }; easingDelayDays?: number } = {}) {
  const seen = {
    rules: [] as GateRule[], state: OPEN_GATE as GateState, alarms: new Map<AlarmName, number>(), marker: NO_DATA_MARKER as DataMarker,
    opened: 0, storageCleared: 0, shown: 0, badge: undefined as Badge | null | undefined, badgeChoice: 'auto' as BadgeChoice,
    preview: undefined as BlockPreview | null | undefined, previewWrites: [] as ('removed' | 'written')[], swept: [] as string[],
  };
  const gate: GateEffects = {
    blockPageUrl: 'chrome-extension://x/block.html',
    applyRules: async (r) => void (seen.rules = r),
    publish: async (s) => void (seen.state = s),
    published: async () => seen.state,
    scheduleAt: async (w) => void seen.alarms.set('gate', w),
    sweepTabs: async () => undefined,
  };
  const alarms: Alarms = {
    at: async (name, when) => void seen.alarms.set(name, when),
    atUnlessSet: async (name, when) => void (seen.alarms.has(name) || seen.alarms.set(name, when)),
    every: async (name, minutes, on) => void (on ? seen.alarms.set(name, minutes) : seen.alarms.delete(name)),
    clear: async (name) => void seen.alarms.delete(name),
  };
  const deps: WorkerDeps = {
    db,
    clock: async (): Promise<Clock> => ({ now: clock.now, timeZone: TZ, dayStartMinutes: 240, ...(easingDelayDays !== undefined && { easingDelayDays }) }),
    now: () => clock.now,
    gate,
    tabs: { sweepActive: async () => undefined, sweep: async (_state, tabs) => void seen.swept.push(...tabs.map((t) => t.url ?? '')) },
    alarms,
    heartbeat: async () => ({ kind: 'heartbeat', at: clock.now }),
    partners: { sync: null, partnerDone: async () => undefined },
    badge: { choice: async () => seen.badgeChoice, show: async (b) => void (seen.badge = b) },
    dataMarker: { getValue: async () => seen.marker, setValue: async (v) => void (seen.marker = v) },
    clearStorage: async () => {
      seen.storageCleared++;
      seen.marker = NO_DATA_MARKER; // the data check's record lives in extension storage
    },
    showCheckIn: async () => void seen.shown++,
    openOnboarding: async () => void seen.opened++,
    preview: { write: async (p) => void ((seen.preview = p), seen.previewWrites.push(p ? 'written' : 'removed')) },
  };
  return { w: createWorker(deps), seen, clock };
}

