import { describe, expect, it } from 'vitest';
import { classified } from '@/utils/firestore/firestore-remote';
import { RemoteError, isOffline, isRefused } from '@/utils/services/partners/remote';

/** How the Firestore adapter tells the sync services what went wrong (the services act on 'offline' and 'refused' only). */
const firebaseError = (code: string) => Object.assign(new Error(code), { name: 'FirebaseError', code });
const failing = (e: unknown) => classified(() => Promise.reject(e));

describe('the Firestore remote’s errors', () => {
  it('calls no network offline: a failed fetch, an unavailable server, a timeout', async () => {
    for (const e of [new TypeError('Failed to fetch'), firebaseError('unavailable'), firebaseError('deadline-exceeded'), firebaseError('unknown')]) {
      const thrown = await failing(e).catch((x: unknown) => x);
      expect(isOffline(thrown)).toBe(true);
      expect((thrown as RemoteError).cause).toBe(e);
    }
  });

  it('calls a refusal by the rules or a missing document refused', async () => {
    for (const code of ['permission-denied', 'not-found', 'failed-precondition']) {
      expect(isRefused(await failing(firebaseError(code)).catch((x: unknown) => x))).toBe(true);
    }
  });

  it('lets anything else through as it is, and a success through untouched', async () => {
    const bug = new RangeError('a bug');
    await expect(failing(bug)).rejects.toBe(bug);
    const quota = firebaseError('resource-exhausted');
    await expect(failing(quota)).rejects.toBe(quota);
    await expect(classified(async () => 42)).resolves.toBe(42);
  });
});
