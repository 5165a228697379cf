/**
 * Helpers for the emulator sync tests, beside people.ts (which the sync benchmark also loads outside Vitest).
 */
import { afterEach, expect } from 'vitest';
import type { EmulatorAddress } from '../support/emulator-setup';
import * as sync from '@/utils/services/sync';
import { formatInviteCode } from '@/utils/core/partners/invite-code';
import { person, type Person } from './people';

/**
 * The people of one describe block, each closed after every test: `named` makes a person with a partner name set,
 * `pairUp` pairs two through a typed invite code (the pair on both sides after the inviter's pull).
 */
export function crowd(projectId: string, firestore: EmulatorAddress, auth: EmulatorAddress) {
  const people: Person[] = [];
  afterEach(async () => {
    await Promise.all(people.splice(0).map((p) => p.close()));
  });
  const make = async (label: string) => {
    const p = await person(label, projectId, firestore, auth);
    people.push(p);
    return p;
  };
  const named = async (label: string, name: string) => {
    const p = await make(label);
    expect((await sync.setName(p.deps, name)).ok).toBe(true);
    return p;
  };
  const pairUp = async (inviter: Person, invitee: Person): Promise<string> => {
    const invite = await sync.createInvite(inviter.deps);
    if (!invite.ok) throw new Error(invite.error);
    const pair = await sync.redeemInvite(invitee.deps, formatInviteCode(invite.value.code));
    if (!pair.ok) throw new Error(pair.error);
    await sync.pull(inviter.deps, 'manual');
    return pair.value.id;
  };
  return { make, named, pairUp };
}

/** The emulator's documents as an administrator sees them (rules off, its owner token). */
export function asAdministrator(firestore: EmulatorAddress, projectId: string) {
  const url = (path: string) => `http://${firestore.host}:${firestore.port}/v1/projects/${projectId}/databases/(default)/documents/${path}`;
  const owner = { Authorization: 'Bearer owner' };
  return {
    /** The HTTP status of reading `path`: 200 there, 404 gone. */
    status: async (path: string) => (await fetch(url(path), { headers: owner })).status,
    /** A write no rule would allow now (one that raced in, or made under older rules): string fields only. */
    write: async (path: string, fields: Record<string, string>) => {
      const body = { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { stringValue: v }])) };
      const res = await fetch(url(path), { method: 'PATCH', headers: { ...owner, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.ok).toBe(true);
    },
  };
}
