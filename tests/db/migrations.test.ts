import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_HISTORY, SCHEMA_VERSION, TandemDB } from '@/utils/db/db';
import type { Clock, Commitment } from '@/utils/core/types';
import { statusOn } from '@/utils/core/status';
import { rulesOn } from '@/utils/core/rules';
import { NO_RECORDS } from '@/utils/core/requirements';

/**
 * The migration harness: every fixture of an old shape is written by the schema of its version,
 * then opened by the current schema; every record must still be there (migrations may reshape a
 * record, so each later version can add its own expectations below).
 */
interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * What a record of an old shape looks like once upgraded: v6 turned a commitment's `window` into `schedule: [window]`,
 * in its earlier rules too.
 */
function upgraded(table: string, row: Record<string, unknown>, from: number): Record<string, unknown> {
  if (table !== 'commitments' || from >= 6) return row;
  const v6 = (r: Record<string, unknown>) => {
    const { window, ...rest } = r;
    return { ...rest, schedule: [window] };
  };
  const out: Record<string, unknown> = v6(row);
  if (Array.isArray(row.earlierRules)) out.earlierRules = (row.earlierRules as Record<string, unknown>[]).map(v6);
  return out;
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
          const stored = await db.table(table).get(id as string);
          expect(stored, `${table} ${JSON.stringify(id)}`).toMatchObject(upgraded(table, row, fixture.version));
          if (table === 'commitments') expect(stored).not.toHaveProperty('window');
        }
      }
    });
  }

  it('v5 → v6: every window, current and earlier, means what it meant: from the day start until its time', async () => {
    const old = JSON.parse(readFileSync(join(dir, 'v5-windows.json'), 'utf8')) as Fixture;
    const name = 'migration-v5-windows';
    await writeOldShape(name, old);
    const db = new TandemDB(name);
    open.push(db);
    await db.open();
    const edited = (await db.commitments.get('e-edited'))!;
    expect(edited.schedule).toEqual([{ days: [1, 2, 3, 4, 5, 6], untilMinutes: 720 }]);
    expect(edited.earlierRules).toEqual([
      { until: '2026-02-20', requirement: { kind: 'focus', minutes: 30 }, schedule: [{ days: [1, 2, 3, 4, 5], untilMinutes: 660 }] },
      { until: '2026-03-01', requirement: { kind: 'checkin' }, schedule: [{ days: [0, 6], untilMinutes: 60 }] },
    ]);
    expect(edited.pauses).toEqual([{ from: '2026-03-02', until: '2026-03-05' }]);
    expect((await db.commitments.get('e-habit'))!.schedule).toEqual([{ days: [1, 3, 5], untilMinutes: 240 }]);

    // Judged as before: Berlin, day start 04:00. Tuesday 2026-02-17 (earlier rules: until 11:00), Saturday
    // 2026-02-28 (checkin until 01:00 the next morning), Monday 2026-03-09 (now: until 12:00).
    const clock = (iso: string): Clock => ({ now: Date.parse(iso), timeZone: 'Europe/Berlin', dayStartMinutes: 240 });
    const status = (c: Commitment, day: string, iso: string) => statusOn(c, day, NO_RECORDS, clock(iso));
    expect(rulesOn(edited, '2026-02-17').requirement).toEqual({ kind: 'focus', minutes: 30 });
    expect(status(edited, '2026-02-17', '2026-02-17T10:59:00+01:00')).toMatchObject({ status: 'pending', windowEnd: Date.parse('2026-02-17T11:00:00+01:00') });
    expect(status(edited, '2026-02-17', '2026-02-17T11:00:00+01:00').status).toBe('missed');
    expect(status(edited, '2026-02-17', '2026-02-17T04:00:00+01:00').windowEnd).toBe(Date.parse('2026-02-17T11:00:00+01:00'));
    expect(status(edited, '2026-02-28', '2026-03-01T00:59:00+01:00')).toMatchObject({ status: 'pending', windowEnd: Date.parse('2026-03-01T01:00:00+01:00') });
    expect(status(edited, '2026-02-23', '2026-02-23T09:00:00+01:00').status).toBe('not-today'); // a Monday under the weekend rules
    expect(status(edited, '2026-03-09', '2026-03-09T11:59:00+01:00')).toMatchObject({ status: 'pending', windowEnd: Date.parse('2026-03-09T12:00:00+01:00') });
    const whole = (await db.commitments.get('e-whole'))!;
    expect(status(whole, '2026-03-09', '2026-03-10T03:59:00+01:00')).toMatchObject({ status: 'pending', windowEnd: Date.parse('2026-03-10T04:00:00+01:00') });
    const late = (await db.commitments.get('e-late'))!;
    expect(status(late, '2026-03-09', '2026-03-09T04:00:00+01:00').windowEnd).toBe(Date.parse('2026-03-10T01:30:00+01:00'));
  });
});
