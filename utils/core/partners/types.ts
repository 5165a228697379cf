import type { Summary } from './summary';

/**
 * Partner sync's records, as plain data: the database stores them (utils/db/db.ts), the services and the
 * message protocol use them, and none of them needs to know about the other.
 */

/** A partnership as this device knows it. */
export interface Pair {
  id: string;
  partnerUid: string;
  partnerName: string;
  createdAt: number;
  /** The partner whose streak the toolbar badge shows; the oldest pair when none is chosen. */
  primary?: boolean;
  /** The summary last delivered to this pair, and when (what the next one is compared with). */
  lastPushed?: Summary;
  lastPushAt?: number;
  /** Set when the pair ended, by whom; the record stays until the person has seen it. */
  ended?: { by: 'me' | 'partner'; at: number };
}

/** The latest summary read from a partner. */
export interface PartnerSummary {
  pairId: string;
  summary: Summary;
  fetchedAt: number;
}

/** Something to deliver: one pending summary per pair (a newer one replaces it), or the end of a pair. */
export type OutboxItem =
  | { id: string; kind: 'summary'; pairId: string; summary: Summary; dueAt: number; attempts: number }
  | { id: string; kind: 'end'; pairId: string; partnerUid: string; dueAt: number; attempts: number };

/** Sync's small settings and bookkeeping (kept in extension storage, so pages see changes at once). */
export interface SyncState {
  /** The name partners see; asked for before the first invite. */
  name: string;
  /** The invite this person created and is waiting on. */
  pendingInvite?: { code: string; expiresAt: number };
  lastPullAt?: number;
  /** When the partners' grants of repairs were last read (issue 11; services/partners/grants.ts). */
  lastGrantsAt?: number;
  /** The last pull or push failed for want of a network (shown as "offline — will retry"). */
  offlineSince?: number;
  /** Notify when a partner completes today's commitments (needs the optional notifications permission). */
  notifyPartnerDone: boolean;
}

export const NO_SYNC_STATE: SyncState = { name: '', notifyPartnerDone: false };
