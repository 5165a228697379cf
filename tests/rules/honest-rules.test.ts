// firestore.rules for issue 11 against the Firestore emulator: what is ahead (a pause, an easing waiting) and the
// repaired day's letter in a summary.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { setDoc } from 'firebase/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import { PAIR, commitment, dayAt, rulesEnv, summary, summaryDoc } from './rules-kit';
import { decodeSummary } from '@/utils/core/partners/wire';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

describe.skipIf(!emulator)('firestore.rules: keeping commitments honest', () => {
  const { as, seedPair } = rulesEnv('demo-tandem-honest', emulator);
  let rev = 0;
  beforeEach(async () => {
    rev = 0;
    await seedPair(PAIR);
  });
  /**
   * A title of the full 80 characters: a field out of form cannot pass as part of the title then (a string without
   * the ahead field, as clients before issue 11 send, is accepted, and its title may hold '|').
   */
  const LONG = { title: 'T'.repeat(80) };
  /** Bob's next summary (rev 1, 2, …) with commitment 0's `ahead`; a refused write leaves the rev where it was. */
  const write = async (ahead: string, more: Record<string, unknown> = {}) => {
    await setDoc(summaryDoc(as('bob'), 'bob'), summary({ rev: rev + 1, commitments: [commitment(0, { ahead, ...more }), commitment(1)] }));
    rev++;
  };

  it('a summary with a repaired day, a pause, an easing waiting, or both, is accepted', async () => {
    await assertSucceeds(write('', { days: 'ddrdmrx'.padStart(56, '.') }));
    for (const ahead of [
      'p2026-12-05~2026-12-12~exam week',
      'p2026-12-05~~',
      'p2026-12-05~~new baby 👶',
      'e2026-12-03~45 min focus',
      'e2026-12-03~archived',
      'p2026-12-05~~exam week;e2026-12-03~45 min focus, Mon to Wed until 11:00',
      `p2026-12-05~~${'é'.repeat(60)}`,
      `e2026-12-03~${'x'.repeat(80)}`,
    ]) {
      await assertSucceeds(write(ahead, { title: `with ${ahead.length}` })).catch((e: unknown) => { throw new Error(`refused: ${ahead}`, { cause: e }); });
    }
  });

  it('a pause or an easing out of form is refused', async () => {
    for (const ahead of [
      'p2026-12-05', // no until and reason parts
      'p2026-12-05~2026-12~', // a broken until
      `p2026-12-05~~${'x'.repeat(61)}`, // a reason too long
      'p2026-12-05~~a;b', // ';' inside the reason
      'e2026-12-03~', // an easing without words
      `e2026-12-03~${'x'.repeat(81)}`,
      'e2026-12-3~45 min',
      'x2026-12-03~45 min',
      'e2026-12-03~45 min;p2026-12-05~~', // the pause comes first
      'p2026-12-05~~;', // a separator with nothing after it
    ]) {
      await assertFails(write(ahead, LONG));
    }
    await assertSucceeds(write('p2026-12-05~~')); // the same write, in form, goes through
  });

  it('a string in the form before issue 11 (no field for what is ahead) is accepted: old clients keep syncing', async () => {
    const withoutAhead = commitment(0).replace(/\|\|(Deep work)/, '|$1');
    expect(withoutAhead.split('|')).toHaveLength(13); // the title holds one '|'
    await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [withoutAhead, commitment(1)] })));
  });

  it('a field out of form with a short title passes only as an old client’s title, never as what is ahead', async () => {
    await assertSucceeds(write('r2026-11-28~give up'));
    const line = commitment(0, { ahead: 'r2026-11-28~give up' });
    expect(decodeSummary({ ...summary({ commitments: [line] }), dayEnds: dayAt().dayEnds })!.commitments[0]).toMatchObject({ recalibrated: null, title: 'Deep work before email | 0' });
  });

  it('an old client’s string is still checked field by field', async () => {
    const withoutAhead = (over: Record<string, unknown>) => commitment(0, over).replace(/\|\|(Deep work)/, '|$1');
    for (const bad of [withoutAhead({ status: 'asleep' }), withoutAhead({ days: 'q' }), withoutAhead({ title: 'x'.repeat(81) })]) {
      await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [bad] })));
    }
  });

  it('a recalibration answered is accepted with each of the three choices, alone or after a pause and an easing', async () => {
    for (const ahead of ['r2026-11-28~recommit', 'r2026-11-28~fit', 'r2026-11-28~pause', 'p2026-12-05~~exam week;e2026-12-03~45 min focus;r2026-11-28~fit']) {
      await assertSucceeds(write(ahead)).catch((e: unknown) => { throw new Error(`refused: ${ahead}`, { cause: e }); });
    }
  });

  it('a recalibration out of form is refused: another choice, a broken date, a note, out of order', async () => {
    for (const ahead of ['r2026-11-28~give up', 'r2026-11-2~fit', 'r2026-11-28~fit~my note', 'r2026-11-28~', 'r2026-11-28~recommit;e2026-12-03~45 min']) {
      await assertFails(write(ahead, LONG));
    }
  });

  it('a pledge is accepted with no week met, a week due, or a week kept', async () => {
    for (const ahead of ['k2~~give €10 to the climbing club', 'k1~d2026-11-23~give €10', 'k7~k2026-11-23~run a 10k 🏃', `k3~~${'x'.repeat(80)}`]) {
      await assertSucceeds(write(ahead)).catch((e: unknown) => { throw new Error(`refused: ${ahead}`, { cause: e }); });
    }
  });

  it('a pledge out of form is refused: 0 or 8 missed days, no stake, a stake too long, another state, a broken week', async () => {
    for (const ahead of ['k0~~give €10', 'k8~~give €10', 'k2~~', `k2~~${'x'.repeat(81)}`, 'k2~x2026-11-23~give €10', 'k2~d2026-11~give €10', 'k2~d2026-11-23', 'k2~~a;b']) {
      await assertFails(write(ahead, LONG));
    }
  });

  it('all four parts together, in order, are accepted; a pledge before a recalibration is not', async () => {
    await assertSucceeds(write('p2026-12-05~2026-12-12~exam week;e2026-12-03~45 min focus;r2026-11-28~fit;k2~d2026-11-23~give €10'));
    await assertFails(write('k2~~give €10;r2026-11-28~fit', LONG));
  });

  it('the costliest summary (20 commitments, every part at its longest) still fits the rules’ budget', async () => {
    const longest = `p2026-12-05~2026-12-12~${'é'.repeat(60)};e2026-12-03~${'x'.repeat(80)};r2026-11-28~recommit;k7~k2026-11-23~${'€'.repeat(80)}`;
    const commitments = Array.from({ length: 20 }, (_, i) => commitment(i, { ahead: longest, title: `${'t'.repeat(78)}${String(i).padStart(2, '0')}` }));
    await assertSucceeds(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments })));
  });
});
