import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import {
  connectAuthEmulator, deleteUser, indexedDBLocalPersistence, initializeAuth, signInAnonymously, type Auth,
} from 'firebase/auth/web-extension';
import { hostPort, type SyncConfig } from './config';
import type { Remote as Connection } from './remote';
import type { Remote } from '../services/partners/remote';
import { classified, firestoreRemote } from './firestore-remote';

/**
 * The worker's connection, made on the first use of a partner feature — never at worker start-up, so a
 * restarting worker pays nothing for sync until an alarm or a page asks for it. Anonymous sign-in;
 * the session persists in IndexedDB, so the same person comes back after restarts. What it gives the sync
 * services is their `Remote` (firestore-remote.ts); failing to sign in for want of a network is 'offline'.
 */
let app: FirebaseApp | undefined;
let auth: Auth | undefined;
let db: Firestore | undefined;
let connection: Promise<Remote> | undefined;

export const counts = { reads: 0, writes: 0 };

export function connect(config: SyncConfig): Promise<Remote> {
  connection ??= classified(() => open(config)).then(firestoreRemote, (e: unknown) => {
    connection = undefined; // a failed sign-in (offline) is tried again next time
    throw e;
  });
  return connection;
}

/**
 * The connection only when this device has signed in before (an account exists to act on): deleting everything
 * must not create an account just to delete it.
 */
export async function existingConnection(config: SyncConfig): Promise<Remote | null> {
  await classified(async () => {
    init(config);
    await auth!.authStateReady();
  });
  return auth!.currentUser ? connect(config) : null;
}

async function open(config: SyncConfig): Promise<Connection> {
  init(config);
  await auth!.authStateReady();
  const user = auth!.currentUser ?? (await signInAnonymously(auth!)).user;
  const deleteAccount = async () => {
    await deleteUser(user);
    connection = undefined; // the next partner action signs in as someone new
  };
  return { db: db!, uid: user.uid, counts, deleteAccount };
}

function init(config: SyncConfig): void {
  if (!app) {
    app = initializeApp({ apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId, appId: config.appId });
    auth = initializeAuth(app, { persistence: indexedDBLocalPersistence });
    if (config.authEmulator) connectAuthEmulator(auth, `http://${config.authEmulator}`, { disableWarnings: true });
    db = getFirestore(app);
    if (config.firestoreEmulator) {
      const { host, port } = hostPort(config.firestoreEmulator);
      connectFirestoreEmulator(db, host, port);
    }
  }
}
