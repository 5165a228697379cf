import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemDB } from '@/utils/db/db';
import { dropDb, openFreshDb } from './fresh-db';
import { AT_8, TZ, workerWith } from './worker-harness';
import { previewPage } from '@/utils/core/block-preview';
import { stakeSentence, turnedBackSentence } from '@/utils/core/block-page';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import type { Clock, CommitmentDraft } from '@/utils/core/types';

let db: TandemDB;
beforeEach(async () => {
  db = await openFreshDb('block-preview');
});
afterEach(() => dropDb(db));

const allDay: CommitmentDraft['schedule'] = [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 240 }];
const checkInGate: CommitmentDraft = { ...deepWorkBeforeEmail(), requirement: { kind: 'checkin' }, schedule: allDay };
const clockAt = (now: number): Clock => ({ now, timeZone: TZ, dayStartMinutes: 240 });
/** What a person reads first, from a page's data: each stake, and the turned-back line. */
const words = (page: { views: Parameters<typeof stakeSentence>[0][]; turnedBack: Parameters<typeof turnedBackSentence>[0] } | null) =>
  page && { stakes: page.views.map(stakeSentence), turnedBack: turnedBackSentence(page.turnedBack) };

describe('the block preview', () => {
  it('is written after a refresh that closes the gate, and removed when the gate holds nothing', async () => {
    const { w, seen } = workerWith(db);
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    await expect.poll(() => seen.preview?.views.map((v) => v.commitment.id)).toEqual([saved.value.id]);
    expect(seen.preview).toMatchObject({ day: '2026-03-04', at: AT_8 });
    expect(seen.preview!.until).toBe(seen.state.nextChangeAt); // nothing on it moves with the clock alone
    expect(previewPage(seen.preview, [saved.value.id], clockAt(AT_8))?.views[0]?.commitment.title).toBe(checkInGate.title);

    await w.handlers.checkin({ commitmentId: saved.value.id }, { id: 'checkin-1' }); // done: the gate opens
    await expect.poll(() => seen.preview).toBeNull();
  });

  it('is written again after an arrival, with the counts the next visit will be answered with', async () => {
    const { w, seen, clock } = workerWith(db);
    const saved = await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    if (!saved.ok) throw new Error(saved.error);
    const ids = [saved.value.id];
    await expect.poll(() => seen.preview).toBeTruthy();
    const before = seen.previewWrites.length;
    await w.handlers['block.arrive']({ commitmentIds: ids }, { id: 'arrive-1' }); // left turned back
    // Removed as the arrival begins (its counts go out of date), written again after it.
    await expect.poll(() => seen.previewWrites.slice(before)).toEqual(['removed', 'written']);

    clock.now = AT_8 + 60_000;
    const early = previewPage(seen.preview, ids, clockAt(clock.now));
    const next = await w.handlers['block.arrive']({ commitmentIds: ids }, { id: 'arrive-2' });
    expect(early?.turnedBack).toEqual({ today: 1, week: 1 });
    expect(words(early)).toEqual(words(next.page));
  });

  it('costs the block page’s own load nothing: its address is neither swept nor looked up as a site', async () => {
    const { w, seen } = workerWith(db);
    await w.handlers['commitment.save']({ draft: checkInGate }, { id: 'save-1' });
    await w.tabUrlChanged(1, 'chrome-extension://x/block.html#https://mail.google.com/');
    expect(await w.siteOf('chrome-extension://x/block.html#https://mail.google.com/')).toBeNull();
    expect(seen.swept).toEqual([]);
    await w.tabUrlChanged(1, 'https://mail.google.com/');
    expect(seen.swept).toEqual(['https://mail.google.com/']);
  });
});
