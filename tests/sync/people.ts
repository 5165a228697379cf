import { createServer, type AddressInfo } from 'node:net';
import { deleteApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, deleteUser, getAuth, signInAnonymously } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, setLogLevel } from 'firebase/firestore/lite';
import type { EmulatorAddress } from '../support/emulator-setup';
import { openFreshDb, dropDb } from '../db/fresh-db';
import type { Remote } from '@/utils/firestore/remote';
import type { SyncDeps } from '@/utils/services/sync';
// Relative: scripts/bench-sync.ts loads this file through jiti, which does not know the '@/' alias.
import { firestoreRemote } from '../../utils/firestore/firestore-remote';
import type { SyncState } from '@/utils/core/partners/types';
import type { Clock } from '@/utils/core/types';

/**
 * A person for sync tests: their own database (fake-indexeddb), their own Firebase app signed in
 * anonymously against the Auth emulator, Firestore Lite against the Firestore emulator (rules enforced),
 * and the real clock shifted by `later(ms)`. `goOffline()` points their Firestore at a closed port: the
 * requests really fail, as with no network.
 */
export interface Person {
  deps: SyncDeps;
  remote: Remote;
  /** Names of partners the person was told had finished their day. */
  told: string[];
  later(ms: number): void;
  /** Stops the clock at `t` (a simulated timeline); `later` then moves it on from there. */
  at(t: number): void;
  goOffline(): void;
  goOnline(): void;
  close(): Promise<void>;
}

// The SDK logs every failed request; the offline tests fail requests on purpose.
setLogLevel('silent');

let n = 0;

/** A loopback port nothing listens on (connections are refused, as with no network). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function person(
  label: string,
  projectId: string,
  firestore: EmulatorAddress,
  auth: EmulatorAddress,
  { timeZone = 'Europe/Berlin', scheduleDelivery }: { timeZone?: string; scheduleDelivery?: (at: number | null) => Promise<void> } = {},
): Promise<Person> {
  const id = `${label}-${++n}-${Math.random().toString(36).slice(2)}`;
  const config = { apiKey: 'demo-key', projectId, authDomain: `${projectId}.firebaseapp.com` };
  const app = initializeApp(config, id);
  const a = getAuth(app);
  connectAuthEmulator(a, `http://${auth.host}:${auth.port}`, { disableWarnings: true });
  const fs = getFirestore(app);
  connectFirestoreEmulator(fs, firestore.host, firestore.port);
  const { user } = await signInAnonymously(a);
  const counts = { reads: 0, writes: 0 };
  const deleteAccount = () => deleteUser(user);
  const remote: Remote = { db: fs, uid: user.uid, counts, deleteAccount };

  // The same person with no network: a Firestore pointed at a port nothing listens on.
  const deadApp = initializeApp(config, `${id}-offline`);
  const dead = getFirestore(deadApp);
  connectFirestoreEmulator(dead, '127.0.0.1', await closedPort());
  const offlineRemote: Remote = { db: dead, uid: user.uid, counts, deleteAccount: () => Promise.reject(new TypeError('Failed to fetch')) };

  const db = await openFreshDb(`sync-${label}`);
  let offset = 0;
  let stopped: number | undefined;
  let offline = false;
  let state: SyncState = { name: '', notifyPartnerDone: false };
  const told: string[] = [];
  const clock = async (): Promise<Clock> => ({ now: (stopped ?? Date.now()) + offset, timeZone, dayStartMinutes: 240, weekStartsOn: 1 });
  const deps: SyncDeps = {
    db,
    remote: async () => firestoreRemote(offline ? offlineRemote : remote),
    clock,
    state: { getValue: async () => state, setValue: async (v) => void (state = v) },
    effects: { partnerDone: async (name) => void told.push(name), scheduleDelivery },
  };
  return {
    deps,
    remote,
    told,
    later: (ms) => void (offset += ms),
    at: (t) => {
      stopped = t;
      offset = 0;
    },
    goOffline: () => void (offline = true),
    goOnline: () => void (offline = false),
    close: async () => {
      await dropDb(db);
      await Promise.all([deleteApp(app), deleteApp(deadApp)]);
    },
  };
}
