import type { Clock } from '../core/types';
import type { GateState } from '../core/gate';
import { composeBlockPreview, type BlockPreview } from '../core/block-preview';
import { pastByCommitment } from '../core/today';
import type { TandemDB } from '../db/db';
import { blockViews, readBlockPage, type BlockPageReads } from './block-page';

/** Where the block preview is kept for block pages to read (utils/browser/block-preview.ts: extension storage). */
export interface PreviewStore {
  /** Keep this preview, or none (nothing is held back). */
  write(preview: BlockPreview | null): Promise<void>;
}

/** The block preview for the gate as published: the commitments it holds, from reads made at `clock.now`. */
export function previewFromReads(reads: BlockPageReads, gate: GateState, clock: Clock): BlockPreview | null {
  const ids = new Set(gate.closed.map((c) => c.commitmentId));
  if (ids.size === 0) return null;
  const commitments = reads.data.commitments.filter((c) => ids.has(c.id));
  // Past days are the same all day long: judged once, not at each instant the preview's time is looked for at.
  const past = pastByCommitment(commitments, reads.data.history, clock, reads.data.caches);
  const viewsAt = (at: number) => blockViews(reads, ids, { ...clock, now: at }, past);
  return composeBlockPreview(viewsAt, reads.attempts, clock, gate.nextChangeAt);
}

/**
 * Prepares what the block page first shows, after a change to the gate or the counts (worker.ts runs it after
 * the answers pages wait for). A preview that cannot be made is removed, so a page never paints an old one.
 */
export async function writeBlockPreview(db: TandemDB, gate: GateState, clock: Clock, store: PreviewStore): Promise<void> {
  try {
    await store.write(previewFromReads(await readBlockPage(db, clock.now), gate, clock));
  } catch (err) {
    await store.write(null);
    throw err;
  }
}
