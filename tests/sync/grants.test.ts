/**
 * A partner's grant of a repair end to end (issue 11): the services over Dexie, Firestore Lite against the
 * official emulator enforcing firestore.rules, anonymous accounts from the Auth emulator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authEmulator, firestoreEmulator, skipNotice } from '../support/emulator-env';
import { person, type Person } from './people';
import * as sync from '@/utils/services/sync';
import { saveCommitment } from '@/utils/services/commitments';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { addDays, dayOf } from '@/utils/core/days';
import type { CommitmentDraft } from '@/utils/core/types';

const firestore = firestoreEmulator();
const auth = authEmulator();
skipNotice([firestore, 'firestore'], [auth, 'auth']);
const PROJECT = 'demo-tandem-grants-sync';
const DAY = 86_400_000;
const deepWork: CommitmentDraft = {
  title: 'Deep work before email', why: '', sites: ['mail.google.com'],
  requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: [0, 1, 2, 3, 4, 5, 6], untilMinutes: 4 * 60 }],
};

describe.skipIf(!firestore || !auth)('a grant of a repair, against the emulators', () => {
  const people: Person[] = [];
  afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.close()));
  });
  const named = async (label: string, name: string) => {
    const p = await person(label, PROJECT, firestore!, auth!);
    people.push(p);
    expect((await sync.setName(p.deps, name)).ok).toBe(true);
    return p;
  };

  it('Ben grants Ana a repair of yesterday: her next pull shows it repaired; a second grant within 14 days is refused', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    // Made three days ago, nothing done since: the days before today are missed.
    const k = await ana.deps.clock();
    const made = await saveCommitment(ana.deps.db, deepWork, { ...k, now: k.now - 3 * DAY });
    if (!made.ok) throw new Error(made.error);
    const invite = await sync.createInvite(ana.deps);
    if (!invite.ok) throw new Error(invite.error);
    const pair = await sync.redeemInvite(ben.deps, formatInviteCode(invite.value.code));
    if (!pair.ok) throw new Error(pair.error);
    await sync.pull(ana.deps, 'manual'); // the pair on Ana's side, her summary sent
    await sync.pull(ben.deps, 'manual');
    const seen = (await ben.deps.db.partnerSummaries.get(pair.value.id))!.summary.commitments[0]!;
    expect(seen.days.slice(-3)).toMatch(/^mm[x]$/);

    const yesterday = addDays(dayOf(k.now, k), -1);
    expect(await sync.grantRepair(ben.deps, pair.value.id, made.value.id, yesterday)).toEqual({ ok: true, value: null });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(made.value.id))!.repairs).toEqual([expect.objectContaining({ day: yesterday, by: 'partner' })]);
    const again = await sync.grantRepair(ben.deps, pair.value.id, made.value.id, addDays(yesterday, -1));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/once every 14 days/) });
  });
});
