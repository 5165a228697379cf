import { useEffect } from 'preact/hooks';
import { getDb } from '@/utils/db/db';
import { loadPartners } from '@/utils/db/queries';
import type { Result } from '@/utils/core/types';
import type { Pair, PartnerSummary, SyncState } from '@/utils/core/partners/types';
import { SYNC_UNAVAILABLE } from '@/utils/core/partners/partner';
import { syncConfig } from '@/utils/firestore/config';
import { syncStateItem } from '@/utils/settings';
import { useLive, useNow, useStored } from './hooks';

/**
 * What the partner components show and what they can ask for, like the commitment cards' `{ view, actions }`:
 * the view comes from usePartnersView (the database and storage, kept current), the actions from the page's
 * wiring (components/partner-actions.ts over the message protocol, or a test's own).
 */
export type PartnersView =
  /** A local-only build: partner features say so instead. */
  | { available: false }
  | {
      available: true;
      state: SyncState;
      /** Every pair, oldest first, ended ones included until dismissed. */
      pairs: Pair[];
      live: Pair[];
      summaries: Map<string, PartnerSummary>;
      now: number;
    };

/** Every answer is a Result, failures in words: the actions never throw. */
export interface PartnerActions {
  name(name: string): Promise<Result<string>>;
  invite(): Promise<Result<unknown>>;
  cancel(): Promise<Result<unknown>>;
  redeem(code: string): Promise<Result<unknown>>;
  end(pairId: string): Promise<Result<unknown>>;
  dismiss(pairId: string): Promise<Result<unknown>>;
  share(commitmentId: string, pairId: string, shared: boolean): Promise<Result<unknown>>;
  primary(pairId: string): Promise<Result<unknown>>;
  /** Partners' latest from the server; 'page' lets the worker skip it when a pull was recent. */
  refresh(reason: 'page' | 'manual'): Promise<Result<{ pulled: boolean; offline?: boolean }>>;
  /** Turning it on asks for the notifications permission (inside the click). */
  setNotifications(on: boolean): Promise<Result<unknown>>;
  openOptions(): void;
  /** Grants the partner a repair of a missed day of their commitment (issue 11). */
  grant?(pairId: string, commitmentId: string, day: string): Promise<Result<unknown>>;
  /** Approves the partner's easing waiting for `day`: it applies at once on their side (issue 11). */
  approve?(pairId: string, commitmentId: string, day: string): Promise<Result<unknown>>;
  /** A cheer (its id) or a message to the partner (issue 10). */
  send?(pairId: string, kind: 'cheer' | 'text', text: string): Promise<Result<unknown>>;
  /** Deletes one of this person's messages. */
  unsend?(pairId: string, messageId: string): Promise<Result<unknown>>;
  /** The partner's weekly review was read. */
  reviewRead?(pairId: string): Promise<Result<unknown>>;
  /** What a shared weekly review carries besides the figures. */
  reviewShare?(choice: { plans: boolean; ratings: boolean }): Promise<Result<unknown>>;
  /** Opens the weekly review page (where a partner's week is read and answered). */
  openReview?(): void;
}

/** A local-only build's words where partner features would be (the README tells developers how to get sync). */
export const LOCAL_ONLY = SYNC_UNAVAILABLE;

const OFF: PartnersView = { available: false };

/** Pairs, what partners last shared and sync's bookkeeping, kept current; undefined until the first read. */
export function usePartnersView(): PartnersView | undefined {
  const data = useLive(() => loadPartners(getDb()), []);
  const state = useStored(syncStateItem);
  const now = useNow(60_000); // whether a partner's summary is still of their today
  if (!syncConfig) return OFF;
  return data && state ? { available: true, state, ...data, now } : undefined;
}

/** Asks for partners' latest when a page opens (the worker decides whether a read is worth it). */
export function usePullOnOpen(view: PartnersView, actions: PartnerActions): void {
  useEffect(() => {
    if (view.available) void actions.refresh('page');
  }, []);
}
