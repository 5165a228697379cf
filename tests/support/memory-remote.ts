import { INVITE_LIFETIME_MS } from '../../utils/core/partners/invite-code';
import { nextRev, type Summary } from '../../utils/core/partners/summary';
import { sameContent } from '../../utils/core/partners/wire';
import { MESSAGES_PER_DAY, type PartnerMessage } from '../../utils/core/partners/messages';
import type { SharedReview } from '../../utils/core/partners/shared-review';
import { RemoteError, type InviteOnServer, type NoteKind, type PairOnServer, type Remote } from '../../utils/services/partners/remote';

/**
 * A sync server in memory, for testing the sync services without the emulator. It keeps what the Firestore
 * rules keep (firestore.rules, docs/sync.md) as far as the services can tell: invites that are single use and
 * expire 24 h after their creation by the server's clock, pairs of two members that end once, summaries
 * written only by their member while the pair is live and never with an older `rev`, and the same answers for
 * a refusal (a RemoteError 'refused'), a missing document (null) and no network ('offline', nothing changed).
 * Reads and writes are counted as utils/firestore/remote.ts counts them.
 */
export interface StoredInvite {
  owner: string;
  ownerName: string;
  createdAt: number;
  usedBy: string | null;
  pairId: string | null;
}

export interface StoredPair extends PairOnServer {
  invite: string;
}

export interface MemoryRemote extends Remote {
  /** No network: every operation fails with an 'offline' RemoteError and changes nothing. */
  offline: boolean;
  readonly counts: { reads: number; writes: number };
}

export class MemoryServer {
  readonly invites = new Map<string, StoredInvite>();
  readonly pairs = new Map<string, StoredPair>();
  /** By `${pairId}/${uid}`. */
  readonly summaries = new Map<string, Summary>();
  /** Notes about a partner's commitment (issue 11: repairs granted, easings approved), by kind, then `${pairId}/${commitmentId}`. */
  readonly notes: Record<NoteKind, Map<string, { by: string; day: string; at: number }>> = { grants: new Map(), approvals: new Map() };
  /** Shared weekly reviews (issue 10), by `${pairId}/${uid}`. */
  readonly reviews = new Map<string, SharedReview>();
  /** Messages (issue 10), by `${pairId}/${id}`. */
  readonly messages = new Map<string, PartnerMessage>();
  /** Accounts deleted by their person (deleting everything). */
  readonly deletedAccounts = new Set<string>();

  /** `now`: the server's clock (request.time), ms. */
  constructor(public now: number) {}

  /** Every note in the pair, as ending or deleting it does. */
  dropNotes(pairId: string): void {
    for (const notes of Object.values(this.notes)) for (const key of [...notes.keys()]) if (key.startsWith(`${pairId}/`)) notes.delete(key);
  }

  summary(pairId: string, uid: string): Summary | undefined {
    return this.summaries.get(`${pairId}/${uid}`);
  }

  /** A signed-in person's connection. */
  remoteFor(uid: string): MemoryRemote {
    const server = this;
    const counts = { reads: 0, writes: 0 };
    const refused = () => new RemoteError('refused');
    /** One request: counted, and refused whole when `check` throws (a batch is all or nothing). */
    const request = <T>(kind: 'reads' | 'writes', n: number, run: () => T): Promise<T> => {
      counts[kind] += n;
      if (remote.offline) return Promise.reject(new RemoteError('offline'));
      try {
        return Promise.resolve(run());
      } catch (e) {
        return Promise.reject(e);
      }
    };
    const member = (pairId: string) => {
      const pair = server.pairs.get(pairId);
      return pair && pair.members.includes(uid) ? pair : undefined;
    };
    const remote: MemoryRemote = {
      uid,
      offline: false,
      counts,
      createInvite: (code, ownerName, now) =>
        request('writes', 1, () => {
          if (server.invites.has(code)) throw refused();
          server.invites.set(code, { owner: uid, ownerName, createdAt: server.now, usedBy: null, pairId: null });
          return { expiresAt: now + INVITE_LIFETIME_MS };
        }),
      readInvite: (code) =>
        request('reads', 1, (): InviteOnServer | null => {
          const i = server.invites.get(code);
          return i ? { owner: i.owner, ownerName: i.ownerName, usedBy: i.usedBy, pairId: i.pairId, expiresAt: i.createdAt + INVITE_LIFETIME_MS } : null;
        }),
      deleteInvite: (code) =>
        request('writes', 1, () => {
          if (server.invites.get(code)?.owner !== uid) throw refused();
          server.invites.delete(code);
        }),
      redeemInvite: (code, owner, pairId) =>
        request('writes', 2, () => {
          const i = server.invites.get(code);
          const usable = i && i.owner === owner && owner !== uid && i.usedBy === null && server.now < i.createdAt + INVITE_LIFETIME_MS;
          if (!i || !usable || server.pairs.has(pairId)) throw refused();
          server.invites.set(code, { ...i, usedBy: uid, pairId });
          server.pairs.set(pairId, { members: [owner, uid], invite: code, ended: false, endedBy: null });
        }),
      readPair: (pairId) =>
        request('reads', 1, (): PairOnServer | null => {
          const pair = member(pairId);
          return pair ? { members: [...pair.members], invite: pair.invite, ended: pair.ended, endedBy: pair.endedBy } : null;
        }),
      writeSummary: (pairId, summary) =>
        request('writes', 1, () => {
          const pair = member(pairId);
          const stored = server.summary(pairId, uid);
          // As the rules: the first write is rev 1, each next one the stored rev + 1, or the same rev again with
          // the same content (a retried delivery).
          const next = summary.rev === nextRev(stored);
          const retried = stored !== undefined && summary.rev === stored.rev && sameContent(summary, stored);
          if (!pair || pair.ended || !(next || retried)) throw refused();
          server.summaries.set(`${pairId}/${uid}`, { ...structuredClone(summary), updatedAt: server.now });
        }),
      readPartnerSummary: (pairId, partnerUid) =>
        request('reads', 1, () => {
          const s = member(pairId) && server.summary(pairId, partnerUid);
          return s ? structuredClone(s) : null;
        }),
      endPair: (pairId, partnerUid) =>
        request('writes', 3, () => {
          const pair = member(pairId);
          if (!pair || pair.ended) throw refused();
          server.pairs.set(pairId, { ...pair, ended: true, endedBy: uid });
          server.summaries.delete(`${pairId}/${uid}`);
          server.summaries.delete(`${pairId}/${partnerUid}`);
          server.dropNotes(pairId);
        }),
      deletePair: (pairId) =>
        request('writes', 1, () => {
          if (!member(pairId)) throw refused();
          server.pairs.delete(pairId);
          server.dropNotes(pairId);
        }),
      deleteOwnInvite: () =>
        request('writes', 1, () => {
          for (const [code, invite] of server.invites) if (invite.owner === uid && invite.usedBy === null) server.invites.delete(code);
        }),
      deleteAccount: () =>
        request('writes', 1, () => {
          server.deletedAccounts.add(uid);
        }),
      writeNote: (kind, pairId, commitmentId, day) =>
        request('writes', 1, () => {
          const pair = member(pairId);
          const last = server.notes[kind].get(`${pairId}/${commitmentId}`);
          // As the rules: a member of a live pair; a grant at most once per commitment in 14 days by the server's clock.
          const tooSoon = kind === 'grants' && last !== undefined && server.now < last.at + 14 * 86_400_000;
          if (!pair || pair.ended || tooSoon) throw refused();
          server.notes[kind].set(`${pairId}/${commitmentId}`, { by: uid, day, at: server.now });
        }),
      readNotes: (kind, pairId) =>
        request('reads', 1, () => {
          if (!member(pairId)) throw refused();
          return [...server.notes[kind]].filter(([k]) => k.startsWith(`${pairId}/`)).map(([k, g]) => ({ commitmentId: k.slice(pairId.length + 1), ...g }));
        }),
      writeReview: (pairId, review) =>
        request('writes', 1, () => {
          const pair = member(pairId);
          const stored = server.reviews.get(`${pairId}/${uid}`);
          // As the rules: a member of a live pair, never an older week over a newer one.
          if (!pair || pair.ended || (stored && review.weekStart < stored.weekStart)) throw refused();
          server.reviews.set(`${pairId}/${uid}`, { ...structuredClone(review), at: server.now });
        }),
      sendMessage: (pairId, m) =>
        request('writes', 1, () => {
          const pair = member(pairId);
          // As the rules: create-only, the id the sender's own with n below the day's limit.
          const [owner, day, n] = [m.id.slice(0, uid.length), m.id.slice(uid.length + 1, uid.length + 11), Number(m.id.slice(uid.length + 12))];
          if (!pair || pair.ended || owner !== uid || day !== m.day || !(n < MESSAGES_PER_DAY) || server.messages.has(`${pairId}/${m.id}`)) throw refused();
          server.messages.set(`${pairId}/${m.id}`, { id: m.id, pairId, from: uid, kind: m.kind, text: m.text, day: m.day, at: server.now });
        }),
      deleteMessage: (pairId, messageId) =>
        request('writes', 1, () => {
          const m = server.messages.get(`${pairId}/${messageId}`);
          if (!m || m.from !== uid) throw refused();
          server.messages.delete(`${pairId}/${messageId}`);
        }),
      deleteTalk: (pairId, ids) =>
        request('writes', ids.length, () => {
          const pair = server.pairs.get(pairId);
          if (pair && (!pair.members.includes(uid) || !pair.ended)) throw refused();
          for (const id of ids) {
            server.messages.delete(`${pairId}/${id}`);
            server.reviews.delete(`${pairId}/${id}`);
          }
        }),
      readTalk: (pairId, since) => {
        const messages = [...server.messages.values()].filter((m) => m.pairId === pairId && m.at > since);
        const reviews = [...server.reviews].filter(([k, r]) => k.startsWith(`${pairId}/`) && (r.at ?? 0) > since);
        return request('reads', Math.max(1, messages.length + reviews.length), () => {
          const pair = member(pairId);
          if (!pair || pair.ended) throw refused();
          return {
            reviews: reviews.map(([k, review]) => ({ by: k.slice(pairId.length + 1), review: structuredClone(review) })),
            messages: structuredClone(messages).sort((a, b) => a.at - b.at),
          };
        });
      },
    };
    return remote;
  }
}
