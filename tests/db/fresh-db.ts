// Relative, not '@/': the benchmark scripts load this through jiti, which does not know the alias.
import { TandemDB } from '../../utils/db/db';

/** A new, empty database at the current schema, with a name no other test uses. */
export async function openFreshDb(label: string): Promise<TandemDB> {
  const db = new TandemDB(`${label}-${Math.random()}`);
  await db.open();
  return db;
}

export async function dropDb(db: TandemDB): Promise<void> {
  db.close();
  await db.delete();
}
