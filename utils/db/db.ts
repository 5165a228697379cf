import Dexie, { type EntityTable } from 'dexie';
import type { Attempt, CheckIn, Commitment, FocusSession, Override, SiteDay } from '../core/types';
import type { TrackerState } from '../core/tracking';
import type { OutcomeCache } from '../core/outcome-cache';
import type { OutboxItem, Pair, PartnerReviewRecord, PartnerSummary } from '../core/partners/types';
import type { PartnerMessage } from '../core/partners/messages';
import type { WeeklyReview } from '../core/review/types';

export type StoredTracker = TrackerState & { id: 'current' };

/**
 * The one file that owns the IndexedDB schema. Every schema change is a new entry in SCHEMA_HISTORY
 * (never edit an old one) with an `upgrade` that carries the old data over, and a fixture of the
 * previous shape in tests/db/fixtures/ that the migration test upgrades (tests/db/migrations.test.ts).
 */
export const DB_NAME = 'tandem';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
}

export const SCHEMA_HISTORY: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      commitments: 'id, archivedAt',
      sessions: 'id, outcome, day, [commitmentId+day]',
      checkIns: 'id, day, [commitmentId+day]',
      attempts: 'id, day, [commitmentId+day]',
      overrides: 'host, until',
    },
  },
  {
    // Watching site visits: time per tracked site per day, and the tracker's state (one row, id 'current').
    version: 2,
    stores: {
      siteDays: '[site+day], day',
      tracker: 'id',
    },
  },
  {
    // Final days judged once (utils/core/outcome-cache.ts): one row per commitment. Built by the worker from
    // the records, which stay the source of truth, so no data needs to move.
    version: 3,
    stores: { outcomes: 'commitmentId' },
  },
  {
    // Partner sync (docs/sync.md): pairs, the partners' latest summaries, and the outbox of summaries and pair
    // endings waiting to be delivered (durable, so changes made offline survive the worker and the browser).
    // New tables only; commitments gain an optional `sharedWith`, absent (= shared with no one) on old rows.
    version: 4,
    stores: { pairs: 'id', partnerSummaries: 'pairId', outbox: 'id, dueAt' },
  },
  {
    // Writes applied once (utils/services/apply-once.ts): each page's write carries an id; its answer is kept a
    // week so a retry after a lost answer changes nothing. A new table only.
    version: 5,
    stores: { requests: 'id, at' },
  },
  {
    // Schedules (utils/core/schedule.ts): a commitment's one `window: { days, untilMinutes }` becomes
    // `schedule: [window]`, in its earlier rules too. A window without `fromMinutes` runs from the day start, so
    // every old commitment keeps exactly its meaning. No index changes.
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      await tx.table('commitments').toCollection().modify((c: Record<string, unknown>) => {
        Object.assign(c, withSchedule(c));
        for (const r of (c.earlierRules as Record<string, unknown>[] | undefined) ?? []) Object.assign(r, withSchedule(r));
        delete c.window;
        for (const r of (c.earlierRules as Record<string, unknown>[] | undefined) ?? []) delete r.window;
      });
    },
  },
  {
    // The weekly check-in (utils/core/review/): one review per week, keyed by the first day of the week it looks
    // back on; drafts too (status 'draft'), kept as they are typed. A new table only: no data moves.
    version: 8,
    stores: { reviews: 'weekStart, status' },
  },
  {
    // The partner half of the weekly check-in (issue 10): each partner's latest shared review, and the cheers and
    // messages of each pair (both ways, the last 8 weeks). New tables only: no data moves.
    version: 9,
    stores: { partnerReviews: 'pairId', partnerMessages: 'id, pairId' },
  },
];

/** A schema-5 record's `{ window }` as schema 6's `{ schedule }` (a record that has a schedule keeps it). */
export function withSchedule(rules: Record<string, unknown>): { schedule: unknown } {
  if (Array.isArray(rules.schedule)) return { schedule: rules.schedule };
  const w = rules.window as { days?: unknown; untilMinutes?: unknown } | undefined;
  return { schedule: w ? [{ days: w.days, untilMinutes: w.untilMinutes }] : [] };
}

/** A write the worker has applied, and the answer it gave (returned again to a retry with the same id). */
export interface AppliedRequest {
  id: string;
  type: string;
  at: number;
  answer: unknown;
}

export const SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export class TandemDB extends Dexie {
  commitments!: EntityTable<Commitment, 'id'>;
  sessions!: EntityTable<FocusSession, 'id'>;
  checkIns!: EntityTable<CheckIn, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  overrides!: EntityTable<Override, 'host'>;
  siteDays!: Dexie.Table<SiteDay, [string, string]>;
  tracker!: EntityTable<StoredTracker, 'id'>;
  outcomes!: EntityTable<OutcomeCache, 'commitmentId'>;
  pairs!: EntityTable<Pair, 'id'>;
  partnerSummaries!: EntityTable<PartnerSummary, 'pairId'>;
  outbox!: Dexie.Table<OutboxItem, string>;
  requests!: EntityTable<AppliedRequest, 'id'>;
  reviews!: EntityTable<WeeklyReview, 'weekStart'>;
  partnerReviews!: EntityTable<PartnerReviewRecord, 'pairId'>;
  partnerMessages!: EntityTable<PartnerMessage, 'id'>;

  constructor(name = DB_NAME, history: SchemaVersion[] = SCHEMA_HISTORY) {
    super(name);
    for (const v of history) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let shared: TandemDB | undefined;

/** The extension's database, opened lazily so importing this module does no work at start-up. */
export function getDb(): TandemDB {
  return (shared ??= new TandemDB());
}

export function newId(): string {
  return crypto.randomUUID();
}
