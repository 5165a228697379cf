import type { CheckIn, Commitment, DayKey, FocusSession } from '../core/types';
import type { DayRecords } from '../core/requirements';
import type { TandemDB } from './db';

// These reads also run inside Dexie liveQuery (pages): each one starts all its queries at once, before any
// await of a plain async function, because liveQuery only observes queries made within its own zone.

/** Every commitment, archived ones included, oldest first. */
export function allCommitments(db: TandemDB): Promise<Commitment[]> {
  return db.commitments.toArray().then(oldestFirst);
}

/** Commitments that are not archived, oldest first. */
export function activeCommitments(db: TandemDB): Promise<Commitment[]> {
  return db.commitments.filter((c) => c.archivedAt === undefined).toArray().then(oldestFirst);
}

function oldestFirst(commitments: Commitment[]): Commitment[] {
  return commitments.sort((a, b) => a.createdAt - b.createdAt);
}

/** Each commitment's sessions and check-ins on one day, by commitment id. */
export async function recordsOn(db: TandemDB, day: DayKey): Promise<Map<string, DayRecords>> {
  const [sessions, checkIns] = await Promise.all([
    db.sessions.where('day').equals(day).toArray(),
    db.checkIns.where('day').equals(day).toArray(),
  ]);
  return groupRecords(sessions, checkIns, (r) => r.commitmentId);
}

/** Everything the check-in needs: live commitments and each one's records by day. */
export async function loadCheckIn(db: TandemDB): Promise<{ commitments: Commitment[]; history: Map<string, Map<DayKey, DayRecords>> }> {
  const [commitments, sessions, checkIns] = await Promise.all([activeCommitments(db), db.sessions.toArray(), db.checkIns.toArray()]);
  const history = new Map(commitments.map((c) => [c.id, new Map<DayKey, DayRecords>()]));
  for (const [key, records] of groupRecords(sessions, checkIns, (r) => `${r.commitmentId} ${r.day}`)) {
    const [commitmentId, day] = key.split(' ') as [string, DayKey];
    history.get(commitmentId)?.set(day, records);
  }
  return { commitments, history };
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
