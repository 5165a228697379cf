// firestore.rules against the real Firestore emulator (see docs/sync.md for the contract): who may read and write
// what, and the form of every document. What the rules check beyond form (a summary's meaning, its ordering, how a
// pair ends, invite privacy and the per-person cap) is in firestore-rules-integrity.test.ts.
// alice creates invites, bob redeems them, carol is a stranger to both.
import {
  assertFails,
  assertSucceeds,
} from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  Timestamp,
  updateDoc,
  where,
} from 'firebase/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import {
  CODE, DAY, HOUR, OTHER_PAIR, PAIR,
  commitment, createInvite, endPair, newInvite, redeem, rulesEnv, summary, summaryDoc,
} from './rules-kit';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

describe.skipIf(!emulator)('firestore.rules', () => {
  const { as, anonymous, seed, seedInvite, seedPair, seedSummary } = rulesEnv('demo-tandem-rules', emulator);

  // ---- pairs: who can see them ----

  describe('pairs', () => {
    beforeEach(() => seedPair(PAIR));

    it('a stranger cannot read a pair they are not in', async () => {
      await assertFails(getDoc(doc(as('carol'), 'pairs', PAIR)));
    });

    it('a member can read their pair', async () => {
      const snap = await assertSucceeds(getDoc(doc(as('bob'), 'pairs', PAIR)));
      expect(snap.data()?.members).toEqual(['alice', 'bob']);
    });

    it('a member can list their pairs by filtering on their own uid', async () => {
      const snap = await assertSucceeds(
        getDocs(query(collection(as('alice'), 'pairs'), where('members', 'array-contains', 'alice'))),
      );
      expect(snap.docs.map((d) => d.id)).toEqual([PAIR]);
    });

    it("a stranger cannot list someone else's pairs", async () => {
      await assertFails(getDocs(query(collection(as('carol'), 'pairs'), where('members', 'array-contains', 'alice'))));
    });

    it('nobody can list all pairs without filtering on their own uid', async () => {
      await assertFails(getDocs(collection(as('alice'), 'pairs')));
    });

    it('a stranger filtering on their own uid finds none of the pairs of others', async () => {
      const snap = await assertSucceeds(
        getDocs(query(collection(as('carol'), 'pairs'), where('members', 'array-contains', 'carol'))),
      );
      expect(snap.empty).toBe(true);
    });

    it('a pair that was ended and deleted reads as not found, so a member can tell it is gone', async () => {
      const snap = await assertSucceeds(getDoc(doc(as('bob'), 'pairs', OTHER_PAIR)));
      expect(snap.exists()).toBe(false);
    });
  });

  // ---- summaries: each member writes only their own, fully validated ----

  describe('summaries', () => {
    beforeEach(() => seedPair(PAIR));

    it('a member can publish their own summary, with the full 20 commitments', async () => {
      const commitments = Array.from({ length: 20 }, (_, i) => commitment(i));
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments })));
    });

    it('a member can publish a summary with no commitments, or with edge values', async () => {
      const low = commitment(0, { doneAt: null, days: '', streak: 0, best: 0, focusMinutes: 0, turnedBack: 0, wentAnyway: 0 });
      const high = commitment(1, { streak: 100000, best: 200000, focusMinutes: 1440, turnedBack: 10000, wentAnyway: 10000, unit: 'week', status: 'in-progress', id: 'i'.repeat(40), title: '|'.repeat(80) });
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [] })));
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 2, commitments: [low, high] })));
    });

    it("a member cannot write their partner's summary", async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'alice'), summary({ name: 'Alice' })));
    });

    it("the partner can read a member's summary, a stranger cannot", async () => {
      await seedSummary('bob');
      await assertSucceeds(getDoc(summaryDoc(as('alice'), 'bob')));
      await assertFails(getDoc(summaryDoc(as('carol'), 'bob')));
    });

    it("a stranger cannot slip their own summary into someone else's pair", async () => {
      await assertFails(setDoc(summaryDoc(as('carol'), 'carol'), summary({ name: 'Carol' })));
    });

    it('a summary with an extra field (e.g. a visited URL) is refused', async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ url: 'https://mail.google.com/' })));
    });

    it('a summary missing a field is refused', async () => {
      const { day: _day, ...withoutDay } = summary();
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), withoutDay));
    });

    it("a summary whose day end is not a whole number (or missing) is refused", async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ dayEnds: 'tomorrow' })));
      const { dayEnds: _end, ...withoutEnd } = summary();
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), withoutEnd));
    });

    it('a 20th commitment sent as a map, with room for extra fields, is refused', async () => {
      const commitments: unknown[] = Array.from({ length: 20 }, (_, i) => commitment(i));
      commitments[19] = { id: 'c19', title: 'Deep work', site: 'mail.google.com' };
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments })));
    });

    it('a malformed 20th commitment is refused even when the first 19 are fine', async () => {
      const commitments = Array.from({ length: 20 }, (_, i) => commitment(i));
      commitments[19] = commitment(19, { status: 'skipped' });
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments })));
    });

    it('a commitment title over 80 characters is refused (80 is fine)', async () => {
      await assertSucceeds(
        setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, { title: 'x'.repeat(80) })] })),
      );
      await assertFails(
        setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, { title: 'x'.repeat(81) })] })),
      );
    });

    it('a display name over 40 characters is refused', async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ name: 'B'.repeat(41) })));
    });

    it('more than 20 commitments are refused', async () => {
      const commitments = Array.from({ length: 21 }, (_, i) => commitment(i));
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments })));
    });

    it('an unknown status is refused', async () => {
      await assertFails(
        setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, { status: 'skipped' })] })),
      );
    });

    it('a day-outcome string with a foreign letter or more than 8 weeks is refused', async () => {
      await assertFails(
        setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, { days: 'ddzd' })] })),
      );
      await assertFails(
        setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, { days: 'd'.repeat(57) })] })),
      );
    });

    it('out-of-range or malformed commitment fields are refused (fraction, negative, too big, unknown kind, text time, long id)', async () => {
      for (const bad of [
        { streak: 1.5 },
        { focusMinutes: -1 },
        { focusMinutes: 1441 },
        { streak: 100001, best: 100001 },
        { streak: 0, best: 100001 }, // best − streak, as sent, over 100000
        { wentAnyway: 10001 },
        { kind: 'limit' },
        { unit: 'month' },
        { doneAt: '12:00' },
        { id: 'i'.repeat(41) },
        { id: '' },
        { title: '' },
      ]) {
        await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [commitment(0, bad)] })));
      }
    });

    it('a commitment item that is not a string is refused', async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [12] })));
    });

    it('a malformed day or a fractional rev is refused', async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ day: '5/1/2026' })));
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 1.5 })));
    });

    it('a summary timestamped by the client instead of the server is refused', async () => {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ updatedAt: Timestamp.now() })));
    });

    it('an older summary arriving late does not overwrite a newer one', async () => {
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 1 })));
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 2, name: 'Bobby' })));
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 1 })));
    });

    it('a retried delivery of the same summary (equal rev, same content) is accepted', async () => {
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 1 })));
      await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: 1 })));
    });

    it('no summary can be written once the pair has ended', async () => {
      await seedPair(PAIR, { ended: true, endedBy: 'alice' });
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary()));
    });
  });

  // ---- invites ----

  describe('invites', () => {
    it('the owner can create a valid invite', async () => {
      await assertSucceeds(createInvite(as('alice'), CODE));
    });

    it('nobody can create an invite in someone else’s name', async () => {
      await assertFails(createInvite(as('carol'), CODE, { inviter: false }));
      await assertFails(createInvite(as('carol'), CODE, { owner: 'carol', invite: { owner: 'alice' } }));
    });

    it('an invite carries no expiry of its own: it lasts 24 hours from the server’s creation time', async () => {
      await assertFails(createInvite(as('alice'), CODE, { invite: { expiresAt: Timestamp.fromMillis(Date.now() + 2 * DAY) } }));
    });

    it('an invite with extra fields or a long name is refused', async () => {
      await assertFails(createInvite(as('alice'), CODE, { invite: { email: 'alice@example.com' } }));
      await assertFails(createInvite(as('alice'), CODE, { invite: { ownerName: 'A'.repeat(41) } }));
    });

    it('an invite cannot be created already used or with a client-chosen creation time', async () => {
      await assertFails(createInvite(as('alice'), CODE, { invite: { usedBy: 'bob' } }));
      await assertFails(createInvite(as('alice'), CODE, { invite: { createdAt: Timestamp.now() } }));
    });

    it('an invite code must look like one (10 symbols of the alphabet)', async () => {
      // The inviters document names a valid code, so only the invite's own id is wrong.
      const named = { inviter: { code: CODE } };
      await assertFails(createInvite(as('alice'), 'ABCDE-23456', named));
      await assertFails(createInvite(as('alice'), 'abcde23456', named));
      await assertFails(createInvite(as('alice'), 'ABCDE23410', named)); // 1 and 0 are not in it
    });

    it('nobody can list invites to harvest codes', async () => {
      await seedInvite(CODE);
      await assertFails(getDocs(collection(as('bob'), 'invites')));
      await assertFails(getDocs(query(collection(as('bob'), 'invites'), where('usedBy', '==', null))));
    });

    it('someone given the code can read the invite', async () => {
      await seedInvite(CODE);
      const snap = await assertSucceeds(getDoc(doc(as('bob'), 'invites', CODE)));
      expect(snap.data()?.ownerName).toBe('Alice');
    });

    it('guessing a code that does not exist reads nothing', async () => {
      await seedInvite(CODE);
      const snap = await assertSucceeds(getDoc(doc(as('carol'), 'invites', 'ZZZZZ99999')));
      expect(snap.exists()).toBe(false);
    });

    it('redeeming: claiming the invite and creating the pair in one batch works', async () => {
      await seedInvite(CODE);
      await assertSucceeds(redeem(as('bob')));
      const pair = await getDoc(doc(as('alice'), 'pairs', PAIR));
      expect(pair.data()?.members).toEqual(['alice', 'bob']);
    });

    it('the owner cannot redeem their own invite', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('alice'), { members: ['alice', 'alice'], invite: { usedBy: 'alice' } }));
    });

    it('an invite that was already used cannot be redeemed again', async () => {
      await seedInvite(CODE, { usedBy: 'dave', pairId: OTHER_PAIR });
      await assertFails(redeem(as('bob')));
    });

    it('an expired invite cannot be redeemed: 24 hours after its creation, by the server’s clock', async () => {
      await seedInvite(CODE, { createdAt: Timestamp.fromMillis(Date.now() - DAY - HOUR) });
      await assertFails(redeem(as('bob')));
      // Just inside the day it still can be.
      await seedInvite(CODE, { createdAt: Timestamp.fromMillis(Date.now() - DAY + HOUR) });
      await assertSucceeds(redeem(as('bob')));
    });

    it('claiming an invite without creating the pair in the same batch is refused', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('bob'), { withPair: false }));
    });

    it('creating a pair without claiming the invite is refused', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('bob'), { withInvite: false }));
    });

    it('a pair whose members are not [invite owner, redeemer] is refused', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('bob'), { members: ['carol', 'bob'] }));
      await assertFails(redeem(as('bob'), { members: ['bob', 'alice'] }));
      await assertFails(redeem(as('bob'), { members: ['alice', 'bob', 'carol'] }));
    });

    it('redeeming may not touch anything but usedBy and pairId, nor claim for someone else', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('bob'), { invite: { ownerName: 'Mallory' } }));
      await assertFails(redeem(as('bob'), { invite: { usedBy: 'carol' } }));
    });

    it('a pair made from an invite must start active', async () => {
      await seedInvite(CODE);
      await assertFails(redeem(as('bob'), { pair: { ended: true, endedBy: 'bob' } }));
    });

    it('only the owner can delete an open invite', async () => {
      await seedInvite(CODE);
      await assertFails(deleteDoc(doc(as('bob'), 'invites', CODE)));
      await assertSucceeds(deleteDoc(doc(as('alice'), 'invites', CODE)));
    });

    // Deleting everything: the owner deletes the used invite too (it carries their name); the person who used it
    // may not (the owner's next pull finds the pair through it).
    it('a used invite can be deleted by its owner, not by the person who used it nor a stranger', async () => {
      await seedInvite(CODE, { usedBy: 'bob', pairId: PAIR });
      await assertFails(deleteDoc(doc(as('bob'), 'invites', CODE)));
      await assertFails(deleteDoc(doc(as('carol'), 'invites', CODE)));
      await assertFails(deleteDoc(doc(anonymous(), 'invites', CODE)));
      await assertSucceeds(deleteDoc(doc(as('alice'), 'invites', CODE)));
    });
  });

  // ---- ending a pair ----

  describe('ending a pair', () => {
    beforeEach(async () => {
      await seedPair(PAIR);
      await seedSummary('alice');
      await seedSummary('bob');
    });

    it('a member can end the pair and delete both summaries in one batch', async () => {
      await assertSucceeds(endPair(as('alice'), 'alice'));
      const pair = await getDoc(doc(as('bob'), 'pairs', PAIR));
      expect(pair.data()).toMatchObject({ ended: true, endedBy: 'alice' });
    });

    it('a stranger cannot end a pair or delete its summaries', async () => {
      await assertFails(updateDoc(doc(as('carol'), 'pairs', PAIR), { ended: true, endedBy: 'carol' }));
      await assertFails(deleteDoc(summaryDoc(as('carol'), 'bob')));
    });

    it('a member cannot end the pair in the partner’s name or change who is in it', async () => {
      await assertFails(updateDoc(doc(as('alice'), 'pairs', PAIR), { ended: true, endedBy: 'bob' }));
      await assertFails(updateDoc(doc(as('alice'), 'pairs', PAIR), { members: ['alice', 'carol'] }));
    });

    it('an ended pair cannot be revived', async () => {
      await seedPair(PAIR, { ended: true, endedBy: 'alice' });
      await assertFails(updateDoc(doc(as('bob'), 'pairs', PAIR), { ended: false, endedBy: null }));
    });

    it('the partner can delete the ended pair (its summaries went with the end); a stranger cannot', async () => {
      await assertSucceeds(endPair(as('alice'), 'alice'));
      await assertFails(deleteDoc(doc(as('carol'), 'pairs', PAIR)));
      await assertSucceeds(deleteDoc(doc(as('bob'), 'pairs', PAIR)));
      expect((await getDoc(doc(as('bob'), 'pairs', PAIR))).exists()).toBe(false);
    });
  });

  // ---- signed out ----

  it('someone not signed in can neither read nor write anything', async () => {
    await seedPair(PAIR);
    await seedInvite(CODE);
    await seedSummary('bob');
    await seed((d) => setDoc(doc(d, 'inviters', 'alice'), { code: CODE }));
    const d = anonymous();
    await assertFails(getDoc(doc(d, 'pairs', PAIR)));
    await assertFails(getDoc(doc(d, 'pairs', OTHER_PAIR)));
    await assertFails(getDocs(query(collection(d, 'pairs'), where('members', 'array-contains', 'bob'))));
    await assertFails(getDoc(doc(d, 'invites', CODE)));
    await assertFails(getDoc(doc(d, 'inviters', 'alice')));
    await assertFails(setDoc(doc(d, 'invites', 'QQQQQ22222'), newInvite()));
    await assertFails(getDoc(summaryDoc(d, 'bob')));
    await assertFails(setDoc(summaryDoc(d, 'bob'), summary()));
    await assertFails(updateDoc(doc(d, 'pairs', PAIR), { ended: true, endedBy: null }));
    await assertFails(deleteDoc(doc(d, 'invites', CODE)));
  });
});
