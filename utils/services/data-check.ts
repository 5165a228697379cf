import type { TandemDB } from '../db/db';

/**
 * Whether this device's records were there at the last look, and when they were found gone. Kept in extension
 * storage, outside the database it watches over.
 */
export interface DataMarker {
  hadCommitments: boolean;
  /** Set when the database was found empty after it held commitments (cleared by the browser, a cleanup tool…). */
  lostAt?: number;
}

export const NO_DATA_MARKER: DataMarker = { hadCommitments: false };

export interface MarkerStore {
  getValue(): Promise<DataMarker>;
  setValue(value: DataMarker): Promise<void>;
}

/**
 * Notices a database that was emptied under Tandem: commitments are archived, never deleted, so none at all after
 * some means the records are gone. The gate has already opened (it compiles from the same empty database); this
 * keeps the fact so the person is told once, in the popup and the options page, until they dismiss it.
 */
export async function checkDataPresent(db: TandemDB, store: MarkerStore, now: number): Promise<void> {
  const [count, marker] = await Promise.all([db.commitments.count(), store.getValue()]);
  if (count > 0 && !marker.hadCommitments) await store.setValue({ hadCommitments: true });
  else if (count === 0 && marker.hadCommitments) await store.setValue({ hadCommitments: false, lostAt: now });
}
