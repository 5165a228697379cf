import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_HISTORY, SCHEMA_VERSION, TandemDB } from '@/utils/db/db';

/**
 * The migration harness: every fixture of an old shape is written by the schema of its version,
 * then opened by the current schema; every record must still be there (migrations may reshape a
 * record, so each later version can add its own expectations below).
 */
interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = join(__dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

let open: TandemDB[] = [];
afterEach(async () => {
  for (const db of open) {
    db.close();
    await db.delete();
  }
  open = [];
});

async function writeOldShape(name: string, fixture: Fixture) {
  const old = new TandemDB(name, SCHEMA_HISTORY.filter((v) => v.version <= fixture.version));
  open.push(old);
  await old.open();
  expect(old.verno).toBe(fixture.version);
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('schema migrations', () => {
  it('has a fixture for every schema version, so each future migration is tested from every old shape', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(SCHEMA_HISTORY.map((v) => v.version));
  });

  it('declares versions in increasing order', () => {
    const versions = SCHEMA_HISTORY.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  for (const fixture of fixtures) {
    it(`upgrades a v${fixture.version} database to v${SCHEMA_VERSION} without losing a record`, async () => {
      const name = `migration-v${fixture.version}`;
      await writeOldShape(name, fixture);
      const db = new TandemDB(name);
      open.push(db);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const now = await db.table(table).toArray();
        expect(now, `table ${table}`).toHaveLength(rows.length);
        for (const row of rows) {
          const key = db.table(table).schema.primKey.keyPath;
          const id = Array.isArray(key) ? key.map((k) => row[k]) : row[key as string];
          expect(await db.table(table).get(id as string), `${table} ${JSON.stringify(id)}`).toMatchObject(row);
        }
      }
    });
  }
});
