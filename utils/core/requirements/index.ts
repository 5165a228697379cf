import type { CheckIn, FocusSession, Requirement, SiteDay } from '../types';
import { focusRequirement } from './focus';
import { checkinRequirement } from './checkin';
import { siteTimeRequirement } from './site-time';
import { habitRequirement } from './habit';

/** Time on tracked sites on one day: the folded totals, and the visit in progress (if any). */
export interface VisitRecords {
  siteDays: SiteDay[];
  open: { site: string; since: number; confirmedAt: number } | null;
  /** The day's start instant (an open visit counts from here at the earliest). */
  dayStart: number;
  idleThresholdMs: number;
}

/** The records of one commitment on one day that requirements are judged from. */
export interface DayRecords {
  sessions: FocusSession[];
  checkIns: CheckIn[];
  visits?: VisitRecords;
}

export const NO_RECORDS: DayRecords = { sessions: [], checkIns: [] };

/** A day's records with today's site visits attached (visits are shared: each requirement picks its sites). */
export function withVisits(records: DayRecords | undefined, visits: VisitRecords | undefined): DayRecords {
  const base = records ?? NO_RECORDS;
  return visits ? { ...base, visits } : base;
}

export interface Progress {
  done: boolean;
  /** When the requirement was met (the day's window must not have closed before it), if done. */
  doneAt?: number;
  /** Amount reached and needed, in `unit`s (minutes of focus, check-ins). */
  value: number;
  target: number;
  unit: 'min' | 'check-in' | 'times';
  /** A focus session running now, if any. */
  running?: FocusSession;
  /** When the requirement will be met if things go on as now (time on a work site accruing). */
  projectedDoneAt?: number;
}

/** One module per requirement kind; adding a kind is adding a file and a line here. */
export interface RequirementKind<R extends Requirement> {
  kind: R['kind'];
  /** Short phrase for the UI: "60 min focus", "check in". */
  describe(requirement: R): string;
  progress(requirement: R, records: DayRecords, now: number): Progress;
}

const KINDS: { [K in Requirement['kind']]: RequirementKind<Extract<Requirement, { kind: K }>> } = {
  focus: focusRequirement,
  checkin: checkinRequirement,
  'site-time': siteTimeRequirement,
  habit: habitRequirement,
};

export function requirementKind<R extends Requirement>(requirement: R): RequirementKind<R> {
  return KINDS[requirement.kind] as unknown as RequirementKind<R>;
}

export function progressOf(requirement: Requirement, records: DayRecords, now: number): Progress {
  return requirementKind(requirement).progress(requirement, records, now);
}

export function describeRequirement(requirement: Requirement): string {
  return requirementKind(requirement).describe(requirement);
}
