import type { Result } from '../core/types';
import type { TandemDB } from '../db/db';

/**
 * "Delete everything": what this device keeps of the person, counted for the confirmation, and wiped.
 *
 * The order makes a stop at any instruction safe: the server's half first (utils/services/partners/forget.ts;
 * when it cannot finish — no network — nothing here has changed and the person is told), then every table in
 * one IndexedDB transaction, then extension storage (settings, partner name, the gate's last state). Extension
 * storage is cleared before the tables as well as after, so the data check (data-check.ts) never takes this
 * wipe for records lost by accident. Repeating it (a retried message) finds nothing left to delete.
 */
export interface EverythingDeps {
  db: TandemDB;
  /** The server's half, when this build syncs: ends pairs, deletes shared documents and the account. */
  forgetOnServer: (() => Promise<Result<null>>) | null;
  /** Extension storage, all of it (settings, sync state, the gate's and the data check's records). */
  clearStorage: () => Promise<void>;
  /** Other local stores that hold the person's data (e.g. backups), wiped with the rest. */
  others?: (() => Promise<void>)[];
}

export async function deleteEverything(deps: EverythingDeps): Promise<Result<null>> {
  if (deps.forgetOnServer) {
    const server = await deps.forgetOnServer();
    if (!server.ok) return server;
  }
  const { db } = deps;
  await deps.clearStorage();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  await Promise.all((deps.others ?? []).map((wipe) => wipe()));
  await deps.clearStorage();
  return { ok: true, value: null };
}
