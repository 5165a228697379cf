import { browser } from 'wxt/browser';
import type { CheckIn, Commitment, CommitmentDraft, FocusSession, Override, Result, Attempt } from './core/types';
import type { Pair } from './core/partners/types';

/**
 * The one message protocol between pages (popup, options, onboarding, block page) and the worker.
 * Pages read the database directly (liveQuery); every write goes through the worker, which then
 * recompiles the gate.
 */
export interface Protocol {
  'commitment.save': { req: { id?: string; draft: CommitmentDraft }; res: Result<Commitment> };
  'commitment.archive': { req: { id: string }; res: Result<Commitment> };
  'commitment.restore': { req: { id: string }; res: Result<Commitment> };
  'commitment.pause': { req: { id: string }; res: Result<Commitment> };
  'commitment.resume': { req: { id: string }; res: Result<Commitment> };
  'focus.start': { req: { commitmentId: string; attemptIds?: string[] }; res: Result<FocusSession> };
  'focus.stop': { req: { sessionId: string }; res: Result<FocusSession> };
  'checkin': { req: { commitmentId: string; day?: 'today' | 'yesterday' }; res: Result<CheckIn> };
  'checkin.undo': { req: { checkInId: string }; res: Result<null> };
  'checkin.describe': { req: { checkInId: string; note: string; rating?: number }; res: Result<CheckIn> };
  'block.arrive': { req: { url: string }; res: Attempt[] };
  'block.goAnyway': { req: { url: string; minutes: number; attemptIds: string[] }; res: Result<Override> };
  'gate.refresh': { req: Record<string, never>; res: null };
  // Partner sync (docs/sync.md). Without a Firebase config every one of these answers that sync is not set up.
  'partner.name': { req: { name: string }; res: Result<string> };
  'partner.invite': { req: Record<string, never>; res: Result<{ code: string; display: string; expiresAt: number }> };
  'partner.cancelInvite': { req: Record<string, never>; res: Result<null> };
  'partner.redeem': { req: { code: string }; res: Result<Pair> };
  'partner.end': { req: { pairId: string }; res: Result<null> };
  'partner.dismiss': { req: { pairId: string }; res: Result<null> };
  'partner.share': { req: { commitmentId: string; pairId: string; shared: boolean }; res: Result<null> };
  'partner.primary': { req: { pairId: string }; res: Result<null> };
  /** A page opened (throttled by the worker) or the person asked for a refresh. */
  'partner.pull': { req: { reason: 'page' | 'manual' }; res: Result<{ pulled: boolean; offline?: boolean }> };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { type: T } & Protocol[T]['req'];
export type Handlers = { [T in MessageType]: (req: Protocol[T]['req']) => Promise<Protocol[T]['res']> };
export type PartnerMessage = Extract<MessageType, `partner.${string}`>;
export type PartnerHandlers = Pick<Handlers, PartnerMessage>;
export type LocalHandlers = Omit<Handlers, PartnerMessage>;

export function send<T extends MessageType>(type: T, req: Protocol[T]['req']): Promise<Protocol[T]['res']> {
  return browser.runtime.sendMessage({ type, ...req }) as Promise<Protocol[T]['res']>;
}

/**
 * Routes messages to handlers; unknown messages are left for other listeners. A handler that throws
 * rejects the sender's promise with a message the page can show (pages use `attempt` below).
 */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown })?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const { type: _t, ...req } = message as Message;
    return (handlers[type as MessageType] as (r: unknown) => Promise<unknown>)(req).catch((err: unknown) => {
      console.error(`Tandem: ${type} failed`, err);
      throw new Error(`Something went wrong (${type}). Nothing was lost; please try again.`);
    });
  });
}

/** Sends an action and turns any failure, including a worker error, into a Result for the page to show. */
export async function attempt<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await pending;
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

