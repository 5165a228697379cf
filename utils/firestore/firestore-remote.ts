import type { Remote } from '../services/partners/remote';
import { RemoteError } from '../services/partners/remote';
import * as firestore from './remote';
import * as talk from './talk';

/**
 * The sync services' `Remote` over Firestore Lite: each operation is one of remote.ts's functions on the
 * signed-in connection, with Firebase's errors turned into the two the services act on.
 */
export function firestoreRemote(connection: firestore.Remote): Remote {
  const op =
    <A extends unknown[], T>(run: (c: firestore.Remote, ...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      classified(() => run(connection, ...args));
  return {
    uid: connection.uid,
    createInvite: op(firestore.createInvite),
    readInvite: op(firestore.readInvite),
    deleteInvite: op(firestore.deleteInvite),
    redeemInvite: op(firestore.redeemInvite),
    readPair: op(firestore.readPair),
    writeSummary: op(firestore.writeSummary),
    readPartnerSummary: op(firestore.readPartnerSummary),
    endPair: op(firestore.endPair),
    deletePair: op(firestore.deletePair),
    deleteOwnInvite: op(firestore.deleteOwnInvite),
    writeNote: op(firestore.writeNote),
    readNotes: op(firestore.readNotes),
    writeReview: op(talk.writeReview),
    sendMessage: op(talk.sendMessage),
    deleteMessage: op(talk.deleteMessage),
    readTalk: op(talk.readTalk),
    deleteTalk: op(talk.deleteTalk),
    deleteAccount: () => classified(() => connection.deleteAccount()),
  };
}

/** Runs a Firebase call (an operation, or signing in): no network or a refusal as a RemoteError, anything else as it is. */
export async function classified<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (firestore.isOffline(e)) throw new RemoteError('offline', e);
    if (firestore.isRefused(e)) throw new RemoteError('refused', e);
    throw e;
  }
}
