/**
 * A partner's grant of a repair end to end (issue 11): the services over Dexie, Firestore Lite against the
 * official emulator enforcing firestore.rules, anonymous accounts from the Auth emulator.
 */
import { describe, expect, it } from 'vitest';
import { authEmulator, firestoreEmulator, skipNotice } from '../support/emulator-env';
import { asAdministrator, crowd } from './crowd';
import * as sync from '@/utils/services/sync';
import { saveCommitment } from '@/utils/services/commitments';
import { forgetMeOnServer } from '@/utils/services/partners/forget';
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
  const { named, pairUp } = crowd(PROJECT, firestore!, auth!);
  const server = asAdministrator(firestore!, PROJECT);

  it('Ben grants Ana a repair of yesterday: her next pull shows it repaired; a second grant within 14 days is refused', async () => {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    // Made three days ago, nothing done since: the days before today are missed.
    const k = await ana.deps.clock();
    const made = await saveCommitment(ana.deps.db, deepWork, { ...k, now: k.now - 3 * DAY });
    if (!made.ok) throw new Error(made.error);
    const pairId = await pairUp(ana, ben); // the pair on both sides, Ana's summary sent
    await sync.pull(ben.deps, 'manual');
    const seen = (await ben.deps.db.partnerSummaries.get(pairId))!.summary.commitments[0]!;
    expect(seen.days.slice(-3)).toMatch(/^mm[x]$/);

    const yesterday = addDays(dayOf(k.now, k), -1);
    expect(await sync.grantRepair(ben.deps, pairId, made.value.id, yesterday)).toEqual({ ok: true, value: null });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.commitments.get(made.value.id))!.repairs).toEqual([expect.objectContaining({ day: yesterday, by: 'partner' })]);
    const again = await sync.grantRepair(ben.deps, pairId, made.value.id, addDays(yesterday, -1));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/once every 14 days/) });
  });

  /** Ana (a commitment made three days ago, missed since) paired with Ben; Ben granted her a repair and she approved an easing of his. */
  async function pairWithNotes() {
    const ana = await named('ana', 'Ana');
    const ben = await named('ben', 'Ben');
    const k = await ana.deps.clock();
    const made = await saveCommitment(ana.deps.db, deepWork, { ...k, now: k.now - 3 * DAY });
    if (!made.ok) throw new Error(made.error);
    const pairId = await pairUp(ana, ben);
    await sync.pull(ben.deps, 'manual');
    const yesterday = addDays(dayOf(k.now, k), -1);
    expect((await sync.grantRepair(ben.deps, pairId, made.value.id, yesterday)).ok).toBe(true);
    expect((await sync.approveEasing(ana.deps, pairId, 'bens-commitment', addDays(yesterday, 3))).ok).toBe(true);
    const notes = [`pairs/${pairId}/grants/${made.value.id}`, `pairs/${pairId}/approvals/bens-commitment`];
    for (const path of notes) expect(await server.status(path)).toBe(200);
    return { ana, ben, pairId, notes };
  }

  it('ending the pair deletes its grants and approvals with it, from either side', async () => {
    for (const ender of ['ana', 'ben'] as const) {
      const { ana, ben, pairId, notes } = await pairWithNotes();
      expect((await sync.endPair((ender === 'ana' ? ana : ben).deps, pairId)).ok).toBe(true);
      for (const path of notes) expect(await server.status(path)).toBe(404);
      await sync.pull((ender === 'ana' ? ben : ana).deps, 'manual');
      expect(await server.status(`pairs/${pairId}`)).toBe(404);
    }
  });

  it('a grant that reached the pair as it ended goes with the pair’s last document', async () => {
    const { ana, ben, pairId } = await pairWithNotes();
    expect((await sync.endPair(ben.deps, pairId)).ok).toBe(true);
    await server.write(`pairs/${pairId}/grants/late-one`, { by: ben.remote.uid, day: '2026-11-01' });
    await sync.pull(ana.deps, 'manual');
    expect((await ana.deps.db.pairs.get(pairId))?.ended?.by).toBe('partner');
    expect(await server.status(`pairs/${pairId}/grants/late-one`)).toBe(404);
    expect(await server.status(`pairs/${pairId}`)).toBe(404);
  });

  it('deleting everything deletes the grants and approvals of each pair the person was in', async () => {
    const { ben, pairId, notes } = await pairWithNotes();
    expect(await forgetMeOnServer(ben.deps)).toEqual({ ok: true, value: null });
    for (const path of notes) expect(await server.status(path)).toBe(404);
    expect(await server.status(`pairs/${pairId}/summaries/${ben.remote.uid}`)).toBe(404);
  });

  it('deleting everything after the partner ended the pair still finds its notes (left by an older version) and deletes them', async () => {
    const { ana, ben, pairId } = await pairWithNotes();
    expect((await sync.endPair(ana.deps, pairId)).ok).toBe(true);
    await server.write(`pairs/${pairId}/approvals/old-one`, { by: ana.remote.uid, day: '2026-11-01' });
    expect(await forgetMeOnServer(ben.deps)).toEqual({ ok: true, value: null });
    expect(await server.status(`pairs/${pairId}/approvals/old-one`)).toBe(404);
    expect(await server.status(`pairs/${pairId}`)).toBe(404);
  });
});
