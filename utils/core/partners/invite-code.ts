import { fail, ok, type Result } from '../result';
import { tr } from '../i18n';

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
  if (code.length === 0) return fail(tr('invite_code_enter_the_code_your_partner_gave'));
  const wrong = [...code].filter((ch) => !ALPHABET.includes(ch));
  if (wrong.length > 0) {
    const lookalikes = wrong.filter((ch) => '01ILOU'.includes(ch));
    return fail(
      lookalikes.length > 0
        ? tr('invite_code_codes_never_contain_0_1_i_l_o', { value: [...new Set(lookalikes)].join(', ') })
        : tr('invite_code_is_not_part_of_any_code_codes', { value: wrong[0] ?? '' }),
    );
  }
  if (code.length !== CODE_LENGTH) return fail(tr('invite_code_a_code_has_characters_like_abcde', { CODE_LENGTH, code: code.length }));
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
  if (!invite) return tr('invite_code_no_invite_has_that_code_check_it');
  if (invite.owner === me) return tr('invite_code_that_is_your_own_invite_code');
  if (invite.usedBy) return tr('invite_code_that_code_has_already_been_used');
  if (now >= invite.expiresAt + EXPIRY_SLACK_MS) return tr('invite_code_that_code_has_expired_codes_last');
  return null;
}
