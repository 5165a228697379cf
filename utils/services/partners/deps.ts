import type { Clock, Result } from '../../core/types';
import { fail } from '../../core/result';
import type { SyncState } from '../../core/partners/types';
import type { TandemDB } from '../../db/db';
import { isOffline, type Remote } from './remote';
import { tr } from '@/utils/core/i18n';

/**
 * What the partner-sync services are given (docs/sync.md). Nothing is kept in memory: the outbox, pairs and
 * partners' summaries live in the database, the bookkeeping in `state`.
 */
export interface SyncDeps {
  db: TandemDB;
  /** Signs in on first use and returns the server; throws an 'offline' RemoteError without a network. */
  remote: () => Promise<Remote>;
  /**
   * The server only when this device has an account there already (null: it never signed in), so deleting
   * everything does not make an account to delete it. Without it, `remote` is used.
   */
  existing?: () => Promise<Remote | null>;
  clock: () => Promise<Clock>;
  /** Sync's bookkeeping (the worker passes syncStateItem, in extension storage). */
  state: StateStore;
  /** Told about what changed, so the worker can set alarms, the badge and notifications. */
  effects?: {
    /** The next delivery is due at this instant (or null: nothing waits). */
    scheduleDelivery?: (at: number | null) => Promise<void>;
    /** A partner finished all of today's commitments. */
    partnerDone?: (name: string) => Promise<void>;
    /** Both did every one of today's shared commitments (issue 10): once per pair and day. */
    together?: (name: string) => Promise<void>;
    /** Something of this person's changed through a partner (a repair granted): recompute and push. */
    changedHere?: () => Promise<void>;
  };
}

export interface StateStore {
  getValue(): Promise<SyncState>;
  setValue(value: SyncState): Promise<void>;
}

export const OFFLINE = (): string => tr('deps_you_seem_to_be_offline_nothing');

/** Runs something a person asked for that needs the server: no network is said in words, not thrown. */
export async function online<T>(deps: SyncDeps, run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (!isOffline(e)) throw e;
    await markOffline(deps);
    return fail(OFFLINE());
  }
}

/** The server could not be reached: remember since when (kept across failures until something gets through). */
export async function markOffline(deps: SyncDeps): Promise<void> {
  const [state, { now }] = await Promise.all([deps.state.getValue(), deps.clock()]);
  if (state.offlineSince === undefined) await deps.state.setValue({ ...state, offlineSince: now });
}

export async function updateState(deps: SyncDeps, patch: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await deps.state.getValue()), ...patch };
  await deps.state.setValue(next);
  return next;
}
