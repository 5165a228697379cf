// What firestore.rules checks beyond form (docs/sync.md): a summary must describe something possible, its writes
// are ordered by a counter rather than a device clock, a pair ends one way only and leaves nothing personal behind,
// and invites stay private to their two people, one per person. Each refusal below was accepted by the rules
// before these checks; the allowed paths next to them are the app's own.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, setDoc, updateDoc, writeBatch, type Firestore } from 'firebase/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import { dayEndInstant, dayKeyAt } from '@/utils/core/days';
import {
  CODE, DAY, HOUR, OTHER_CODE, OTHER_PAIR, PAIR,
  commitment, createInvite, dayAt, endPair, newInvite, rulesEnv, summary, summaryDoc,
} from './rules-kit';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

const YEAR = 365 * DAY;

describe.skipIf(!emulator)('firestore.rules: meaning, ordering, ending, invites', () => {
  const { as, seed, seedInvite, seedPair, seedSummary } = rulesEnv('demo-tandem-rules-integrity', emulator);
  /** Bob publishes his summary. */
  const publish = (data: Record<string, unknown>) => setDoc(summaryDoc(as('bob'), 'bob'), data);
  /** Whether a document exists, read with the rules off (as an administrator would). */
  const stored = async (path: (d: Firestore) => ReturnType<typeof doc>) => {
    let found = false;
    await seed(async (d) => {
      found = (await getDoc(path(d))).exists();
    });
    return found;
  };

  // ---- a summary's meaning ----

  describe('a summary must describe something possible', () => {
    beforeEach(() => seedPair(PAIR));

    // The old format sent the best itself, and 'streak 31, best 30' passed; now it goes as best − streak = −1.
    it('a streak above the best is refused (equal is fine)', async () => {
      await assertFails(publish(summary({ commitments: [commitment(0, { streak: 31, best: 30 })] })));
      await assertSucceeds(publish(summary({ commitments: [commitment(0, { streak: 30, best: 30 })] })));
    });

    it('a day that is no date is refused: 9999-99-99, 2026-02-30', async () => {
      await assertFails(publish(summary({ day: '9999-99-99' })));
      await assertFails(publish(summary({ day: '2026-02-30' })));
      await assertSucceeds(publish(summary()));
    });

    it('a day that is not the one ending at dayEnds is refused (a year ago, or three days on)', async () => {
      const { day, dayEnds } = dayAt();
      await assertFails(publish(summary({ day: dayAt(Date.now() - YEAR).day, dayEnds })));
      await assertFails(publish(summary({ day: dayAt(Date.now() + 3 * DAY).day, dayEnds })));
      await assertSucceeds(publish(summary({ day, dayEnds })));
    });

    it('a day ending ten years ahead (the badge would stay green) or days ago is refused', async () => {
      for (const at of [Date.now() + 10 * YEAR, Date.now() + 3 * DAY, Date.now() - 3 * DAY]) {
        const { day, dayEnds } = dayAt(at);
        await assertFails(publish(summary({ day, dayEnds, commitments: [commitment(0, {}, dayEnds)] })));
      }
    });

    it('a finishing time far ahead, after the day ends, or more than 25 hours before its end is refused', async () => {
      const { dayEnds } = dayAt();
      for (const doneAt of [Date.now() + 10 * YEAR, dayEnds + 1, dayEnds - 25 * HOUR - 1]) {
        await assertFails(publish(summary({ commitments: [commitment(0, { doneAt })] })));
      }
      await assertSucceeds(publish(summary({ commitments: [commitment(0, { doneAt: dayEnds - 25 * HOUR })] })));
      await assertSucceeds(publish(summary({ rev: 2, commitments: [commitment(0, { doneAt: dayEnds })] })));
    });

    it('a negative, zero or huge rev is refused', async () => {
      for (const rev of [-1, 0, 2 ** 62, Number.MAX_SAFE_INTEGER + 1]) await assertFails(publish(summary({ rev })));
      await assertSucceeds(publish(summary({ rev: 1 })));
    });

    it('every day a real writer can be in is accepted: UTC −12 to +14, day starts 00:00–23:59, clocks 20 h off', async () => {
      let rev = 0;
      for (const zone of ['Etc/GMT+12', 'America/St_Johns', 'Europe/Berlin', 'Pacific/Kiritimati']) {
        for (const dayStart of [0, 240, 23 * 60 + 59]) {
          for (const skew of [-20 * HOUR, 0, 20 * HOUR]) {
            const day = dayKeyAt(Date.now() + skew, zone, dayStart);
            const dayEnds = dayEndInstant(day, zone, dayStart);
            rev++;
            await assertSucceeds(publish(summary({ rev, day, dayEnds, commitments: [commitment(0, {}, dayEnds)] })));
          }
        }
      }
    });
  });

  // ---- ordering ----

  describe('writes are ordered by a counter the rules check, not by a clock', () => {
    beforeEach(() => seedPair(PAIR));

    it('a write numbered from a clock far ahead (or 2^62) is refused, so the next ordinary write still goes through', async () => {
      await assertSucceeds(publish(summary({ rev: 1 })));
      await assertFails(publish(summary({ rev: Date.parse('2100-01-01') })));
      await assertFails(publish(summary({ rev: 2 ** 62 })));
      await assertFails(publish(summary({ rev: 3 }))); // no skipping either
      await assertSucceeds(publish(summary({ rev: 2, name: 'Bobby' })));
    });

    it('a first write is rev 1', async () => {
      await assertFails(publish(summary({ rev: 2 })));
      await assertSucceeds(publish(summary({ rev: 1 })));
    });

    it('a late write with the current rev but other content is refused; the same content again (a retry) is not', async () => {
      await assertSucceeds(publish(summary({ rev: 1, name: 'Old' })));
      await assertSucceeds(publish(summary({ rev: 2, name: 'New' })));
      await assertFails(publish(summary({ rev: 2, name: 'Old' })));
      await assertSucceeds(publish(summary({ rev: 2, name: 'New' })));
      await assertSucceeds(publish(summary({ rev: 3, name: 'Newer' })));
    });

    it('a clock rev stored under the old rules is counted on from; one out of range restarts at 1', async () => {
      await seedSummary('bob', { rev: 1_767_000_000_000 });
      await assertFails(publish(summary({ rev: 1 })));
      await assertSucceeds(publish(summary({ rev: 1_767_000_000_001 })));
      for (const rev of [2 ** 62, -5]) {
        await seedSummary('bob', { rev });
        await assertSucceeds(publish(summary({ rev: 1 })));
      }
    });
  });

  // ---- ending ----

  describe('a pair ends one way only, and nothing personal outlives it', () => {
    beforeEach(async () => {
      await seedPair(PAIR);
      await seedSummary('alice');
      await seedSummary('bob');
    });

    const summariesLeft = async () =>
      (await Promise.all(['alice', 'bob'].map((uid) => stored((d) => summaryDoc(d, uid))))).filter(Boolean).length;

    it('a live pair cannot be deleted, alone or with its summaries', async () => {
      await assertFails(deleteDoc(doc(as('alice'), 'pairs', PAIR)));
      const d = as('alice');
      const batch = writeBatch(d);
      batch.delete(summaryDoc(d, 'alice'));
      batch.delete(summaryDoc(d, 'bob'));
      batch.delete(doc(d, 'pairs', PAIR));
      await assertFails(batch.commit());
      expect(await stored((x) => doc(x, 'pairs', PAIR))).toBe(true);
    });

    it("a member cannot delete the partner's summary, nor their own, while the pair lasts", async () => {
      await assertFails(deleteDoc(summaryDoc(as('alice'), 'bob')));
      await assertFails(deleteDoc(summaryDoc(as('alice'), 'alice')));
      expect(await summariesLeft()).toBe(2);
    });

    it('ending must delete both summaries in the same batch', async () => {
      await assertFails(updateDoc(doc(as('alice'), 'pairs', PAIR), { ended: true, endedBy: 'alice' }));
      await assertFails(endPair(as('alice'), 'alice', { deleteSummaries: ['alice'] }));
      await assertSucceeds(endPair(as('alice'), 'alice'));
      expect(await summariesLeft()).toBe(0);
    });

    it("once the pair has ended, neither member can read a summary still there", async () => {
      await seedPair(PAIR, { ended: true, endedBy: 'alice' }); // both summaries raced in after the end
      await assertFails(getDoc(summaryDoc(as('alice'), 'bob')));
      await assertFails(getDoc(summaryDoc(as('bob'), 'bob')));
    });

    it('an ended pair goes only with the summaries still under it, in one batch, by either member', async () => {
      await seedPair(PAIR, { ended: true, endedBy: 'alice' });
      await assertFails(deleteDoc(doc(as('bob'), 'pairs', PAIR)));
      const d = as('bob');
      const batch = writeBatch(d);
      batch.delete(summaryDoc(d, 'alice'));
      batch.delete(summaryDoc(d, 'bob'));
      batch.delete(doc(d, 'pairs', PAIR));
      await assertSucceeds(batch.commit());
      expect(await summariesLeft()).toBe(0);
      expect(await stored((x) => doc(x, 'pairs', PAIR))).toBe(false);
    });

    it('a summary that raced in after the end can be deleted by either member, not by a stranger', async () => {
      await seedPair(PAIR, { ended: true, endedBy: 'alice' });
      await assertFails(deleteDoc(summaryDoc(as('carol'), 'alice')));
      await assertSucceeds(deleteDoc(summaryDoc(as('bob'), 'alice')));
      await assertSucceeds(deleteDoc(summaryDoc(as('bob'), 'bob')));
    });

    it('a summary left without its pair (by the old rules) can be deleted by its writer only', async () => {
      await seedSummary('bob', {}, OTHER_PAIR);
      await assertFails(deleteDoc(summaryDoc(as('alice'), 'bob', OTHER_PAIR)));
      await assertSucceeds(deleteDoc(summaryDoc(as('bob'), 'bob', OTHER_PAIR)));
      expect(await stored((d) => summaryDoc(d, 'bob', OTHER_PAIR))).toBe(false);
    });
  });

  // ---- invites ----

  describe('invites: private once used, one per person', () => {
    it('a used invite can be read only by its owner and its redeemer (it names both and their pair)', async () => {
      await seedInvite(CODE, { usedBy: 'bob', pairId: PAIR });
      await assertFails(getDoc(doc(as('carol'), 'invites', CODE)));
      await assertSucceeds(getDoc(doc(as('alice'), 'invites', CODE)));
      const snap = await assertSucceeds(getDoc(doc(as('bob'), 'invites', CODE)));
      expect(snap.data()?.pairId).toBe(PAIR);
    });

    it('an invite needs its owner’s inviters document to name it, in the same batch', async () => {
      await assertFails(setDoc(doc(as('alice'), 'invites', CODE), newInvite()));
      await assertSucceeds(createInvite(as('alice'), CODE));
    });

    it('nobody holds two invites: a second one needs the first deleted in its batch', async () => {
      await assertSucceeds(createInvite(as('alice'), CODE));
      await assertFails(createInvite(as('alice'), OTHER_CODE)); // inviters moves on, the first stays
      await assertFails(createInvite(as('alice'), OTHER_CODE, { inviter: false })); // inviters still names the first
      await assertFails(deleteDoc(doc(as('alice'), 'inviters', 'alice'))); // forgetting it while it exists
      await assertSucceeds(createInvite(as('alice'), OTHER_CODE, { replacing: CODE }));
      expect(await stored((d) => doc(d, 'invites', CODE))).toBe(false);
    });

    it('an invite already gone (used, then deleted by its owner) is replaced the same way', async () => {
      await seedInvite(CODE, { usedBy: 'bob', pairId: PAIR });
      await seed((d) => setDoc(doc(d, 'inviters', 'alice'), { code: CODE }));
      await assertSucceeds(deleteDoc(doc(as('alice'), 'invites', CODE)));
      await assertSucceeds(createInvite(as('alice'), OTHER_CODE, { replacing: CODE }));
    });

    it('an inviters document is its owner’s alone: nobody else reads or sets it', async () => {
      await assertSucceeds(createInvite(as('alice'), CODE));
      await assertFails(getDoc(doc(as('carol'), 'inviters', 'alice')));
      await assertFails(setDoc(doc(as('carol'), 'inviters', 'alice'), { code: OTHER_CODE }));
      const snap = await assertSucceeds(getDoc(doc(as('alice'), 'inviters', 'alice')));
      expect(snap.data()).toEqual({ code: CODE });
    });
  });
});
