import { browser } from 'wxt/browser';
import type { CheckIn, Commitment, CommitmentDraft, FocusSession, Override, Result, Attempt } from './core/types';
import type { BlockPageData } from './core/block-page';
import type { Pair } from './core/partners/types';
import type { BackupCounts } from './core/backup/format';
import type { ReviewSave } from './services/review';
import type { WeeklyReview } from './core/review/types';
import { tr } from '@/utils/core/i18n';

/**
 * The one message protocol between pages (popup, options, onboarding, block page) and the worker.
 * Pages read the database directly (liveQuery); every write goes through the worker, which then
 * recompiles the gate.
 */
export interface Protocol {
  'commitment.save': { req: { id?: string; draft: CommitmentDraft }; res: Result<Commitment> };
  'commitment.archive': { req: { id: string }; res: Result<Commitment> };
  'commitment.restore': { req: { id: string }; res: Result<Commitment> };
  /** A planned pause: from tomorrow at the earliest; `until` the first day that counts again. */
  'commitment.pause': { req: { id: string; until?: string; reason?: string }; res: Result<Commitment> };
  /** The same planned pause for every live commitment that has none ahead; answers how many. */
  'commitment.pauseAll': { req: { until?: string; reason?: string }; res: Result<number> };
  /** A recalibration answered: recommit, make it fit (a smaller target, waiting as any easing) or pause; a note. */
  'commitment.recalibrate': { req: { id: string; choice: 'recommit' | 'fit' | 'pause'; note?: string }; res: Result<Commitment> };
  /** Sets a pledge ("If I miss 2 days in a week, I …"), or removes it with null; `dueWeek` the week waiting to be kept. */
  'commitment.pledge': { req: { id: string; pledge: { misses: number; stake: string } | null; dueWeek?: string }; res: Result<Commitment> };
  /** The person kept the pledge of the week starting `weekStart`. */
  'commitment.pledgeKept': { req: { id: string; weekStart: string }; res: Result<Commitment> };
  /** Drops the easing waiting for its day (services/commitments.ts). */
  'commitment.cancelPending': { req: { id: string }; res: Result<Commitment> };
  'commitment.resume': { req: { id: string }; res: Result<Commitment> };
  'focus.start': { req: { commitmentId: string; attemptIds?: string[] }; res: Result<FocusSession> };
  'focus.stop': { req: { sessionId: string }; res: Result<FocusSession> };
  'checkin': { req: { commitmentId: string; day?: 'today' | 'yesterday' }; res: Result<CheckIn> };
  'checkin.undo': { req: { checkInId: string }; res: Result<null> };
  'checkin.describe': { req: { checkInId: string; note: string; rating?: number }; res: Result<CheckIn> };
  /**
   * An arrival on the block page, for the commitments the page saw holding the site back (no URL is sent); the
   * answer is all the page paints from. `block.view`: the same for a visit already recorded (a reload).
   */
  'block.arrive': { req: { commitmentIds: string[] }; res: { attempts: Attempt[]; page: BlockPageData } };
  'block.view': { req: { commitmentIds: string[]; attemptIds: string[] }; res: BlockPageData };
  'block.goAnyway': { req: { url: string; minutes: number; attemptIds: string[] }; res: Result<Override> };
  'gate.refresh': { req: Record<string, never>; res: null };
  /** Everything the person made, on this device and (when paired) on the sync server: see services/everything.ts. */
  'data.deleteEverything': { req: Record<string, never>; res: Result<null> };
  // Partner sync (docs/sync.md). Without a Firebase config every one of these answers that sync is not set up.
  'partner.name': { req: { name: string }; res: Result<string> };
  'partner.invite': { req: Record<string, never>; res: Result<{ code: string; display: string; expiresAt: number }> };
  'partner.cancelInvite': { req: Record<string, never>; res: Result<null> };
  'partner.redeem': { req: { code: string }; res: Result<Pair> };
  'partner.end': { req: { pairId: string }; res: Result<null> };
  'partner.dismiss': { req: { pairId: string }; res: Result<null> };
  'partner.share': { req: { commitmentId: string; pairId: string; shared: boolean }; res: Result<null> };
  'partner.primary': { req: { pairId: string }; res: Result<null> };
  /** Grants the partner a repair of a missed day of one of their shared commitments (issue 11). */
  'partner.grant': { req: { pairId: string; commitmentId: string; day: string }; res: Result<null> };
  /** Approves the partner's easing waiting for `day`, so it applies at once on their side (issue 11). */
  'partner.approve': { req: { pairId: string; commitmentId: string; day: string }; res: Result<null> };
  /** A cheer (its id) or a short message to the partner of `pairId` (issue 10), through the outbox. */
  'partner.send': { req: { pairId: string; kind: 'cheer' | 'text'; text: string }; res: Result<null> };
  /** Deletes one of this person's messages, here and on the server. */
  'partner.unsend': { req: { pairId: string; messageId: string }; res: Result<null> };
  /** The person read the partner's weekly review (the popup stops saying it waits). */
  'partner.reviewRead': { req: { pairId: string }; res: Result<null> };
  /** What the weekly review shared with partners carries besides the figures. */
  'partner.reviewShare': { req: { plans: boolean; ratings: boolean }; res: Result<null> };
  /** A page opened (throttled by the worker) or the person asked for a refresh. */
  'partner.pull': { req: { reason: 'page' | 'manual' }; res: Result<{ pulled: boolean; offline?: boolean }> };
  /** Your data (utils/services/backup/): replace this device's records with an export file's, or a daily backup's. */
  'data.import': { req: { text: string }; res: Result<BackupCounts> };
  'backup.restore': { req: { snapshotId: string }; res: Result<BackupCounts> };
  /** The weekly review (utils/services/review.ts): kept as it is typed, or finished. */
  'review.save': { req: ReviewSave; res: Result<Pick<WeeklyReview, 'weekStart' | 'status' | 'updatedAt'>> };
}

export type MessageType = keyof Protocol;
/** What travels: the type, the page-made id of this action (the same on every retry), and the request. */
export type Message<T extends MessageType = MessageType> = { type: T; requestId: string } & Protocol[T]['req'];
/** The action's id and when the page sent it, for handlers that apply a write once (services/apply-once.ts). */
export interface RequestMeta {
  id: string;
}
export type Handlers = { [T in MessageType]: (req: Protocol[T]['req'], meta: RequestMeta) => Promise<Protocol[T]['res']> };
export type PartnerMessage = Extract<MessageType, `partner.${string}`>;
export type PartnerHandlers = Pick<Handlers, PartnerMessage>;
/** Composed by the worker itself (they reach across the local records and partner sync). */
export type WorkerMessage = 'data.deleteEverything';
export type BackupMessage = 'data.import' | 'backup.restore';
export type BackupHandlers = Pick<Handlers, BackupMessage>;
export type LocalHandlers = Omit<Handlers, PartnerMessage | BackupMessage | WorkerMessage>;

/**
 * The worker's reply. A handler's failure is an answer too (said in words), so a page can tell it from a lost
 * answer: the browser rejects `sendMessage` only when the worker stopped or was not there, and then the same
 * message is simply sent again.
 */
type Reply = { answer: unknown } | { failure: string };

const FAILED = (): string => tr('messages_something_went_wrong_on_tandems');
const UNREACHABLE = (): string => tr('messages_tandem_could_not_finish_that');
/**
 * Said on the page when an action was answered after a retry. A worker stopped right after committing a write may
 * not have told the pages (Dexie posts its change notice after the commit), and the retry is answered from the
 * record of applied actions without writing again: the page's live reads read again (components/hooks.ts).
 */
export const RETRIED_EVENT = 'tandem:retried';

/** Waits before each new try when an answer was lost: the worker restarts on the next message, usually at once. */
export const RETRY_DELAYS_MS = [50, 150, 300, 600, 1200, 2400];

/**
 * Sends an action to the worker. Its id is made here, once, so a retry after a lost answer is the same action
 * (the worker applies an id once). Rejects only with a message written for the person.
 */
export async function send<T extends MessageType>(type: T, req: Protocol[T]['req']): Promise<Protocol[T]['res']> {
  const message = { ...req, type, requestId: crypto.randomUUID() };
  for (let tries = 0; ; tries++) {
    // A browser that throws at once (the extension was just updated or reloaded) is a lost answer too.
    const reply = (await Promise.resolve()
      .then(() => browser.runtime.sendMessage(message))
      .catch(() => undefined)) as Reply | undefined;
    if (reply && 'answer' in reply) {
      if (tries > 0) globalThis.dispatchEvent?.(new Event(RETRIED_EVENT));
      return reply.answer as Protocol[T]['res'];
    }
    if (reply && 'failure' in reply) throw new Said(reply.failure);
    if (tries >= RETRY_DELAYS_MS.length) throw new Said(UNREACHABLE());
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[tries]));
  }
}

/** Routes messages to handlers; unknown messages are left for other listeners. Every reply is a `Reply`. */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const { type, requestId, ...req } = (message ?? {}) as Partial<Message>;
    if (typeof type !== 'string' || !(type in handlers) || typeof requestId !== 'string') return undefined;
    const handle = handlers[type] as (r: unknown, meta: RequestMeta) => Promise<unknown>;
    return handle(req, { id: requestId }).then(
      (answer): Reply => ({ answer }),
      (err: unknown): Reply => {
        console.error(`Tandem: ${type} failed`, err);
        return { failure: FAILED() };
      },
    );
  });
}

/** An error whose message is written for the person (the worker's failure said in words, or "could not finish"). */
export class Said extends Error {}

/** What a page may show for a failure: Tandem's own words, never a browser's or a library's message. */
export const wordsFor = (err: unknown): string => (err instanceof Said ? err.message : FAILED());

/** Sends an action and turns any failure into a Result for the page to show. */
export async function attempt<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await pending;
  } catch (err) {
    if (!(err instanceof Said)) console.error('Tandem: an action failed', err);
    return { ok: false, error: wordsFor(err) };
  }
}
