import type { Table } from 'dexie';
import type { TandemDB } from '../db/db';

/** How long an applied write's answer is kept for a retry: far longer than any page waits for its answer. */
export const REQUEST_MEMORY_MS = 7 * 86_400_000;

/**
 * Applies a page's write once. The write and the record of its id commit in one IndexedDB transaction, so a
 * worker stopped at any instruction either applied both or neither: a retry with the same id (its answer was
 * lost) gets the first answer back and changes nothing, and a retry of a write that never committed applies it.
 *
 * `write` must touch only the database (no storage, network or timers): an IndexedDB transaction commits as
 * soon as it waits on anything else. Read the clock before calling.
 */
export async function applyOnce<T>(
  db: TandemDB,
  request: { id: string; type: string; at: number },
  write: () => Promise<T>,
  /** The tables `write` touches (with `requests`), when it is known to touch only those: reads of others run beside it. */
  tables: Table[] = db.tables,
): Promise<T> {
  return db.transaction('rw', tables, async () => {
    const applied = await db.requests.get(request.id);
    if (applied) return applied.answer as T;
    const answer = await write();
    await db.requests.add({ ...request, answer });
    return answer;
  });
}

/** Forgets answers older than REQUEST_MEMORY_MS (part of the gate's upkeep). */
export async function forgetOldRequests(db: TandemDB, now: number): Promise<void> {
  await db.requests.where('at').below(now - REQUEST_MEMORY_MS).delete();
}

/**
 * For actions whose effects are not only in this database (partner sync talks to the server): the answer is
 * kept once given, and a retry with the same id gets it back instead of acting again. A worker stopped after
 * the server acted but before the answer was kept lets the retry act again; each partner action is safe to
 * repeat (a name, a share, a pull) or answers in words when it cannot be (a code already used).
 */
export async function rememberAnswer<T>(db: TandemDB, request: { id: string; type: string; at: number }, act: () => Promise<T>): Promise<T> {
  const applied = await db.requests.get(request.id);
  if (applied) return applied.answer as T;
  const answer = await act();
  await db.requests.put({ ...request, answer });
  return answer;
}
