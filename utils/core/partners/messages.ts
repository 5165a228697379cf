import type { DayKey, Result } from '../types';
import { fail, ok } from '../result';
import { tr } from '../i18n';

/**
 * Cheers and short messages between partners (issue 10): small documents in the pair, one per message, written
 * once and never changed. Plain text only (pages render it as text, never as HTML), at most MESSAGE_MAX characters,
 * at most MESSAGES_PER_DAY a day from each partner in a pair, kept KEEP_MS (older ones are pruned by their sender
 * and ignored by readers). Only the person types them: nothing is ever put into one automatically but the drafted
 * nudge the person edits and sends (nudge.ts), which holds titles and weekdays only.
 */
export type MessageKind = 'cheer' | 'text';

export interface PartnerMessage {
  /** `{senderUid}_{day}_{n}`: deterministic, so a retry writes the same document and the rules count the day's. */
  id: string;
  pairId: string;
  from: string;
  kind: MessageKind;
  /** The words, or a cheer's id (CHEERS). */
  text: string;
  /** The sender's calendar day it was sent on. */
  day: DayKey;
  /** When the server stored it (ms); for one still on its way, when it was sent on this device. */
  at: number;
  /** Still in the outbox (not on the server yet). */
  sending?: boolean;
  /** Refused by the server (over the day's limit, or too late): shown as not sent. */
  failed?: boolean;
  /** Delivered, but `at` is still this device's time (until it is read back with the server's). */
  atLocal?: boolean;
}

/** The small set of one-click cheers: the id is what is stored (the rules accept exactly these). */
export const CHEERS = [
  { id: 'clap', emoji: '👏', words: () => tr('cheer_clap') },
  { id: 'fire', emoji: '🔥', words: () => tr('cheer_fire') },
  { id: 'strong', emoji: '💪', words: () => tr('cheer_strong') },
  { id: 'heart', emoji: '💛', words: () => tr('cheer_heart') },
  { id: 'star', emoji: '⭐', words: () => tr('cheer_star') },
] as const;
export type CheerId = (typeof CHEERS)[number]['id'];

/** Every field that leaves in a message (PRIVACY.md; the id carries the sender, their day and a number). */
export const MESSAGE_KEYS = ['from', 'kind', 'text', 'day'] as const;

export const MESSAGE_MAX = 500;
export const MESSAGES_PER_DAY = 10;
export const KEEP_WEEKS = 8;
export const KEEP_MS = KEEP_WEEKS * 7 * 86_400_000;

/** The typed words as a message: trimmed, 1–MESSAGE_MAX characters, or a message saying what to change. */
export function parseMessageText(typed: string): Result<string> {
  const text = typed.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) return fail(tr('message_text_write_a_few_words'));
  if ([...text].length > MESSAGE_MAX) return fail(tr('message_text_keep_it_under', { max: MESSAGE_MAX, n: [...text].length }));
  return ok(text);
}

export const isCheer = (id: string): id is CheerId => CHEERS.some((c) => c.id === id);

/** What a message says, as text for the page: a cheer in words, a message as written. */
export function messageWords(m: Pick<PartnerMessage, 'kind' | 'text'>): string {
  if (m.kind === 'cheer') {
    const cheer = CHEERS.find((c) => c.id === m.text);
    return cheer ? `${cheer.emoji} ${cheer.words()}` : '👏';
  }
  return m.text;
}

export const messageId = (uid: string, day: DayKey, n: number) => `${uid}_${day}_${n}`;

/**
 * The next free id for `uid` on `day`, given the messages this device knows of in the pair (read from the server
 * or waiting to go), or null when the day's MESSAGES_PER_DAY are used.
 */
export function nextMessageId(uid: string, day: DayKey, known: readonly Pick<PartnerMessage, 'id'>[]): string | null {
  const used = new Set(known.map((m) => m.id));
  for (let n = 0; n < MESSAGES_PER_DAY; n++) if (!used.has(messageId(uid, day, n))) return messageId(uid, day, n);
  return null;
}

/** A message as read from the server, checked field by field; null if it is not one. */
export function readMessage(pairId: string, id: string, data: unknown): PartnerMessage | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (typeof d.from !== 'string' || typeof d.day !== 'string' || typeof d.at !== 'number' || typeof d.text !== 'string') return null;
  if (d.kind !== 'cheer' && d.kind !== 'text') return null;
  if (d.kind === 'cheer' ? !isCheer(d.text) : [...d.text].length > MESSAGE_MAX || d.text.trim() === '') return null;
  return { id, pairId, from: d.from, kind: d.kind, text: d.text, day: d.day, at: d.at };
}

/** The messages worth showing at `now`: none older than KEEP_MS, oldest first (one id once). */
export function visibleMessages<T extends Pick<PartnerMessage, 'id' | 'at'>>(messages: readonly T[], now: number): T[] {
  const byId = new Map<string, T>();
  for (const m of messages) if (now - m.at < KEEP_MS) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The sender's own messages past KEEP_MS: theirs to delete from the server. */
export function toPrune(messages: readonly PartnerMessage[], me: string, now: number): PartnerMessage[] {
  return messages.filter((m) => m.from === me && !m.sending && now - m.at >= KEEP_MS);
}

/**
 * Reviews and messages are read at every Refresh, at a page's pull when the last read is an hour old, and by the
 * schedule every 2 hours: each read costs one (docs/sync.md, the budget).
 */
export const TALK_EVERY_MS = 2 * 60 * 60_000;
export const TALK_PAGE_MS = 60 * 60_000;
/** Every message is read again weekly (those deleted by their sender go, one's own past 8 weeks are pruned). */
export const TALK_FULL_EVERY_MS = 7 * 86_400_000;

export function talkDue(reason: 'page' | 'schedule' | 'manual', now: number, lastTalkAt: number | undefined): boolean {
  if (reason === 'manual' || lastTalkAt === undefined) return true;
  return now - lastTalkAt >= (reason === 'page' ? TALK_PAGE_MS : TALK_EVERY_MS);
}
