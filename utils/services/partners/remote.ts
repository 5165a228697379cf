import type { Summary } from '../../core/partners/summary';
import type { SharedReview } from '../../core/partners/shared-review';
import type { PartnerMessage } from '../../core/partners/messages';
import { tr } from '@/utils/core/i18n';

/**
 * What partner sync needs from a server, one operation per document change (docs/sync.md). The services
 * define it; utils/firestore/firestore-remote.ts implements it over Firestore Lite, and
 * tests/support/memory-remote.ts in memory, so the services can be tested without an emulator.
 *
 * A failure the services act on is thrown as a RemoteError: 'offline' (no network: nothing happened, try
 * later) or 'refused' (the server said no: the rules, a missing document). Anything else is a bug and
 * passes through as it is.
 */
export interface Remote {
  /** The signed-in person's id on the server. */
  readonly uid: string;
  /** Stores a new invite; its expiry is the server's creation time + 24 h, shown on this device's clock. */
  createInvite(code: string, ownerName: string, now: number): Promise<{ expiresAt: number }>;
  /** The invite with that exact code, or null when there is none. */
  readInvite(code: string): Promise<InviteOnServer | null>;
  deleteInvite(code: string): Promise<void>;
  /** Marks the invite used by this person and creates the pair `[owner, me]`, together or not at all. */
  redeemInvite(code: string, owner: string, pairId: string): Promise<void>;
  /** The pair, or null when it is gone or this person may no longer see it. */
  readPair(pairId: string): Promise<PairOnServer | null>;
  /** This person's summary in the pair (refused once the pair has ended, or for an older `rev`). */
  writeSummary(pairId: string, summary: Summary): Promise<void>;
  /** The partner's summary, or null when there is none (not written yet, or deleted with the pair). */
  readPartnerSummary(pairId: string, partnerUid: string): Promise<Summary | null>;
  /** Marks the pair ended by this person and deletes both summaries and every note in it, together. */
  endPair(pairId: string, partnerUid: string): Promise<void>;
  /** Removes an ended pair's last document, with anything still under it (a summary or note that raced in). */
  deletePair(pairId: string): Promise<void>;
  /** Deletes this person's open invite, if any, and the pointer to it (inviters/{uid}). */
  deleteOwnInvite(): Promise<void>;
  /** Deletes this person's anonymous account; the next partner action signs in as someone new. */
  deleteAccount(): Promise<void>;
  /**
   * Writes a note about the partner's commitment (issue 11): a repair of `day` granted ('grants', refused within
   * 14 days of the last for that commitment), or their easing waiting for `day` approved ('approvals').
   */
  writeNote(kind: NoteKind, pairId: string, commitmentId: string, day: string): Promise<void>;
  /** The notes of this kind in the pair (either member's), with the server's time of each. */
  readNotes(kind: NoteKind, pairId: string): Promise<NoteOnServer[]>;
  /** This person's latest shared weekly review in the pair (issue 10), replacing the one before. */
  writeReview(pairId: string, review: SharedReview): Promise<void>;
  /** Creates the message with its id (`{uid}_{day}_{n}`); refused when that id exists or the day's are used. */
  sendMessage(pairId: string, message: Pick<PartnerMessage, 'id' | 'kind' | 'text' | 'day'>): Promise<void>;
  /** Deletes one of this person's messages (refused for the partner's). */
  deleteMessage(pairId: string, messageId: string): Promise<void>;
  /**
   * One query for both (docs/sync.md, `talk`): the pair's reviews and messages (either member's) stored after `since`
   * (ms, the server's time), each with the server's time as `at`; messages oldest first.
   */
  readTalk(pairId: string, since: number): Promise<TalkOnServer>;
  /** Deletes these `talk` documents of an ended pair, together (either member may, once it has ended). */
  deleteTalk(pairId: string, ids: string[]): Promise<void>;
}

export interface TalkOnServer {
  reviews: { by: string; review: SharedReview }[];
  messages: PartnerMessage[];
}

/** What one member writes about the other's commitment (issue 11); ending the pair deletes them all. */
export type NoteKind = 'grants' | 'approvals';

export interface NoteOnServer {
  commitmentId: string;
  by: string;
  day: string;
  at: number;
}

export interface InviteOnServer {
  owner: string;
  ownerName: string;
  usedBy: string | null;
  pairId: string | null;
  /** The server's creation time + 24 h, ms. */
  expiresAt: number;
}

export interface PairOnServer {
  members: [string, string];
  /** The code of the invite that made the pair (it names both people; either may delete it). */
  invite: string;
  ended: boolean;
  endedBy: string | null;
}

export class RemoteError extends Error {
  constructor(
    readonly kind: 'offline' | 'refused',
    cause?: unknown,
  ) {
    super(kind === 'offline' ? tr('remote_the_sync_server_could_not_be') : tr('remote_the_sync_server_refused_the'), { cause });
    this.name = 'RemoteError';
  }
}

/** No network: worth trying again later. */
export const isOffline = (e: unknown): boolean => e instanceof RemoteError && e.kind === 'offline';

/** The server said no. */
export const isRefused = (e: unknown): boolean => e instanceof RemoteError && e.kind === 'refused';
