// firestore.rules for a partner's grant of a repair (issue 11) against the Firestore emulator: only a member, for a
// day that is over, in form, and for the same commitment at most once in 14 days by the server's clock.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, getDoc, getDocs, collection, serverTimestamp, setDoc, Timestamp, writeBatch, type Firestore } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import { DAY, PAIR, rulesEnv, summaryDoc } from './rules-kit';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

const CID = '0f6c2b1e-6d3a-4c39-9a55-000000000000';
const grantDoc = (d: Firestore, cid = CID, pairId = PAIR) => doc(d, 'pairs', pairId, 'grants', cid);
const dayBefore = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
const grant = (by: string, overrides: Record<string, unknown> = {}) => ({ by, day: dayBefore(2), at: serverTimestamp(), ...overrides });

describe.skipIf(!emulator)('firestore.rules: a partner grants a repair', () => {
  const { as, seed, seedPair } = rulesEnv('demo-tandem-grants', emulator);
  beforeEach(() => seedPair(PAIR));
  const seedGrant = (at: number) => seed((d) => setDoc(grantDoc(d), { by: 'bob', day: dayBefore(20), at: Timestamp.fromMillis(at) }));

  it('a member grants a repair of a day that is over; both members read it, a stranger does not', async () => {
    await assertSucceeds(setDoc(grantDoc(as('bob')), grant('bob')));
    await assertSucceeds(getDoc(grantDoc(as('alice'))));
    await assertSucceeds(getDocs(collection(as('alice'), 'pairs', PAIR, 'grants')));
    await assertFails(getDoc(grantDoc(as('carol'))));
    await assertFails(getDocs(collection(as('carol'), 'pairs', PAIR, 'grants')));
  });

  it('at most once per commitment in 14 days, by the server’s clock; another commitment is its own', async () => {
    await seedGrant(Date.now() - 13 * DAY);
    await assertFails(setDoc(grantDoc(as('bob')), grant('bob')));
    await assertFails(setDoc(grantDoc(as('alice')), grant('alice'))); // not by the other member either
    await assertSucceeds(setDoc(grantDoc(as('bob'), 'another-commitment'), grant('bob')));
    await seedGrant(Date.now() - 14 * DAY - 60_000);
    await assertSucceeds(setDoc(grantDoc(as('bob')), grant('bob')));
    await assertFails(setDoc(grantDoc(as('bob')), grant('bob', { day: dayBefore(3) }))); // just granted: 14 days again
  });

  it('refuses a grant out of form: someone else named, a day not over, too old or not a date, a time of its own, extra fields', async () => {
    for (const bad of [
      grant('alice'),
      grant('bob', { day: new Date(Date.now() + DAY).toISOString().slice(0, 10) }),
      grant('bob', { day: dayBefore(41) }),
      grant('bob', { day: '2026-02-30' }),
      grant('bob', { day: '26-1-1' }),
      grant('bob', { day: 20260101 }),
      grant('bob', { at: Timestamp.fromMillis(Date.now() - 20 * DAY) }),
      { ...grant('bob'), note: 'well done' },
      { by: 'bob', day: dayBefore(2) },
    ]) {
      await assertFails(setDoc(grantDoc(as('bob')), bad));
    }
    await assertFails(setDoc(grantDoc(as('bob'), 'x'.repeat(41)), grant('bob')));
    await assertSucceeds(setDoc(grantDoc(as('bob')), grant('bob'))); // the same, in form, goes through
  });

  it('only members of a live pair grant; the grant goes with the pair once it has ended', async () => {
    await assertFails(setDoc(grantDoc(as('carol')), grant('carol')));
    await assertFails(setDoc(grantDoc(as('bob'), CID, 'PairNobodyKnows00001'), grant('bob')));
    await assertSucceeds(setDoc(grantDoc(as('bob')), grant('bob')));
    await assertFails(deleteDoc(grantDoc(as('bob'))));
    await seedPair(PAIR, { ended: true, endedBy: 'alice' });
    await assertFails(setDoc(grantDoc(as('bob'), 'another-commitment'), grant('bob')));
    await assertSucceeds(getDocs(collection(as('alice'), 'pairs', PAIR, 'grants'))); // members find it to clean up
    await assertFails(getDocs(collection(as('carol'), 'pairs', PAIR, 'grants')));
    await assertFails(deleteDoc(grantDoc(as('carol'))));
    await assertSucceeds(deleteDoc(grantDoc(as('alice'))));
  });
});

describe.skipIf(!emulator)('firestore.rules: grants and approvals go with their pair', () => {
  const { as, seed, seedPair, seedSummary } = rulesEnv('demo-tandem-notes-end', emulator);
  const note = (by: string) => ({ by, day: dayBefore(2), at: Timestamp.now() });
  beforeEach(async () => {
    await seedPair(PAIR);
    await seedSummary('alice');
    await seedSummary('bob');
    await seed((d) => setDoc(grantDoc(d), note('bob')));
    await seed((d) => setDoc(doc(d, 'pairs', PAIR, 'approvals', 'alice-commitment'), note('bob')));
  });
  /** The ending batch as the app writes it, with the notes it deletes. */
  const endWith = (d: Firestore, by: string, notes: [string, string][]) => {
    const batch = writeBatch(d);
    batch.update(doc(d, 'pairs', PAIR), { ended: true, endedBy: by });
    for (const uid of ['alice', 'bob']) batch.delete(summaryDoc(d, uid));
    for (const [kind, id] of notes) batch.delete(doc(d, 'pairs', PAIR, kind, id));
    return batch.commit();
  };

  it('either member ends the pair and deletes its grants and approvals in the same batch', async () => {
    await assertSucceeds(endWith(as('alice'), 'alice', [['grants', CID], ['approvals', 'alice-commitment']]));
  });

  it('the other member may do it too, and a note already gone does not stop the batch', async () => {
    await seed((d) => deleteDoc(grantDoc(d)));
    await assertSucceeds(endWith(as('bob'), 'bob', [['grants', CID], ['approvals', 'alice-commitment']]));
  });

  it('while the pair lasts, a note is not deleted on its own, nor by a batch that does not end the pair', async () => {
    await assertFails(deleteDoc(doc(as('alice'), 'pairs', PAIR, 'approvals', 'alice-commitment')));
    const d = as('alice');
    const batch = writeBatch(d);
    batch.delete(summaryDoc(d, 'alice'));
    batch.delete(grantDoc(d));
    await assertFails(batch.commit());
  });

  it('a stranger cannot end the pair and delete its notes', async () => {
    await assertFails(endWith(as('carol'), 'carol', [['grants', CID]]));
  });

  it('the last document of an ended pair goes with the notes still under it (one raced in); then anyone may clear a note left behind', async () => {
    await seedPair(PAIR, { ended: true, endedBy: 'alice' });
    await seed((d) => Promise.all(['alice', 'bob'].map((uid) => deleteDoc(summaryDoc(d, uid)))));
    const d = as('bob');
    const batch = writeBatch(d);
    batch.delete(grantDoc(d));
    batch.delete(doc(d, 'pairs', PAIR));
    await assertSucceeds(batch.commit());
    // The approval was left (an older version's cleanup): with the pair gone, it may go.
    await assertSucceeds(deleteDoc(doc(as('alice'), 'pairs', PAIR, 'approvals', 'alice-commitment')));
  });
});

describe.skipIf(!emulator)('firestore.rules: a partner approves an easing', () => {
  const { as, seedPair } = rulesEnv('demo-tandem-approvals', emulator);
  beforeEach(() => seedPair(PAIR));
  const approvalDoc = (d: Firestore, cid = CID, pairId = PAIR) => doc(d, 'pairs', pairId, 'approvals', cid);
  const approval = (by: string, overrides: Record<string, unknown> = {}) => ({ by, day: '2026-12-03', at: serverTimestamp(), ...overrides });

  it('a member approves (again, for another day too); both read it, a stranger neither writes nor reads', async () => {
    await assertSucceeds(setDoc(approvalDoc(as('bob')), approval('bob')));
    await assertSucceeds(setDoc(approvalDoc(as('bob')), approval('bob', { day: '2026-12-10' })));
    await assertSucceeds(getDoc(approvalDoc(as('alice'))));
    await assertFails(getDoc(approvalDoc(as('carol'))));
    await assertFails(setDoc(approvalDoc(as('carol')), approval('carol')));
  });

  it('refuses one out of form or in an ended pair; it goes with the pair', async () => {
    for (const bad of [approval('alice'), approval('bob', { day: 'soon' }), approval('bob', { at: Timestamp.fromMillis(0) }), { ...approval('bob'), words: 'x' }]) {
      await assertFails(setDoc(approvalDoc(as('bob')), bad));
    }
    await assertSucceeds(setDoc(approvalDoc(as('bob')), approval('bob')));
    await assertFails(deleteDoc(approvalDoc(as('bob'))));
    await seedPair(PAIR, { ended: true, endedBy: 'bob' });
    await assertFails(setDoc(approvalDoc(as('bob')), approval('bob', { day: '2026-12-11' })));
    await assertSucceeds(getDoc(approvalDoc(as('alice'))));
    await assertFails(getDoc(approvalDoc(as('carol'))));
    await assertSucceeds(deleteDoc(approvalDoc(as('alice'))));
  });
});
