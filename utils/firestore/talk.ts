import { Timestamp, collection, deleteDoc, doc, getDocs, query, serverTimestamp, setDoc, where, writeBatch } from 'firebase/firestore/lite';
import { decodeReview, encodeReview, type SharedReview } from '../core/partners/shared-review';
import { readMessage, type PartnerMessage } from '../core/partners/messages';
import type { Remote } from './remote';

/**
 * The pair's `talk` (issue 10; docs/sync.md): each member's latest shared weekly review (`talk/{uid}`) and the
 * messages (`talk/{uid}_{day}_{n}`), in one collection so that one query reads what is new of both. One function
 * per document operation, counted like remote.ts's.
 */

export async function writeReview(r: Remote, pairId: string, review: SharedReview): Promise<void> {
  r.counts.writes++;
  await setDoc(doc(r.db, 'pairs', pairId, 'talk', r.uid), { ...encodeReview(review), at: serverTimestamp() });
}

/** Create-only: the id counts the sender's messages of the day, and the rules hold it under their limit. */
export async function sendMessage(r: Remote, pairId: string, m: Pick<PartnerMessage, 'id' | 'kind' | 'text' | 'day'>): Promise<void> {
  r.counts.writes++;
  await setDoc(doc(r.db, 'pairs', pairId, 'talk', m.id), { from: r.uid, kind: m.kind, text: m.text, day: m.day, at: serverTimestamp() });
}

export async function deleteMessage(r: Remote, pairId: string, messageId: string): Promise<void> {
  r.counts.writes++;
  await deleteDoc(doc(r.db, 'pairs', pairId, 'talk', messageId));
}

/** An ended pair's reviews and messages, in one batch (the rules let either member delete them once it has ended). */
export async function deleteTalk(r: Remote, pairId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const batch = writeBatch(r.db);
  for (const id of ids) batch.delete(doc(r.db, 'pairs', pairId, 'talk', id));
  r.counts.writes += ids.length;
  await batch.commit();
}

/** One query: a read for each document returned (one at least, also when none is). */
export async function readTalk(r: Remote, pairId: string, since: number): Promise<{ reviews: { by: string; review: SharedReview }[]; messages: PartnerMessage[] }> {
  const snap = await getDocs(query(collection(r.db, 'pairs', pairId, 'talk'), where('at', '>', Timestamp.fromMillis(since))));
  r.counts.reads += Math.max(1, snap.size);
  const reviews: { by: string; review: SharedReview }[] = [];
  const messages: PartnerMessage[] = [];
  for (const d of snap.docs) {
    const data = { ...d.data() };
    data.at = data.at instanceof Timestamp ? data.at.toMillis() : undefined;
    if ('weekStart' in data) {
      const review = decodeReview(data);
      if (review) reviews.push({ by: d.id, review });
    } else {
      const m = readMessage(pairId, d.id, data);
      if (m) messages.push(m);
    }
  }
  return { reviews, messages: messages.sort((a, b) => a.at - b.at) };
}
