import {
  Timestamp, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, writeBatch, type Firestore,
} from 'firebase/firestore/lite';
import { INVITE_LIFETIME_MS } from '../core/partners/invite-code';
import type { Summary } from '../core/partners/summary';
import { decodeSummary, encodeSummary } from '../core/partners/wire';
import { tr } from '@/utils/core/i18n';

/**
 * The Firestore side of sync, one function per document operation (docs/sync.md). Lite SDK only: plain
 * fetch requests, no listeners, no XMLHttpRequest. Every read and write is counted so the cost of a
 * day of sync can be measured (`npm run bench`) and kept low.
 */
export interface Remote {
  db: Firestore;
  /** The signed-in person's uid. */
  uid: string;
  counts: { reads: number; writes: number };
  /** Deletes the signed-in anonymous account (Firebase Auth), signing this device out. */
  deleteAccount: () => Promise<void>;
}

export interface RemoteInvite {
  owner: string;
  ownerName: string;
  usedBy: string | null;
  pairId: string | null;
  /** The server's creation time + 24 h (what the rules hold it to), ms. */
  expiresAt: number;
}

export interface RemotePair {
  members: [string, string];
  invite: string;
  ended: boolean;
  endedBy: string | null;
}

/**
 * The invite's expiry follows from its creation time, which the server sets (the rules: 24 hours from it), so a
 * device clock that is off plays no part. The `expiresAt` returned is on this device's clock, for showing.
 * One invite per person (the rules): the batch points `inviters/{uid}` at the new code and deletes the invite it
 * named before, if any is left (one this device no longer knows of, too).
 */
export async function createInvite(r: Remote, code: string, ownerName: string, now: number): Promise<{ expiresAt: number }> {
  const mine = doc(r.db, 'inviters', r.uid);
  r.counts.reads++;
  const previous: unknown = (await getDoc(mine)).data()?.code;
  const batch = writeBatch(r.db);
  if (typeof previous === 'string' && previous !== code) {
    r.counts.writes++;
    batch.delete(doc(r.db, 'invites', previous));
  }
  r.counts.writes += 2;
  batch.set(mine, { code });
  batch.set(doc(r.db, 'invites', code), { owner: r.uid, ownerName, createdAt: serverTimestamp(), usedBy: null, pairId: null });
  await batch.commit();
  return { expiresAt: now + INVITE_LIFETIME_MS };
}

/** What a used invite reads as to anyone but its two people, whom the rules no longer let others see. */
const USED_BY_OTHERS: RemoteInvite = { owner: '', ownerName: '', get usedBy() { return tr('remote_someone_else'); }, pairId: null, expiresAt: 0 };

/** The invite with this code; null if there is none. A used one that is not this person's reads as USED_BY_OTHERS. */
export async function readInvite(r: Remote, code: string): Promise<RemoteInvite | null> {
  r.counts.reads++;
  const snap = await nullIfDenied(getDoc(doc(r.db, 'invites', code)));
  if (snap === null) return { ...USED_BY_OTHERS };
  if (!snap.exists()) return null;
  const d = snap.data();
  return {
    owner: String(d.owner),
    ownerName: String(d.ownerName ?? ''),
    usedBy: typeof d.usedBy === 'string' ? d.usedBy : null,
    pairId: typeof d.pairId === 'string' ? d.pairId : null,
    expiresAt: d.createdAt instanceof Timestamp ? d.createdAt.toMillis() + INVITE_LIFETIME_MS : 0,
  };
}

export async function deleteInvite(r: Remote, code: string): Promise<void> {
  r.counts.writes++;
  await deleteDoc(doc(r.db, 'invites', code));
}

/** Redeem: mark the invite used and create the pair, in one batch (the rules check them together). */
export async function redeemInvite(r: Remote, code: string, owner: string, pairId: string): Promise<void> {
  r.counts.writes += 2;
  const batch = writeBatch(r.db);
  batch.update(doc(r.db, 'invites', code), { usedBy: r.uid, pairId });
  batch.set(doc(r.db, 'pairs', pairId), {
    members: [owner, r.uid],
    invite: code,
    createdAt: serverTimestamp(),
    ended: false,
    endedBy: null,
  });
  await batch.commit();
}

/** The pair, or null if it no longer exists or this person is no longer allowed to see it. */
export async function readPair(r: Remote, pairId: string): Promise<RemotePair | null> {
  r.counts.reads++;
  const snap = await nullIfDenied(getDoc(doc(r.db, 'pairs', pairId)));
  if (!snap?.exists()) return null;
  const d = snap.data();
  return {
    members: d.members as [string, string],
    invite: String(d.invite ?? ''),
    ended: d.ended === true,
    endedBy: typeof d.endedBy === 'string' ? d.endedBy : null,
  };
}

/** A read the rules refused (no longer a member, or the pair is gone) as null; any other failure as it is. */
async function nullIfDenied<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (codeOf(e) === 'permission-denied') return null;
    throw e;
  }
}

export async function writeSummary(r: Remote, pairId: string, summary: Summary): Promise<void> {
  r.counts.writes++;
  await setDoc(doc(r.db, 'pairs', pairId, 'summaries', r.uid), { ...encodeSummary(summary), updatedAt: serverTimestamp() });
}

/**
 * A member's summary (the partner's, or one's own): null when none was written, or when the pair has ended (the
 * rules refuse the read then: read the pair to tell). `updatedAt` is the server's time of the write.
 */
export async function readPartnerSummary(r: Remote, pairId: string, partnerUid: string): Promise<Summary | null> {
  r.counts.reads++;
  const snap = await nullIfDenied(getDoc(doc(r.db, 'pairs', pairId, 'summaries', partnerUid)));
  if (!snap?.exists()) return null;
  const data = snap.data();
  return decodeSummary({ ...data, updatedAt: data.updatedAt instanceof Timestamp ? data.updatedAt.toMillis() : undefined });
}

/** A repair granted to the partner (issue 11): the rules refuse a second one for a commitment within 14 days. */
export async function writeGrant(r: Remote, pairId: string, commitmentId: string, day: string): Promise<void> {
  r.counts.writes++;
  await setDoc(doc(r.db, 'pairs', pairId, 'grants', commitmentId), { by: r.uid, day, at: serverTimestamp() });
}

/** Every grant in the pair: one read (at least one, also when there is none). */
export async function readGrants(r: Remote, pairId: string): Promise<{ commitmentId: string; by: string; day: string; at: number }[]> {
  const snap = await getDocs(collection(r.db, 'pairs', pairId, 'grants'));
  r.counts.reads += Math.max(1, snap.size);
  return snap.docs.flatMap((d) => {
    const g = d.data();
    return typeof g.by === 'string' && typeof g.day === 'string' && g.at instanceof Timestamp ? [{ commitmentId: d.id, by: g.by, day: g.day, at: g.at.toMillis() }] : [];
  });
}

/** An approval of the partner's easing waiting for `day` (issue 11). */
export async function writeApproval(r: Remote, pairId: string, commitmentId: string, day: string): Promise<void> {
  r.counts.writes++;
  await setDoc(doc(r.db, 'pairs', pairId, 'approvals', commitmentId), { by: r.uid, day, at: serverTimestamp() });
}

/** Every approval in the pair: one read (at least one, also when there is none). */
export async function readApprovals(r: Remote, pairId: string): Promise<{ commitmentId: string; by: string; day: string; at: number }[]> {
  const snap = await getDocs(collection(r.db, 'pairs', pairId, 'approvals'));
  r.counts.reads += Math.max(1, snap.size);
  return snap.docs.flatMap((d) => {
    const g = d.data();
    return typeof g.by === 'string' && typeof g.day === 'string' && g.at instanceof Timestamp ? [{ commitmentId: d.id, by: g.by, day: g.day, at: g.at.toMillis() }] : [];
  });
}

/** End a pair: mark it ended and delete both summaries, in one batch. */
export async function endPair(r: Remote, pairId: string, partnerUid: string): Promise<void> {
  r.counts.writes += 3;
  const batch = writeBatch(r.db);
  batch.update(doc(r.db, 'pairs', pairId), { ended: true, endedBy: r.uid });
  batch.delete(doc(r.db, 'pairs', pairId, 'summaries', r.uid));
  batch.delete(doc(r.db, 'pairs', pairId, 'summaries', partnerUid));
  await batch.commit();
}

/**
 * Remove an ended pair's last document (the partner who did not end it does this once they have seen it), with any
 * summary still there (one that raced in after the end: the rules delete the pair only with none left). When the
 * pair is already gone, this person's own summary under it goes (left by older rules, which let a live pair be
 * deleted).
 */
export async function deletePair(r: Remote, pairId: string): Promise<void> {
  const pair = await readPair(r, pairId);
  const batch = writeBatch(r.db);
  for (const uid of new Set([r.uid, ...(pair?.members ?? [])])) {
    r.counts.writes++;
    batch.delete(doc(r.db, 'pairs', pairId, 'summaries', uid));
  }
  if (pair) {
    r.counts.writes++;
    batch.delete(doc(r.db, 'pairs', pairId));
  }
  await batch.commit();
}

/** This person's open invite and the pointer to it, together (the rules let the pointer go only with the invite). */
export async function deleteOwnInvite(r: Remote): Promise<void> {
  const mine = doc(r.db, 'inviters', r.uid);
  r.counts.reads++;
  const code: unknown = (await getDoc(mine)).data()?.code;
  if (typeof code !== 'string') return;
  r.counts.writes += 2;
  const batch = writeBatch(r.db);
  batch.delete(doc(r.db, 'invites', code));
  batch.delete(mine);
  await batch.commit();
}

/** A Firebase error's code. By shape, not class: the SDK's builds do not always share one FirestoreError class. */
function codeOf(e: unknown): string | undefined {
  return e instanceof Error && e.name === 'FirebaseError' && typeof (e as { code?: unknown }).code === 'string' ? (e as unknown as { code: string }).code : undefined;
}

/** Whether an error means "no network" (worth retrying later) rather than a refusal. Lite reports a failed fetch as 'unknown'. */
export function isOffline(e: unknown): boolean {
  const code = codeOf(e);
  if (code) return code === 'unavailable' || code === 'deadline-exceeded' || code === 'unknown';
  return e instanceof TypeError; // fetch's "Failed to fetch" (also from Auth's own requests)
}

export function isRefused(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'permission-denied' || code === 'not-found' || code === 'failed-precondition';
}
