// firestore.rules for issue 11 against the Firestore emulator: what is ahead (a pause, an easing waiting) and the
// repaired day's letter in a summary.
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { setDoc } from 'firebase/firestore';
import { beforeEach, describe, it } from 'vitest';
import { firestoreEmulator, skipNotice } from '../support/emulator-env';
import { PAIR, commitment, rulesEnv, summary, summaryDoc } from './rules-kit';

const emulator = firestoreEmulator();
skipNotice([emulator, 'firestore']);

describe.skipIf(!emulator)('firestore.rules: keeping commitments honest', () => {
  const { as, seedPair } = rulesEnv('demo-tandem-honest', emulator);
  let rev = 0;
  beforeEach(async () => {
    rev = 0;
    await seedPair(PAIR);
  });
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
      await assertFails(write(ahead));
    }
    await assertSucceeds(write('p2026-12-05~~')); // the same write, in form, goes through
  });

  it('a string in the form before issue 11 (no field for what is ahead) is refused', async () => {
    const withoutAhead = commitment(0).replace(/\|\|(Deep work)/, '|$1');
    await assertFails(setDoc(summaryDoc(as('bob'), 'bob'), summary({ commitments: [withoutAhead] })));
  });
});
