import type { Result } from '../../core/types';
import { fail, ok } from '../../core/result';
import { formatInviteCode, inviteProblem, newInviteCode, newPairId, parseInviteCode } from '../../core/partners/invite-code';
import { parseDisplayName } from '../../core/partners/summary';
import type { Pair } from '../../core/partners/types';
import { livePairs } from '../../db/queries';
import { online, updateState, type SyncDeps } from './deps';
import { deliver, queueSummaries } from './outbox';
import { addPair } from './pairs';
import { isRefused, type Remote } from './remote';
import { tr } from '@/utils/core/i18n';

/** Pairing: a name, an invite code made on one side and entered on the other, and the pair it makes on both. */

const NO_NAME = (): string => tr('pairing_choose_the_name_your_partner');

export async function setName(deps: SyncDeps, typed: string): Promise<Result<string>> {
  const name = parseDisplayName(typed);
  if (name.ok) await updateState(deps, { name: name.value });
  return name;
}

/** A new invite code (replacing a pending one), valid 24 hours, for a partner to enter. */
export async function createInvite(deps: SyncDeps): Promise<Result<{ code: string; display: string; expiresAt: number }>> {
  const state = await deps.state.getValue();
  if (!state.name) return fail(NO_NAME());
  return online(deps, async () => {
    const r = await deps.remote();
    const { now } = await deps.clock();
    if (state.pendingInvite) await r.deleteInvite(state.pendingInvite.code).catch(() => undefined);
    const code = newInviteCode();
    const { expiresAt } = await r.createInvite(code, state.name, now);
    await updateState(deps, { pendingInvite: { code, expiresAt } });
    return ok({ code, display: formatInviteCode(code), expiresAt });
  });
}

export async function cancelInvite(deps: SyncDeps): Promise<Result<null>> {
  const state = await deps.state.getValue();
  if (!state.pendingInvite) return ok(null);
  return online(deps, async () => {
    await (await deps.remote()).deleteInvite(state.pendingInvite!.code);
    await updateState(deps, { pendingInvite: undefined });
    return ok(null);
  });
}

/** Enter a partner's code: every way it can be wrong gets its own message, and then nothing changes. */
export async function redeemInvite(deps: SyncDeps, typed: string): Promise<Result<Pair>> {
  const parsed = parseInviteCode(typed);
  if (!parsed.ok) return parsed;
  const state = await deps.state.getValue();
  if (!state.name) return fail(NO_NAME());
  const code = parsed.value;
  if (state.pendingInvite?.code === code) return fail(tr('pairing_that_is_your_own_invite_code'));
  return online(deps, async () => {
    const r = await deps.remote();
    const { now } = await deps.clock();
    const invite = await r.readInvite(code);
    const problem = inviteProblem(invite, r.uid, now);
    if (problem || !invite) return fail(problem ?? tr('pairing_no_invite_has_that_code'));
    if ((await livePairs(deps.db)).some((p) => p.partnerUid === invite.owner)) {
      return fail(tr('pairing_you_are_already_partners_with', { ownerName: invite.ownerName }));
    }
    const pairId = newPairId();
    try {
      await r.redeemInvite(code, invite.owner, pairId);
    } catch (e) {
      if (isRefused(e)) return fail(tr('pairing_that_code_can_no_longer_be_used'));
      throw e;
    }
    const pair: Pair = { id: pairId, partnerUid: invite.owner, partnerName: invite.ownerName, createdAt: now };
    await startPair(deps, pair);
    return ok(pair);
  });
}

/**
 * On the inviting side, at each pull while an invite waits: once it was used, the pair it names is stored and
 * the invite deleted; an expired or vanished one is forgotten.
 */
export async function checkPendingInvite(deps: SyncDeps, r: Remote, pending: { code: string; expiresAt: number }, now: number): Promise<void> {
  const invite = await r.readInvite(pending.code);
  if (invite?.usedBy && invite.pairId) {
    await updateState(deps, { pendingInvite: undefined });
    await r.deleteInvite(pending.code).catch(() => undefined);
    await startPair(deps, { id: invite.pairId, partnerUid: invite.usedBy, partnerName: tr('pairing_your_partner'), createdAt: now });
  } else if (!invite || now >= pending.expiresAt) {
    if (invite) await r.deleteInvite(pending.code).catch(() => undefined);
    await updateState(deps, { pendingInvite: undefined });
  }
}

/** A pair made on either side: stored, and this person's summary sent at once. */
async function startPair(deps: SyncDeps, pair: Pair): Promise<void> {
  await addPair(deps.db, pair);
  await queueSummaries(deps, { force: true });
  await deliver(deps);
}
