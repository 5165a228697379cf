import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALPHABET,
  CODE_LENGTH,
  INVITE_LIFETIME_MS,
  EXPIRY_SLACK_MS,
  formatInviteCode,
  inviteProblem,
  newInviteCode,
  parseInviteCode,
} from '@/utils/core/partners/invite-code';

const CODE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** A byte source that hands out `stream` in order, `n` bytes per call (then a valid filler, so it always ends). */
function bytesFrom(stream: readonly number[], filler = 0) {
  let i = 0;
  const calls: number[] = [];
  const source = (n: number) => {
    calls.push(n);
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++, i++) out[k] = i < stream.length ? stream[i]! : filler;
    return out;
  };
  return { source, calls };
}

const codeArb = fc.array(fc.constantFrom(...ALPHABET), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH }).map((cs) => cs.join(''));

describe('new invite codes', () => {
  it('have 10 symbols from the alphabet without look-alikes, and differ from one another', () => {
    expect(CODE_LENGTH).toBe(10);
    expect(ALPHABET).toHaveLength(30);
    expect(ALPHABET).not.toMatch(/[01ILOU]/);
    const codes = Array.from({ length: 500 }, () => newInviteCode());
    for (const code of codes) expect(code).toMatch(CODE);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('take the first 10 acceptable bytes of the random stream, in order, skipping bytes 240–255', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 80 }), (stream) => {
        const { source } = bytesFrom(stream);
        const accepted = [...stream, ...Array<number>(CODE_LENGTH).fill(0)].filter((b) => b < 240).slice(0, CODE_LENGTH);
        expect(newInviteCode(source)).toBe(accepted.map((b) => ALPHABET[b % ALPHABET.length]).join(''));
      }),
    );
  });

  it('reject the bytes that would favour the first symbols (no modulo bias)', () => {
    // Bytes 240–255 would map to the first 16 symbols a ninth time. Each is rejected and the next byte used instead.
    const { source } = bytesFrom([240, 0, 255, 1, 250, 2, 245, 3, 241, 4, 239, 5, 6, 7, 8, 9]);
    expect(newInviteCode(source)).toBe('23456Z789A');

    // Over every byte value, each symbol is produced by exactly 8 of them: a uniform source gives uniform codes.
    const firstSymbolFrom = new Map<string, number[]>();
    for (let b = 0; b < 256; b++) {
      const marker = 29; // 'Z': the filler after b, so a rejected b shows as a code of ten Zs
      const code = newInviteCode(bytesFrom([b], marker).source);
      if (b >= 240) {
        expect(code).toBe('Z'.repeat(CODE_LENGTH));
        continue;
      }
      firstSymbolFrom.set(code[0]!, [...(firstSymbolFrom.get(code[0]!) ?? []), b]);
    }
    expect([...firstSymbolFrom.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
    for (const bytes of firstSymbolFrom.values()) expect(bytes).toHaveLength(8);
  });

  it('ask for more bytes when a whole batch is rejected', () => {
    const { source, calls } = bytesFrom(Array<number>(20).fill(250), 3);
    expect(newInviteCode(source)).toBe('5'.repeat(CODE_LENGTH));
    expect(calls.length).toBe(2);
  });
});

describe('typing an invite code', () => {
  it('is shown as XXXXX-XXXXX', () => {
    expect(formatInviteCode('ABCDE23456')).toBe('ABCDE-23456');
  });

  it('parses back to the same code whatever the case, spaces and dashes', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.array(fc.record({ lower: fc.boolean(), gap: fc.constantFrom('', '', ' ', '-', '  ', ' - ', '\t', '\n') }), {
          minLength: 2 * CODE_LENGTH,
          maxLength: 2 * CODE_LENGTH,
        }),
        fc.constantFrom('', ' ', '  ', '-'),
        (code, noise, lead) => {
          const formatted = formatInviteCode(code);
          const typed = lead + [...formatted].map((ch, i) => (noise[i]!.lower ? ch.toLowerCase() : ch) + noise[i]!.gap).join('');
          expect(parseInviteCode(typed)).toEqual({ ok: true, value: code });
          expect(parseInviteCode(formatted.toLowerCase())).toEqual({ ok: true, value: code });
        },
      ),
    );
  });

  it('asks for a code when nothing (or only spaces and dashes) was typed', () => {
    for (const typed of ['', '   ', ' - ', '-----']) {
      expect(parseInviteCode(typed)).toEqual({ ok: false, error: 'Enter the code your partner gave you.' });
    }
  });

  it('says how many characters a code has when too few or too many were typed', () => {
    expect(parseInviteCode('ABCDE-2345')).toEqual({ ok: false, error: 'A code has 10 characters (like ABCDE-23456); this one has 9.' });
    expect(parseInviteCode('abcde-234567')).toEqual({ ok: false, error: 'A code has 10 characters (like ABCDE-23456); this one has 11.' });
  });

  it('names the look-alike characters that codes never contain, in either case', () => {
    for (const [typed, named] of [
      ['ABCDE-2345O', 'O'],
      ['ABCDE-23450', '0'],
      ['ABCDE-23451', '1'],
      ['abcde-2345i', 'I'],
      ['abcde-2345l', 'L'],
      ['ABCDE-2345U', 'U'],
    ] as const) {
      const r = parseInviteCode(typed);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBe(`Codes never contain ${named} (0, 1, I, L, O and U are left out so they cannot be mixed up). Check the code.`);
      }
    }
  });

  it('names each look-alike once, and prefers that explanation to a length or symbol one', () => {
    const r = parseInviteCode('O0O0#');
    expect(r).toEqual({ ok: false, error: 'Codes never contain O, 0 (0, 1, I, L, O and U are left out so they cannot be mixed up). Check the code.' });
  });

  it('points at the first symbol that is not part of any code', () => {
    expect(parseInviteCode('ABCDE#23456')).toEqual({ ok: false, error: '“#” is not part of any code. Codes use letters and the digits 2–9.' });
    expect(parseInviteCode('ABCDE_2345é')).toEqual({ ok: false, error: '“_” is not part of any code. Codes use letters and the digits 2–9.' });
    expect(parseInviteCode('ABCDE.23456')).toMatchObject({ ok: false, error: expect.stringContaining('“.”') });
  });

  it('never accepts anything but a code of the alphabet, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (typed) => {
        const r = parseInviteCode(typed);
        if (r.ok) expect(r.value).toMatch(CODE);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('why an invite cannot be redeemed', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const fresh = { owner: 'alice', usedBy: null, expiresAt: now + INVITE_LIFETIME_MS };

  it('no invite with that code', () => {
    expect(inviteProblem(null, 'bob', now)).toBe('No invite has that code. Check it with your partner — codes are case-insensitive, dashes optional.');
  });

  it('my own invite', () => {
    expect(inviteProblem(fresh, 'alice', now)).toBe('That is your own invite code. Give it to your partner to enter on their side.');
  });

  it('already used', () => {
    expect(inviteProblem({ ...fresh, usedBy: 'carol' }, 'bob', now)).toBe('That code has already been used. Ask your partner for a new one.');
  });

  it('expired once this device is past the server’s expiry by more than the slack for a clock running ahead', () => {
    const expired = 'That code has expired (codes last 24 hours). Ask your partner for a new one.';
    expect(inviteProblem({ ...fresh, expiresAt: now - EXPIRY_SLACK_MS }, 'bob', now)).toBe(expired);
    expect(inviteProblem({ ...fresh, expiresAt: now - EXPIRY_SLACK_MS - 1 }, 'bob', now)).toBe(expired);
    // Within the slack the server decides (its refusal has its own message).
    expect(inviteProblem({ ...fresh, expiresAt: now - EXPIRY_SLACK_MS + 1 }, 'bob', now)).toBeNull();
    expect(inviteProblem({ ...fresh, expiresAt: now }, 'bob', now)).toBeNull();
  });

  it('a fresh invite from someone else can be redeemed', () => {
    expect(inviteProblem(fresh, 'bob', now)).toBeNull();
  });
});
