import type { Clock } from '../core/types';
import { dayOf } from '../core/days';
import { compileGateRules, compileGateState, tightens, type GateRule, type GateState } from '../core/gate';
import type { TandemDB } from '../db/db';
import { activeCommitments, recentVisits, recordsOn } from '../db/queries';
import { IDLE_THRESHOLD_MS, todayVisits } from '../core/visits';
import { kindOf, progressOf, withVisits, type DayRecords, type VisitRecords } from '../core/requirements';
import type { Commitment } from '../core/types';
import { newId } from '../db/db';
import { completeDueSessions } from './focus';
import { refreshOutcomes } from './outcomes';
import { recordMakeUps } from './repairs';

/** The outside world the gate acts on; the browser adapter implements it (utils/browser/gate-effects.ts). */
export interface GateEffects {
  blockPageUrl: string;
  /** Replace the dynamic DNR rules with these (before the state is published, so pages never loop). */
  applyRules(rules: GateRule[]): Promise<void>;
  /** Publish the state for pages and tab sweeps. */
  publish(state: GateState): Promise<void>;
  /** The state as last published. */
  published(): Promise<GateState>;
  /** Wake up at this instant to look again. */
  scheduleAt(when: number): Promise<void>;
  /** Send open tabs that the closed gate covers to the block page. */
  sweepTabs(state: GateState): Promise<void>;
}

/** Look again at least this often, so a time-zone change or a failed refresh is caught within the hour. */
export const RECHECK_MS = 60 * 60_000;

/**
 * The moment a time-on-site requirement is reached (a kind that `recordsMet`) is kept as a check-in, so the day
 * stays done when it is judged later from daily totals (and `today` gets it too, for the compile that follows).
 */
async function recordMetMoments(db: TandemDB, commitments: Commitment[], today: Map<string, DayRecords>, visits: VisitRecords, clock: Clock) {
  const day = dayOf(clock.now, clock);
  for (const c of commitments) {
    if (!kindOf(c.requirement).recordsMet) continue;
    const records = today.get(c.id) ?? { sessions: [], checkIns: [] };
    if (records.checkIns.length || !progressOf(c.requirement, withVisits(records, visits), clock.now).done) continue;
    const met = { id: newId(), commitmentId: c.id, day, at: clock.now };
    await db.checkIns.add(met);
    today.set(c.id, { ...records, checkIns: [met] });
  }
}

/**
 * Recomputes the gate from stored records and the clock, and applies it. Called on every event that
 * may change the answer; it holds nothing in memory, so a stopped worker loses nothing.
 */
export async function refreshGate(db: TandemDB, clock: Clock, effects: GateEffects): Promise<GateState> {
  await completeDueSessions(db, clock);
  await recordMakeUps(db, clock); // before the outcomes: a final day made up is cached as repaired
  await refreshOutcomes(db, clock);
  await db.overrides.where('until').belowOrEqual(clock.now).delete(); // expired "go anyway" grants
  const day = dayOf(clock.now, clock);
  const [commitments, today, overrides, [siteDays, tracker]] = await Promise.all([
    activeCommitments(db),
    recordsOn(db, day),
    db.overrides.toArray(),
    recentVisits(db, clock.now),
  ]);
  const visits = todayVisits(siteDays, tracker, clock, IDLE_THRESHOLD_MS);
  await recordMetMoments(db, commitments, today, visits, clock);
  const state = compileGateState({ commitments, today, overrides, clock, visits });
  const rules = compileGateRules(state, effects.blockPageUrl);
  if (tightens(await effects.published(), state)) {
    await effects.publish(state);
    await effects.applyRules(rules);
  } else {
    await effects.applyRules(rules);
    await effects.publish(state);
  }
  await effects.scheduleAt(Math.min(state.nextChangeAt, clock.now + RECHECK_MS));
  await effects.sweepTabs(state);
  return state;
}
