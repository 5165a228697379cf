import { storage } from 'wxt/utils/storage';

/** Sync's small settings and bookkeeping (extension storage, so pages see changes at once). */
export interface SyncState {
  /** The name partners see; asked for before the first invite. */
  name: string;
  /** The invite this person created and is waiting on. */
  pendingInvite?: { code: string; expiresAt: number };
  lastPullAt?: number;
  /** The last pull or push failed for want of a network (shown as "offline — will retry"). */
  offlineSince?: number;
  /** Notify when a partner completes today's commitments (needs the optional notifications permission). */
  notifyPartnerDone: boolean;
}

export const syncStateItem = storage.defineItem<SyncState>('local:sync', {
  fallback: { name: '', notifyPartnerDone: false },
});
