/** Pauses made before issue 11 keep working: an open pause still pauses, and ends as a pause ends now. */
import { afterEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_HISTORY, TandemDB } from '@/utils/db/db';
import { isPaused } from '@/utils/core/rules';
import { localInstant } from '@/utils/core/days';
import { pauseCommitment, resumeCommitment, saveCommitment } from '@/utils/services/commitments';
import type { Clock } from '@/utils/core/types';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'v6-pauses.json'), 'utf8')) as { version: number; tables: Record<string, Record<string, unknown>[]> };
const clock = (date: string): Clock => ({ now: localInstant(date, 9 * 60, 'Europe/Berlin'), timeZone: 'Europe/Berlin', dayStartMinutes: 240 });
let db: TandemDB | undefined;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

it('an open pause from schema 6 still pauses after the upgrade, refuses a second, and ends at once', async () => {
  const old = new TandemDB('pauses-v6', SCHEMA_HISTORY.filter((v) => v.version <= fixture.version));
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  db = new TandemDB('pauses-v6');
  await db.open();
  const c = (await db.commitments.get('p-open'))!;
  expect(c.pauses).toEqual(fixture.tables.commitments![0]!.pauses);
  expect(isPaused(c, '2026-03-10')).toBe(true);
  expect(isPaused(c, '2026-02-28')).toBe(false);
  expect(await pauseCommitment(db, 'p-open', clock('2026-03-10'))).toMatchObject({ ok: false, error: expect.stringMatching(/already has a pause/) });
  // An edit while paused keeps the pause; ending it counts today again.
  await saveCommitment(db, { title: 'Deep work first', why: '', sites: c.sites, requirement: c.requirement, schedule: c.schedule }, clock('2026-03-10'), 'p-open');
  const ended = await resumeCommitment(db, 'p-open', clock('2026-03-10'));
  expect(ended).toMatchObject({ ok: true, value: { title: 'Deep work first', pauses: [{ from: '2026-02-26', until: '2026-02-27' }, { from: '2026-03-02', until: '2026-03-10' }] } });
  expect(ended.ok && isPaused(ended.value, '2026-03-10')).toBe(false);
});
