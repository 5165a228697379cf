import { afterEach, beforeEach } from 'vitest';
import { dropDb, openFreshDb } from './fresh-db';
import { MemoryServer, type MemoryRemote } from '../support/memory-remote';
import * as sync from '@/utils/services/sync';
import { saveCommitment } from '@/utils/services/commitments';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { localInstant } from '@/utils/core/days';
import type { SyncState } from '@/utils/core/partners/types';
import type { Clock, Commitment, CommitmentDraft } from '@/utils/core/types';

/**
 * People for the sync services' unit tests: each with a database (fake-indexeddb), sync state in memory and a
 * connection to one in-memory server (tests/support/memory-remote.ts). Time is one simulated timeline, the
 * server's: `server.now += ms` moves everyone; a person's clock may be `skew` ms off it.
 */
export const TZ = 'Europe/Berlin';
export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** Wednesday 4 March 2026, 09:00 in Berlin. */
export const START = localInstant('2026-03-04', 9 * 60, TZ);

export interface Person {
  deps: sync.SyncDeps;
  remote: MemoryRemote;
  state(): SyncState;
  /** Names of partners this person was told had finished their day. */
  told: string[];
  /** When the worker was last asked to schedule a delivery (null: nothing waits). */
  scheduled: () => number | null | undefined;
  clock(): Promise<Clock>;
  skew: number;
  close(): Promise<void>;
}

/**
 * For a test file: a new server before each test, and `make(name)` for a person on it (no name: none chosen yet),
 * whose database is dropped after the test.
 */
export function peopleOnOneServer(): { server: () => MemoryServer; make: (name?: string) => Promise<Person> } {
  let server = new MemoryServer(START);
  let people: Person[] = [];
  beforeEach(() => {
    server = new MemoryServer(START);
  });
  afterEach(async () => {
    await Promise.all(people.map((p) => p.close()));
    people = [];
  });
  return {
    server: () => server,
    make: async (name) => {
      const p = await person(server, name);
      people.push(p);
      return p;
    },
  };
}

let n = 0;

export async function person(server: MemoryServer, name?: string): Promise<Person> {
  const db = await openFreshDb(`partners-${name ?? 'nameless'}`);
  let state: SyncState = { name: '', notifyPartnerDone: false };
  let scheduled: number | null | undefined;
  const told: string[] = [];
  const remote = server.remoteFor(`uid-${++n}-${name ?? 'x'}`);
  const p: Person = {
    skew: 0,
    remote,
    told,
    state: () => state,
    scheduled: () => scheduled,
    clock: async () => ({ now: server.now + p.skew, timeZone: TZ, dayStartMinutes: 240, weekStartsOn: 1 }),
    deps: {
      db,
      remote: async () => remote,
      clock: () => p.clock(),
      state: { getValue: async () => state, setValue: async (v) => void (state = v) },
      effects: { partnerDone: async (who) => void told.push(who), scheduleDelivery: async (at) => void (scheduled = at) },
    },
    close: () => dropDb(db),
  };
  if (name) {
    const r = await sync.setName(p.deps, name);
    if (!r.ok) throw new Error(r.error);
  }
  return p;
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6] as CommitmentDraft['schedule'][number]['days'];
export const journal: CommitmentDraft = {
  title: 'Journal', why: 'To notice my days', sites: [],
  requirement: { kind: 'habit', times: 1, per: 'day' }, schedule: [{ days: EVERY_DAY, untilMinutes: 4 * 60 }],
};
export const deepWork: CommitmentDraft = {
  title: 'Deep work before email', why: 'mail.google.com eats my mornings', sites: ['mail.google.com'],
  requirement: { kind: 'focus', minutes: 60 }, schedule: [{ days: EVERY_DAY, untilMinutes: 4 * 60 }],
};

export async function commit(p: Person, draft: CommitmentDraft): Promise<Commitment> {
  const r = await saveCommitment(p.deps.db, draft, await p.clock());
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** `inviter` makes a code, `redeemer` types it (as a person might), then the inviter pulls once. Returns the pair id. */
export async function pairUp(inviter: Person, redeemer: Person): Promise<string> {
  const invite = await sync.createInvite(inviter.deps);
  if (!invite.ok) throw new Error(invite.error);
  const redeemed = await sync.redeemInvite(redeemer.deps, ` ${formatInviteCode(invite.value.code).toLowerCase()} `);
  if (!redeemed.ok) throw new Error(redeemed.error);
  await sync.pull(inviter.deps, 'manual');
  return redeemed.value.id;
}
