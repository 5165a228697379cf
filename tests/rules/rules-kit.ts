// Shared by the rules test files: a rules-unit-testing environment per file (its own project) and the documents
// as the app writes them (docs/sync.md). alice creates invites, bob redeems them, carol is a stranger to both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { initializeTestEnvironment, type RulesTestContext, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, serverTimestamp, setDoc, Timestamp, writeBatch, type Firestore } from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clearFirestoreData } from '../support/emulators.mjs';
import type { EmulatorAddress } from '../support/emulator-setup';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const CODE = 'ABCDE23456';
export const OTHER_CODE = 'QRSTV78923';
export const PAIR = 'PairAliceBob00000001';
export const OTHER_PAIR = 'PairAliceBob00000002';

/**
 * Call inside a describe: a test environment for `project` with the repo's firestore.rules, emptied before each
 * test, and ways to act as someone (`as`), as no one (`anonymous`), or with the rules off (`seed`).
 */
export function rulesEnv(project: string, emulator: EmulatorAddress | null) {
  let env: RulesTestEnvironment;
  beforeAll(async () => {
    if (!emulator) return;
    env = await initializeTestEnvironment({
      projectId: project,
      firestore: {
        host: emulator.host,
        port: emulator.port,
        rules: readFileSync(path.resolve(import.meta.dirname, '../../firestore.rules'), 'utf8'),
      },
    });
  });
  afterAll(async () => {
    await env?.cleanup();
  });
  beforeEach(async () => {
    if (emulator) await clearFirestoreData(emulator, project);
  });

  // rules-unit-testing hands out the compat instance; the modular functions accept it. Each call is a new
  // instance: build a batch's refs from one.
  const db = (ctx: RulesTestContext) => ctx.firestore() as unknown as Firestore;
  const seed = (write: (db: Firestore) => Promise<unknown>) =>
    env.withSecurityRulesDisabled((ctx) => write(db(ctx)).then(() => undefined));
  return {
    as: (uid: string) => db(env.authenticatedContext(uid)),
    anonymous: () => db(env.unauthenticatedContext()),
    seed,
    /** An invite as stored (bypassing the rules): created now unless given. */
    seedInvite: (code: string, overrides: Record<string, unknown> = {}) =>
      seed((d) => setDoc(doc(d, 'invites', code), newInvite({ createdAt: Timestamp.now(), ...overrides }))),
    seedPair: (pairId: string, overrides: Record<string, unknown> = {}) =>
      seed((d) => setDoc(doc(d, 'pairs', pairId), newPair({ createdAt: Timestamp.now(), ...overrides }))),
    /** A stored summary (bypassing the rules), as if written now. */
    seedSummary: (uid: string, overrides: Record<string, unknown> = {}, pairId = PAIR) =>
      seed((d) => setDoc(summaryDoc(d, uid, pairId), summary({ name: uid, updatedAt: Timestamp.now(), ...overrides }))),
  };
}

// ---- invites ----

export const newInvite = (overrides: Record<string, unknown> = {}) => ({
  owner: 'alice',
  ownerName: 'Alice',
  createdAt: serverTimestamp(),
  usedBy: null,
  pairId: null,
  ...overrides,
});

/**
 * Creating an invite as the app does: one batch that deletes the owner's previous invite (`replacing`), points
 * their inviters document at the new code and creates the invite. `inviter: false` leaves that document alone.
 */
export function createInvite(
  d: Firestore,
  code: string,
  { invite = {} as Record<string, unknown>, owner = 'alice', replacing = null as string | null, inviter = true as boolean | Record<string, unknown> } = {},
) {
  const batch = writeBatch(d);
  if (replacing) batch.delete(doc(d, 'invites', replacing));
  if (inviter) batch.set(doc(d, 'inviters', owner), inviter === true ? { code } : inviter);
  batch.set(doc(d, 'invites', code), newInvite({ owner, ...invite }));
  return batch.commit();
}

// ---- pairs ----

export const newPair = (overrides: Record<string, unknown> = {}) => ({
  members: ['alice', 'bob'],
  invite: CODE,
  createdAt: serverTimestamp(),
  ended: false,
  endedBy: null,
  ...overrides,
});

/** Bob's redeeming batch: claim the invite and create the pair from it. */
export function redeem(
  d: Firestore,
  {
    code = CODE,
    pairId = PAIR,
    members = ['alice', 'bob'],
    invite = {} as Record<string, unknown>,
    pair = {} as Record<string, unknown>,
    withPair = true,
    withInvite = true,
  } = {},
) {
  const batch = writeBatch(d);
  if (withInvite) batch.update(doc(d, 'invites', code), { usedBy: 'bob', pairId, ...invite });
  if (withPair) batch.set(doc(d, 'pairs', pairId), newPair({ members, invite: code, ...pair }));
  return batch.commit();
}

/** Ending as the app does: the pair marked ended and both summaries deleted, in one batch. */
export function endPair(d: Firestore, by: string, { deleteSummaries = ['alice', 'bob'], pairId = PAIR } = {}) {
  const batch = writeBatch(d);
  batch.update(doc(d, 'pairs', pairId), { ended: true, endedBy: by });
  for (const uid of deleteSummaries) batch.delete(summaryDoc(d, uid, pairId));
  return batch.commit();
}

// ---- summaries ----

export const summaryDoc = (d: Firestore, uid: string, pairId = PAIR) => doc(d, 'pairs', pairId, 'summaries', uid);

export interface Commitment {
  id: string;
  title: string;
  kind: string;
  status: string;
  doneAt: number | null;
  streak: number;
  best: number;
  unit: string;
  days: string;
  focusMinutes: number;
  turnedBack: number;
  wentAnyway: number;
  /** What is ahead (issue 11): '' or a pause and/or an easing as wire.ts encodes them. */
  ahead?: string;
}

/**
 * A commitment as sent (docs/sync.md): one '|'-separated string, what is ahead before the title, title last, with the best as best − streak and
 * the finishing time as the ms before `dayEnds` (so a best below the streak, or a time after the day, comes out
 * negative). A field given as a string goes as it is.
 */
export const encode = (c: Commitment, dayEnds = dayAt().dayEnds) =>
  [
    c.id, c.kind, c.status, c.unit, c.streak, typeof c.best === 'number' ? c.best - c.streak : c.best, c.focusMinutes,
    c.turnedBack, c.wentAnyway, typeof c.doneAt === 'number' ? dayEnds - c.doneAt : (c.doneAt ?? ''), c.days, c.ahead ?? '', c.title,
  ]
    .map(String)
    .join('|');

/**
 * The writer's day at `at`: someone in UTC with the default day start (04:00), so the day ends at 04:00 UTC after
 * its date. Writers elsewhere are tested through the app's own day functions.
 */
export function dayAt(at = Date.now()) {
  const day = new Date(at - 4 * HOUR).toISOString().slice(0, 10);
  return { day, dayEnds: Date.parse(`${day}T00:00:00Z`) + DAY + 4 * HOUR };
}

/** Commitment i as the app sends it, for a day ending at `dayEnds`: done an hour into that day, streak 12, best 30. */
export const commitment = (i: number, overrides: Partial<Record<keyof Commitment, unknown>> = {}, dayEnds = dayAt().dayEnds) =>
  encode({
    id: `0f6c2b1e-6d3a-4c39-9a55-${String(i).padStart(12, '0')}`,
    title: `Deep work before email | ${i}`,
    kind: i % 2 ? 'habit' : 'gate',
    status: 'done',
    doneAt: dayEnds - 23 * HOUR,
    streak: 12,
    best: 30,
    unit: 'day',
    days: 'ddddmdpx'.padStart(56, '.'),
    focusMinutes: 95,
    turnedBack: 3,
    wentAnyway: 1,
    ...(overrides as Partial<Commitment>),
  }, dayEnds);

/** Bob's first summary (rev 1) for today, as the app writes it. */
export const summary = (overrides: Record<string, unknown> = {}) => ({
  name: 'Bob',
  rev: 1,
  updatedAt: serverTimestamp(),
  ...dayAt(),
  commitments: [commitment(0), commitment(1)],
  ...overrides,
});
