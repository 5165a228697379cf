import type { Summary } from './summary';
import type { ReviewShareChoice, SharedReview } from './shared-review';
import type { PartnerMessage } from './messages';

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
  /** The weekly review last delivered to this pair (issue 10; what the next one is compared with). */
  lastReview?: SharedReview;
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
  | { id: string; kind: 'end'; pairId: string; partnerUid: string; dueAt: number; attempts: number }
  /** The weekly review for a pair (`review:<pairId>`, a newer one replaces it), a message, a message taken back (issue 10). */
  | { id: string; kind: 'review'; pairId: string; review: SharedReview; dueAt: number; attempts: number }
  | { id: string; kind: 'message'; pairId: string; message: PartnerMessage; dueAt: number; attempts: number }
  | { id: string; kind: 'unsend'; pairId: string; messageId: string; dueAt: number; attempts: number };

/** A partner's weekly review as read here (table partnerReviews, schema 9), and when this person opened it. */
export interface PartnerReviewRecord {
  pairId: string;
  review: SharedReview;
  fetchedAt: number;
  /** The `at` of the review the person last read (the popup says "waiting" for a newer one). */
  readAt?: number;
}

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
  /** What a shared weekly review carries besides the figures (issue 10); DEFAULT_SHARE_CHOICE when unset. */
  reviewShare?: ReviewShareChoice;
  /** When the pairs' reviews and messages were last read (they are read less often than summaries). */
  lastTalkAt?: number;
  /** When every message was last read again (to see those their sender deleted); daily. */
  lastTalkFullAt?: number;
  /** "Done together" days already notified (issue 10), newest last; a few kept. */
  togetherNotified?: string[];
}

export const NO_SYNC_STATE: SyncState = { name: '', notifyPartnerDone: false };
