import Dexie from 'dexie';
import type { Commitment, DayKey } from '../core/types';
import type { DayRecords } from '../core/requirements';
import type { TandemDB } from './db';

/** Commitments that are not archived, oldest first. */
export async function activeCommitments(db: TandemDB): Promise<Commitment[]> {
  const all = await db.commitments.toArray();
  return all.filter((c) => c.archivedAt === undefined).sort((a, b) => a.createdAt - b.createdAt);
}

/** Each commitment's sessions and check-ins on one day. */
export async function recordsOn(db: TandemDB, day: DayKey): Promise<Map<string, DayRecords>> {
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('day').equals(day).toArray(),
    db.checkIns.where('day').equals(day).toArray(),
  ]);
  const byId = new Map<string, DayRecords>();
  const slot = (id: string) => {
    let r = byId.get(id);
    if (!r) byId.set(id, (r = { sessions: [], checkIns: [] }));
    return r;
  };
  for (const s of sessions) slot(s.commitmentId).sessions.push(s);
  for (const c of checkIns) slot(c.commitmentId).checkIns.push(c);
  return byId;
}

/** One commitment's records for every day it has any, for streaks. */
export async function historyOf(db: TandemDB, commitmentId: string): Promise<Map<DayKey, DayRecords>> {
  const range = [[commitmentId, Dexie.minKey], [commitmentId, Dexie.maxKey]] as const;
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('[commitmentId+day]').between(range[0], range[1]).toArray(),
    db.checkIns.where('[commitmentId+day]').between(range[0], range[1]).toArray(),
  ]);
  const byDay = new Map<DayKey, DayRecords>();
  const slot = (day: DayKey) => {
    let r = byDay.get(day);
    if (!r) byDay.set(day, (r = { sessions: [], checkIns: [] }));
    return r;
  };
  for (const s of sessions) slot(s.day).sessions.push(s);
  for (const c of checkIns) slot(c.day).checkIns.push(c);
  return byDay;
}

/** Everything the check-in needs: live commitments and each one's records by day. */
export async function loadCheckIn(db: TandemDB): Promise<{ commitments: Commitment[]; history: Map<string, Map<DayKey, DayRecords>> }> {
  const commitments = await activeCommitments(db);
  const histories = await Promise.all(commitments.map((c) => historyOf(db, c.id)));
  return { commitments, history: new Map(commitments.map((c, i) => [c.id, histories[i]!])) };
}
