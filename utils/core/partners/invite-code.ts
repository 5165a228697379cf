import { fail, ok, type Result } from '../result';

/**
 * Invite codes: 10 symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as XXXXX-XXXXX.
 * 30^10 ≈ 5.9 × 10^14 codes (49 bits): at a thousand guesses a second, finding one live code among a
 * hundred thousand within its 24 hours has odds of about one in seventy thousand. Codes are single use.
 */
export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;
export const INVITE_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type RandomBytes = (n: number) => Uint8Array;
const cryptoBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** `length` symbols drawn uniformly from `alphabet` (rejection sampling: no modulo bias). */
function randomSymbols(alphabet: string, length: number, randomBytes: RandomBytes = cryptoBytes): string {
  const limit = 256 - (256 % alphabet.length); // bytes at or above it would favour the first symbols
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** A fresh invite code. */
export function newInviteCode(randomBytes: RandomBytes = cryptoBytes): string {
  return randomSymbols(ALPHABET, CODE_LENGTH, randomBytes);
}

/** A pair's document id: 20 letters and digits (~119 bits), chosen by the person redeeming. */
export function newPairId(randomBytes: RandomBytes = cryptoBytes): string {
  return randomSymbols('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 20, randomBytes);
}

/** XXXXX-XXXXX, for reading aloud or typing. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as a stored code: case, spaces and dashes do not matter; anything else is explained. */
export function parseInviteCode(typed: string): Result<string> {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length === 0) return fail('Enter the code your partner gave you.');
  const wrong = [...code].filter((ch) => !ALPHABET.includes(ch));
  if (wrong.length > 0) {
    const lookalikes = wrong.filter((ch) => '01ILOU'.includes(ch));
    return fail(
      lookalikes.length > 0
        ? `Codes never contain ${[...new Set(lookalikes)].join(', ')} (0, 1, I, L, O and U are left out so they cannot be mixed up). Check the code.`
        : `“${wrong[0]}” is not part of any code. Codes use letters and the digits 2–9.`,
    );
  }
  if (code.length !== CODE_LENGTH) return fail(`A code has ${CODE_LENGTH} characters (like ABCDE-23456); this one has ${code.length}.`);
  return ok(code);
}

/**
 * How far past an invite's expiry this device may think it is before saying "expired" itself. The expiry is the
 * server's (its creation time + 24 h), the clock here is the device's: one running ahead must not turn away a
 * code the server still accepts. Within the slack the server has the last word (and its own refusal message).
 */
export const EXPIRY_SLACK_MS = 60 * 60_000;

/**
 * Why a code cannot be redeemed, in words, or null if it can. `invite` is what the server holds (null: none);
 * `now` is this device's clock.
 */
export function inviteProblem(
  invite: { owner: string; usedBy: string | null; expiresAt: number } | null,
  me: string,
  now: number,
): string | null {
  if (!invite) return 'No invite has that code. Check it with your partner — codes are case-insensitive, dashes optional.';
  if (invite.owner === me) return 'That is your own invite code. Give it to your partner to enter on their side.';
  if (invite.usedBy) return 'That code has already been used. Ask your partner for a new one.';
  if (now >= invite.expiresAt + EXPIRY_SLACK_MS) return 'That code has expired (codes last 24 hours). Ask your partner for a new one.';
  return null;
}
