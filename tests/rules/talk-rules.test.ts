// firestore.rules for issue 10's `talk` (a member's shared weekly review and the pair's messages) against the Firestore
// emulator: field by field, for meaning (the week, the day, the limit of 10 a day), and who may read, write and delete.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, Timestamp, updateDoc, where, type Firestore } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import { DAY, HOUR, PAIR, rulesEnv } from './rules-kit';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

const iso = (at: number) => new Date(at).toISOString().slice(0, 10);
const today = () => iso(Date.now());
const talkDoc = (d: Firestore, id: string, pairId = PAIR) => doc(d, 'pairs', pairId, 'talk', id);
const row = 'days|4|5|120|3|1|2|day|Deep work before email';
const review = (overrides: Record<string, unknown> = {}) => ({
  weekStart: iso(Date.now() - 7 * DAY), rows: [row], plans: ['When I open my laptop||Deep work before email'], ratings: '', at: serverTimestamp(), ...overrides,
});
const msgId = (uid: string, n = 0, day = today()) => `${uid}_${day}_${n}`;
const message = (uid: string, overrides: Record<string, unknown> = {}) => ({ from: uid, kind: 'text', text: 'How did Tuesday go?', day: today(), at: serverTimestamp(), ...overrides });
const cheer = (uid: string, text = 'clap') => message(uid, { kind: 'cheer', text });

describe.skipIf(!emulator)('firestore.rules: the shared weekly review and messages (issue 10)', () => {
  const { as, anonymous, seed, seedPair } = rulesEnv('demo-tandem-talk', emulator);
  beforeEach(() => seedPair(PAIR));

  describe('the weekly review', () => {
    it('a member writes their own review; both members read it, a stranger does not', async () => {
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review()));
      await assertSucceeds(getDoc(talkDoc(as('bob'), 'alice')));
      await assertSucceeds(getDoc(talkDoc(as('alice'), 'alice')));
      await assertFails(getDoc(talkDoc(as('carol'), 'alice')));
    });

    it('nobody writes another member’s review, nor one in a pair they are not in', async () => {
      await assertFails(setDoc(talkDoc(as('bob'), 'alice'), review()));
      await assertFails(setDoc(talkDoc(as('carol'), 'carol'), review()));
    });

    it('a new week replaces the last; an older week never replaces a newer one', async () => {
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: iso(Date.now() - 7 * DAY) })));
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: today() })));
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: today(), ratings: '34-' })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: iso(Date.now() - 7 * DAY) })));
    });

    it('refuses a week too far back or ahead, or not a real date', async () => {
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: iso(Date.now() - 23 * DAY) })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: iso(Date.now() + 10 * DAY) })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ weekStart: '2026-02-30' })));
    });

    it('refuses extra fields (nothing but the allowlist leaves), missing ones, and a time of its own', async () => {
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ notes: 'Mornings went to email.' })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ sites: ['mail.google.com'] })));
      const { plans: _, ...noPlans } = review();
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), noPlans));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ at: Timestamp.fromMillis(Date.now() - DAY) })));
    });

    it('checks each row of the report: unit, numbers without sign or leading zero, a title', async () => {
      for (const bad of ['hours|4|5|120|3|1|2|day|Deep', 'days|-1|5|120|3|1|2|day|Deep', 'days|04|5|120|3|1|2|day|Deep', 'days|4|5|120|3|1|2|month|Deep', 'days|4|5|120|3|1|2|day|', 'days|4|5|120|3|1|2|day|' + 'x'.repeat(81), 'days|1000|5|120|3|1|2|day|Deep']) {
        await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ rows: [bad] })));
      }
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ rows: [] })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ rows: Array.from({ length: 21 }, () => row) })));
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review({ rows: Array.from({ length: 20 }, () => row) })));
    });

    it('checks the plans (at most 3, in form) and the ratings (three of 1–5 or -, or none)', async () => {
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ plans: Array.from({ length: 4 }, () => 'At 09:00||Deep') })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ plans: ['At 09:00|' + 'x'.repeat(121) + '|Deep'] })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ plans: ['|start|Deep'] })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ ratings: '6--' })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ ratings: '12' })));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review({ ratings: 3 })));
      await assertSucceeds(setDoc(talkDoc(as('alice'), 'alice'), review({ plans: Array.from({ length: 3 }, () => 'At 09:00|start the timer|Deep'), ratings: '5-1' })));
    });

    it('a member deletes their own review, not the partner’s', async () => {
      await seed((d) => setDoc(talkDoc(d, 'alice'), review({ at: Timestamp.now() })));
      await assertFails(deleteDoc(talkDoc(as('bob'), 'alice')));
      await assertSucceeds(deleteDoc(talkDoc(as('alice'), 'alice')));
    });
  });

  describe('messages', () => {
    it('a member sends a message and a cheer; both read them, also by one query of what is new', async () => {
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob')));
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 1)), cheer('bob', 'fire')));
      await assertSucceeds(getDoc(talkDoc(as('alice'), msgId('bob', 0))));
      await assertSucceeds(getDocs(query(collection(as('alice'), 'pairs', PAIR, 'talk'), where('at', '>', Timestamp.fromMillis(Date.now() - DAY)))));
      await assertFails(getDocs(collection(as('carol'), 'pairs', PAIR, 'talk')));
    });

    it('at most 10 a day: the id’s number is one digit, so an 11th has no id', async () => {
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 9)), message('bob')));
      await assertFails(setDoc(talkDoc(as('bob'), `bob_${today()}_10`), message('bob')));
      await assertFails(setDoc(talkDoc(as('bob'), `bob_${today()}_x`), message('bob')));
    });

    it('create-only: an id once used is not written again, and a message is never changed', async () => {
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob')));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob', { text: 'Something else' })));
      await assertFails(updateDoc(talkDoc(as('bob'), msgId('bob', 0)), { text: 'Edited' }));
    });

    it('only under one’s own id, as oneself, for a day in progress somewhere, with the day in the id', async () => {
      await assertFails(setDoc(talkDoc(as('bob'), msgId('alice', 0)), message('bob')));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('alice')));
      const old = iso(Date.now() - 3 * DAY);
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0, old)), message('bob', { day: old })));
      const ahead = iso(Date.now() + 2 * DAY);
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0, ahead)), message('bob', { day: ahead })));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob', { day: iso(Date.now() - DAY) })));
      // The date where it is 10 hours earlier (Hawaii): in progress there at any hour of the run, and yesterday's UTC
      // date until 10:00 UTC. (UTC's yesterday itself is over everywhere by 12:00 UTC: the rules refuse it then.)
      const behind = iso(Date.now() - 10 * HOUR);
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 0, behind)), message('bob', { day: behind })));
    });

    it('plain text of 1–500 characters with something in it; a cheer only from the set', async () => {
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob', { text: 'x'.repeat(501) })));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 1)), message('bob', { text: '' })));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 2)), message('bob', { text: '   \n ' })));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 3)), message('bob', { text: 42 })));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 4)), cheer('bob', 'https://mail.google.com')));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 5)), message('bob', { kind: 'html', text: '<b>hi</b>' })));
      await assertSucceeds(setDoc(talkDoc(as('bob'), msgId('bob', 6)), message('bob', { text: '🙂'.repeat(500) })));
    });

    it('refuses extra fields and a time of its own', async () => {
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), { ...message('bob'), url: 'https://mail.google.com' }));
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0)), message('bob', { at: Timestamp.fromMillis(Date.now() - DAY) })));
    });

    it('deleted by its sender only', async () => {
      await seed((d) => setDoc(talkDoc(d, msgId('bob', 0)), { ...message('bob'), at: Timestamp.now() }));
      await assertFails(deleteDoc(talkDoc(as('alice'), msgId('bob', 0))));
      await assertFails(deleteDoc(talkDoc(as('carol'), msgId('bob', 0))));
      await assertSucceeds(deleteDoc(talkDoc(as('bob'), msgId('bob', 0))));
    });
  });

  describe('with the pair', () => {
    it('nothing is written or read once the pair has ended; then either member deletes what is left', async () => {
      await seed((d) => setDoc(talkDoc(d, msgId('bob', 0)), { ...message('bob'), at: Timestamp.now() }));
      await seedPair(PAIR, { ended: true, endedBy: 'bob' });
      await assertFails(setDoc(talkDoc(as('alice'), msgId('alice', 0)), message('alice')));
      await assertFails(setDoc(talkDoc(as('alice'), 'alice'), review()));
      await assertFails(getDoc(talkDoc(as('alice'), msgId('bob', 0))));
      await assertFails(deleteDoc(talkDoc(as('carol'), msgId('bob', 0))));
      await assertSucceeds(deleteDoc(talkDoc(as('alice'), msgId('bob', 0))));
    });

    it('nothing in a pair that does not exist', async () => {
      await assertFails(setDoc(talkDoc(as('bob'), msgId('bob', 0), 'PairNobodyKnows00001'), message('bob')));
      await assertFails(setDoc(talkDoc(as('bob'), 'bob', 'PairNobodyKnows00001'), review()));
    });

    it('no one signed out reads or writes', async () => {
      await assertFails(getDocs(collection(anonymous(), 'pairs', PAIR, 'talk')));
      await assertFails(setDoc(talkDoc(anonymous(), msgId('bob', 0)), message('bob')));
    });
  });
});
