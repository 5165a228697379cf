import type { Result } from '../../core/types';
import { fail, ok } from '../../core/result';
import { tr } from '../../core/i18n';
import { dayKeyAt } from '../../core/days';
import {
  isCheer, KEEP_MS, MESSAGES_PER_DAY, nextMessageId, parseMessageText, toPrune, type MessageKind, type PartnerMessage,
} from '../../core/partners/messages';
import type { OutboxItem, Pair } from '../../core/partners/types';
import type { SyncDeps } from './deps';
import { deliver } from './outbox';
import { isRefused, type Remote } from './remote';

/**
 * Cheers and messages (issue 10): sent through the outbox (they wait while offline, in order), shown at once as
 * "sending". The id `{uid}_{day}_{n}` is chosen at the first delivery attempt and kept for every retry, so a
 * retry after a lost answer writes the same document. Read on a pull; the sender prunes their own past 8 weeks.
 */
const limitWords = (name: string) => tr('send_message_limit', { name, n: MESSAGES_PER_DAY });

export async function sendToPartner(deps: SyncDeps, pairId: string, kind: MessageKind, typed: string): Promise<Result<null>> {
  const { db } = deps;
  const pair = await db.pairs.get(pairId);
  if (!pair || pair.ended) return fail(tr('send_message_partnership_ended'));
  let text = typed;
  if (kind === 'cheer') {
    if (!isCheer(typed)) return fail(tr('send_message_choose_a_cheer'));
  } else {
    const parsed = parseMessageText(typed);
    if (!parsed.ok) return parsed;
    text = parsed.value;
  }
  const clock = await deps.clock();
  // The calendar day in the person's time zone (the rules accept a day in progress somewhere on Earth).
  const day = dayKeyAt(clock.now, clock.timeZone, 0);
  const mine = (await db.partnerMessages.where('pairId').equals(pairId).toArray()).filter((m) => m.from !== pair.partnerUid && m.day === day && !m.failed);
  if (mine.length >= MESSAGES_PER_DAY) return fail(limitWords(pair.partnerName));
  const local = `local:${crypto.randomUUID()}`;
  const message: PartnerMessage = { id: local, pairId, from: '', kind, text, day, at: clock.now, sending: true };
  await db.transaction('rw', db.partnerMessages, db.outbox, async () => {
    await db.partnerMessages.put(message);
    await db.outbox.put({ id: `message:${local}`, kind: 'message', pairId, message, dueAt: clock.now, attempts: 0 });
  });
  await deliver(deps);
  return ok(null);
}

/** Takes back one of this person's messages: gone here at once, from the server through the outbox. */
export async function unsend(deps: SyncDeps, pairId: string, messageId: string): Promise<Result<null>> {
  const { db } = deps;
  const [pair, m] = await Promise.all([db.pairs.get(pairId), db.partnerMessages.get(messageId)]);
  if (!pair || !m || m.pairId !== pairId || m.from === pair.partnerUid) return fail(tr('send_message_only_your_own'));
  const { now } = await deps.clock();
  await db.transaction('rw', db.partnerMessages, db.outbox, async () => {
    await db.partnerMessages.delete(messageId);
    // Not on the server yet: it simply never goes.
    const waiting = (await db.outbox.where('id').startsWith('message:').toArray()).find((i) => i.kind === 'message' && (i.message.id === messageId || i.id === `message:${messageId}`));
    if (waiting) await db.outbox.delete(waiting.id);
    else if (!m.sending && !m.failed) await db.outbox.put({ id: `unsend:${messageId}`, kind: 'unsend', pairId, messageId, dueAt: now, attempts: 0 });
  });
  await deliver(deps);
  return ok(null);
}

/** One outbox item of issue 10's: a message (its id fixed first), or a message taken back. Refusals are settled here. */
export async function deliverMessage(deps: SyncDeps, r: Remote, item: Extract<OutboxItem, { kind: 'message' | 'unsend' }>): Promise<void> {
  const { db } = deps;
  if (item.kind === 'unsend') {
    await r.deleteMessage(item.pairId, item.messageId).catch((e: unknown) => {
      if (!isRefused(e)) throw e; // refused: gone already
    });
    await db.outbox.delete(item.id);
    return;
  }
  let m = item.message;
  if (m.id.startsWith('local:')) {
    const known = await db.partnerMessages.where('pairId').equals(item.pairId).toArray();
    const id = nextMessageId(r.uid, m.day, known.filter((k) => k.from === r.uid));
    const fixed: PartnerMessage = id ? { ...m, id, from: r.uid } : { ...m, from: r.uid, sending: false, failed: true };
    await db.transaction('rw', db.partnerMessages, db.outbox, async () => {
      await db.partnerMessages.delete(m.id);
      await db.partnerMessages.put(fixed);
      if (id) await db.outbox.put({ ...item, message: fixed });
      else await db.outbox.delete(item.id);
    });
    if (!id) return;
    m = fixed;
  }
  try {
    await r.sendMessage(item.pairId, m);
  } catch (e) {
    if (!isRefused(e)) throw e;
    // A retry whose first answer was lost finds its message there; anything else (the day's limit, a day too
    // long past, the pair ended) is shown as not sent.
    const there = (await r.readTalk(item.pairId, m.at - 3 * 86_400_000).catch(() => null))?.messages ?? [];
    if (!there.some((x) => x.id === m.id && x.from === r.uid && x.kind === m.kind && x.text === m.text)) {
      await db.transaction('rw', db.partnerMessages, db.outbox, async () => {
        await db.partnerMessages.update(m.id, { sending: false, failed: true });
        await db.outbox.delete(item.id);
      });
      return;
    }
  }
  await db.transaction('rw', db.partnerMessages, db.outbox, async () => {
    if (await db.partnerMessages.get(m.id)) await db.partnerMessages.update(m.id, { sending: false, atLocal: true });
    await db.outbox.delete(item.id);
  });
}

/**
 * The pair's messages as read (`read`, since `since`): new ones kept, those past 8 weeks dropped; read in `full`
 * (weekly, from the start) those no longer there were deleted by their sender and go here too, and this person's own
 * past 8 weeks are deleted from the server. Answers how many new ones came from the partner.
 */
export async function applyMessages(deps: SyncDeps, r: Remote, pair: Pair, here: PartnerMessage[], all: PartnerMessage[], now: number, full: boolean): Promise<number> {
  const { db } = deps;
  const read = all.filter((m) => now - m.at < KEEP_MS);
  const ids = new Set(read.map((m) => m.id));
  const fresh = read.filter((m) => m.from === pair.partnerUid && !here.some((h) => h.id === m.id)).length;
  await db.transaction('rw', db.partnerMessages, async () => {
    await db.partnerMessages.bulkPut(read);
    const gone = here.filter((m) => (full && !ids.has(m.id) && !m.sending && !m.failed) || now - m.at >= KEEP_MS);
    await db.partnerMessages.bulkDelete(gone.map((m) => m.id));
  });
  if (full) {
    for (const old of toPrune(all, r.uid, now)) await r.deleteMessage(pair.id, old.id).catch(() => undefined);
  }
  return fresh;
}
