// What the backup tests share: a person's records made through the product's own services, the handlers in a
// worker-like setting (settings in memory), and a snapshot of every table to compare before and after.
import type { TandemDB } from '@/utils/db/db';
import type { Clock, CommitmentDraft, Settings } from '@/utils/core/types';
import { localInstant } from '@/utils/core/days';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import { saveCommitment, pauseCommitment, resumeCommitment } from '@/utils/services/commitments';
import { checkIn, describeCheckIn } from '@/utils/services/checkin';
import { startFocus, stopFocus } from '@/utils/services/focus';
import { recordArrival } from '@/utils/services/block-page';
import { saveReview } from '@/utils/services/review';
import { createBackupHandlers } from '@/utils/services/backup/handlers';
import type { BackupsDB } from '@/utils/db/backups-db';

export const TZ = 'Europe/Berlin';
export const at = (day: string, hhmm: number) => localInstant(day, hhmm, TZ);
export const clockAt = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 });

const habit: CommitmentDraft = { title: 'Stretch', why: 'My back', sites: [], requirement: { kind: 'habit', times: 2, per: 'day' }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }] };

/** Two commitments with a few days of everything: sessions, check-ins with a note and a rating, arrivals, an edit, a pause. */
export async function makeRecords(db: TandemDB): Promise<void> {
  const deep = await saveCommitment(db, deepWorkBeforeEmail(), clockAt(at('2026-03-02', 7 * 60)));
  const stretch = await saveCommitment(db, habit, clockAt(at('2026-03-02', 7 * 60)));
  if (!deep.ok || !stretch.ok) throw new Error('setup');
  for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) {
    const s = await startFocus(db, deep.value.id, clockAt(at(day, 8 * 60)));
    if (s.ok) await stopFocus(db, s.value.id, clockAt(at(day, 8 * 60 + 40)));
    await recordArrival(db, [deep.value.id], clockAt(at(day, 8 * 60 + 50)));
    const k = await checkIn(db, stretch.value.id, clockAt(at(day, 19 * 60)));
    if (k.ok) await describeCheckIn(db, k.value.id, `Felt good on ${day}`, 4, clockAt(at(day, 19 * 60 + 1)));
  }
  // A harder edit keeps the old rules for the days before it; an easier one waits; a pause (from the 6th) and a resume.
  await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'focus', minutes: 90 } }, clockAt(at('2026-03-05', 7 * 60)), deep.value.id);
  await saveCommitment(db, { ...deepWorkBeforeEmail(), requirement: { kind: 'focus', minutes: 75 } }, clockAt(at('2026-03-05', 8 * 60)), deep.value.id);
  await pauseCommitment(db, stretch.value.id, clockAt(at('2026-03-03', 9 * 60)), { reason: 'a cold' });
  await resumeCommitment(db, stretch.value.id, clockAt(at('2026-03-07', 9 * 60)));
  // The week's review, finished, with a plan for deep work (a late review of the week of 2 March, written on the 9th).
  const review = await saveReview(db, {
    weekStart: '2026-03-02', finish: true,
    draft: { kept: {}, obstacles: ['email-first'], notes: 'Email first, twice.', ratings: { consistency: 3, confidence: 4, stress: 2 },
      intentions: [{ id: 'plan-1', cue: { kind: 'time', minutes: 9 * 60 }, commitmentId: deep.value.id, action: '' }] },
  }, clockAt(at('2026-03-09', 10 * 60)));
  if (!review.ok) throw new Error(review.error);
  await db.siteDays.bulkPut([
    { site: 'docs.google.com', day: '2026-03-03', seconds: 1234, visits: 3 },
    { site: 'docs.google.com', day: '2026-03-04', seconds: 60.5, visits: 1 },
  ]);
}

/** Every table of the database, each sorted by its key, and the settings: what "unchanged" is checked against. */
export async function everything(db: TandemDB, settings?: Settings): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { settings };
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The import handlers as the worker has them, with settings kept in memory and the gate refresh counted. */
export function handlersFor(db: TandemDB, store: BackupsDB, now: number, initial: Settings = { dayStartMinutes: 240, weekStartsOn: 1 }) {
  const state = { settings: initial, refreshes: 0 };
  let waiting: (() => void)[] = [];
  const refresh = async () => {
    state.refreshes++;
    for (const wake of waiting.splice(0)) wake();
  };
  const handlers = createBackupHandlers(
    { db, clock: async () => clockAt(now), refresh },
    { store, settings: { getValue: async () => state.settings, setValue: async (v) => void (state.settings = v) } },
  );
  /** Resolves once the gate was refreshed `n` times in all: an import's caches and gate follow its answer. */
  const refreshed = async (n = 1) => {
    while (state.refreshes < n) await new Promise<void>((wake) => waiting.push(wake));
  };
  return { handlers, state, refreshed };
}
