import type { CheckIn, FocusSession, Result, SiteDay } from '../types';
import { focusRequirement, type FocusRequirement } from './focus';
import { checkinRequirement, type CheckinRequirement } from './checkin';
import { siteTimeRequirement, type SiteTimeRequirement } from './site-time';
import { habitRequirement, type HabitRequirement } from './habit';
import { verdictOf, type Verdict } from '../verdict';

export { jointVerdict, verdictOf, type Verdict } from '../verdict';

/**
 * Every requirement kind's data, by name: a kind adds its line here and its module to REQUIREMENT_KINDS.
 * A test adds a kind of its own by declaration merging (tests/unit/requirement-kinds.test.ts), so the whole
 * program type-checks with a kind that no code outside the registry knows: nothing may be exhaustive over kinds.
 */
export interface RequirementTypes {
  focus: FocusRequirement;
  checkin: CheckinRequirement;
  'site-time': SiteTimeRequirement;
  habit: HabitRequirement;
}

/** What must be done: one of the registered kinds. */
export type Requirement = RequirementTypes[keyof RequirementTypes];

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

/**
 * Everything the code outside this folder may know about a kind: one module per kind, registered once below.
 * Its UI (form fields, the next step on a card) is registered the same way in components/requirements/.
 */
export interface RequirementKind<R extends Requirement = Requirement> {
  readonly kind: R['kind'];
  /** A new requirement of this kind: what the form shows before the person types. */
  readonly initial: R;
  /**
   * Holds the commitment's sites back until met, within its window: the day is done only if met before the
   * window closed. A kind that gates nothing (a habit) asks for no sites and no end time and has the whole day:
   * its check-ins count for the day they were logged for, whenever logged. Partners see 'gate' or 'habit'.
   */
  readonly gates: boolean;
  /** Check-ins a person makes: none; once a day (a second returns the first); or each one counted. */
  readonly checkIn: 'none' | 'once' | 'counted';
  /** The moment it is met is kept as a check-in: its progress comes from daily totals that lose the moment. */
  readonly recordsMet?: boolean;
  /** Short phrase for the UI: "60 min focus", "check in". */
  describe(requirement: R): string;
  /** The phrase a partner may read, when `describe` names a site (none may leave the device). */
  describeShared?(requirement: R): string;
  /** This kind's own fields checked and normalised, or the first problem in words the person can act on. */
  validate(requirement: R): Result<R>;
  progress(requirement: R, records: DayRecords, now: number): Progress;
  /** Times a week, for a kind judged by its week rather than day by day (never "missed" on a single day). */
  perWeek?(requirement: R): number | undefined;
  /** Sites whose visits are watched to judge it (only these, on the device); they need host access too. */
  trackedSites?(requirement: R): string[];
  /** A full focus session's minutes, for a kind met by focus sessions. */
  focusMinutes?(requirement: R): number;
  /** What is left to do today, as a phrase the block page puts before "to keep it": "42 min of focus", "a check-in". */
  whatIsLeft?(requirement: R, progress: Progress): string;
  /**
   * Whether a day's records do the requirement twice over (a make-up for the missed active day before it, issue 11).
   * A kind without it cannot be made up (a single check-in; time on sites, judged later from totals only).
   */
  twiceOver?(requirement: R, records: DayRecords, now: number): boolean;
  /**
   * How much this kind asks beside the others, for a change of kind (easing waits, utils/core/easing.ts): a higher
   * rank is harder. A kind without one is never ranked, so a change to or from it counts as easier (it waits).
   */
  readonly rank?: number;
  /**
   * Whether `after` asks more of the person (harder), less (easier) or the same (neutral) as `before`, both of this
   * kind. Asking more of one thing and less of another is 'easier': it waits. Without it any change is easier.
   */
  compare?(before: R, after: R): Verdict;
  /** A smaller target that could make a commitment kept too rarely fit (recalibration), e.g. 60 → 45 minutes. */
  smaller?(requirement: R): R;
}

/**
 * Whether a requirement asks more or less after a change: by the kind's own comparison when the kind stays, by
 * rank when it changes (an unranked kind, or two of one rank, count as easier: the change waits).
 */
export function compareRequirements(before: Requirement, after: Requirement): Verdict {
  const a = kindOf(before), b = kindOf(after);
  if (a === b) {
    if (a.compare) return a.compare(before, after);
    return JSON.stringify(before) === JSON.stringify(after) ? 'neutral' : 'easier';
  }
  if (a.rank === undefined || b.rank === undefined || a.rank === b.rank) return 'easier';
  return verdictOf(a.rank, b.rank);
}

/** The app's kinds. */
export const REQUIREMENT_KINDS: readonly RequirementKind[] = [focusRequirement, checkinRequirement, siteTimeRequirement, habitRequirement];

const registered = new Map<string, RequirementKind>();

/** Adds a kind to the registry (the app's own at start; a test may add one of its own). */
export function registerRequirementKind<R extends Requirement>(kind: RequirementKind<R>): void {
  if (registered.has(kind.kind)) throw new Error(`Requirement kind "${kind.kind}" is registered twice.`);
  registered.set(kind.kind, kind);
}

REQUIREMENT_KINDS.forEach(registerRequirementKind);

/** The kind of this name, or undefined (for input not validated yet). */
export function findRequirementKind(name: string): RequirementKind | undefined {
  return registered.get(name);
}

/** The kind of this name; a requirement that passed validation always has one. */
export function kindNamed(name: string): RequirementKind {
  const kind = registered.get(name);
  if (!kind) throw new Error(`Unknown requirement kind "${name}".`);
  return kind;
}

/** A requirement's kind: what the generic code asks instead of comparing `requirement.kind` to a name. */
export function kindOf(requirement: Requirement): RequirementKind {
  return kindNamed(requirement.kind);
}

export function progressOf(requirement: Requirement, records: DayRecords, now: number): Progress {
  return kindOf(requirement).progress(requirement, records, now);
}

export function describeRequirement(requirement: Requirement): string {
  return kindOf(requirement).describe(requirement);
}

/** A requirement in words with no site in them, for a partner. */
export function describeShared(requirement: Requirement): string {
  const kind = kindOf(requirement);
  return kind.describeShared ? kind.describeShared(requirement) : kind.describe(requirement);
}

/** Whether the records do the requirement twice over (false for a kind that cannot be made up). */
export function twiceOver(requirement: Requirement, records: DayRecords, now: number): boolean {
  return kindOf(requirement).twiceOver?.(requirement, records, now) ?? false;
}

/** Whether a missed day can be made up under this requirement. */
export function canMakeUp(requirement: Requirement): boolean {
  return kindOf(requirement).twiceOver !== undefined && perWeekOf(requirement) === undefined;
}

/** Times a week for a requirement judged by its week (a weekly habit), else undefined. */
export function perWeekOf(requirement: Requirement): number | undefined {
  return kindOf(requirement).perWeek?.(requirement);
}

/** What is left to do today, in a phrase ("42 min of focus"); a kind without its own phrase says what it asks. */
export function whatIsLeftOf(requirement: Requirement, progress: Progress): string {
  const kind = kindOf(requirement);
  return kind.whatIsLeft?.(requirement, progress) ?? describeRequirement(requirement);
}

/** The sites a requirement watches visits to (work sites), if any. */
export function trackedSitesOf(requirement: Requirement): string[] {
  return kindOf(requirement).trackedSites?.(requirement) ?? [];
}
