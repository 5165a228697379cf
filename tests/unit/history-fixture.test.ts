/**
 * The benchmark's history (scripts/history-fixture.ts) is one Tandem could have recorded: exported at any hour of
 * the day, the import's checks accept it (a repair dated after `now` once made the data benchmark's import refuse
 * the file it had just exported, depending on the hour it ran).
 */
import { expect, it } from 'vitest';
import { makeHistory } from '@/scripts/history-fixture';
import { parseBackup } from '@/utils/core/backup/validate';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/utils/core/backup/format';
import { DEFAULT_SETTINGS } from '@/utils/core/types';

const HOURS_UTC = [0, 3, 8, 9, 12, 22];

it.each(HOURS_UTC)('a year of history exported at %i:50 UTC is accepted by the import', (hour) => {
  const now = Date.UTC(2026, 10, 30, hour, 50);
  const h = makeHistory({ now, timeZone: 'Europe/Berlin', years: 1 });
  expect(h.commitments.flatMap((c) => c.repairs ?? []).every((r) => r.at <= now)).toBe(true);
  const text = JSON.stringify({
    format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, settings: DEFAULT_SETTINGS,
    commitments: h.commitments.map(({ sharedWith: _, ...c }) => c), sessions: h.sessions, checkIns: h.checkIns,
    attempts: [], siteDays: [], reviews: [], partners: [],
  });
  const parsed = parseBackup(text, now);
  expect(parsed.ok ? 'accepted' : parsed.error).toBe('accepted');
});
