import Dexie from 'dexie';
import type { CheckIn, Commitment, DayKey, FocusSession } from '../core/types';
import type { DayRecords } from '../core/requirements';
import type { TandemDB } from './db';

/** Commitments that are not archived, oldest first. */
export async function activeCommitments(db: TandemDB): Promise<Commitment[]> {
  const all = await db.commitments.toArray();
  return all.filter((c) => c.archivedAt === undefined).sort((a, b) => a.createdAt - b.createdAt);
}

/** Each commitment's sessions and check-ins on one day, by commitment id. */
export async function recordsOn(db: TandemDB, day: DayKey): Promise<Map<string, DayRecords>> {
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('day').equals(day).toArray(),
    db.checkIns.where('day').equals(day).toArray(),
  ]);
  return groupRecords(sessions, checkIns, (r) => r.commitmentId);
}

/** One commitment's records for every day it has any, by day, for streaks. */
export async function historyOf(db: TandemDB, commitmentId: string): Promise<Map<DayKey, DayRecords>> {
  const lower = [commitmentId, Dexie.minKey];
  const upper = [commitmentId, Dexie.maxKey];
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('[commitmentId+day]').between(lower, upper).toArray(),
    db.checkIns.where('[commitmentId+day]').between(lower, upper).toArray(),
  ]);
  return groupRecords(sessions, checkIns, (r) => r.day);
}

/** Everything the check-in needs: live commitments and each one's records by day. */
export async function loadCheckIn(db: TandemDB): Promise<{ commitments: Commitment[]; history: Map<string, Map<DayKey, DayRecords>> }> {
  const commitments = await activeCommitments(db);
  const histories = await Promise.all(commitments.map((c) => historyOf(db, c.id)));
  return { commitments, history: new Map(commitments.map((c, i) => [c.id, histories[i]!])) };
}

function groupRecords(sessions: FocusSession[], checkIns: CheckIn[], keyOf: (r: FocusSession | CheckIn) => string): Map<string, DayRecords> {
  const groups = new Map<string, DayRecords>();
  const slot = (key: string) => {
    let r = groups.get(key);
    if (!r) groups.set(key, (r = { sessions: [], checkIns: [] }));
    return r;
  };
  for (const s of sessions) slot(keyOf(s)).sessions.push(s);
  for (const c of checkIns) slot(keyOf(c)).checkIns.push(c);
  return groups;
}
