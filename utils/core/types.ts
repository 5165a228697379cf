/**
 * The domain model: plain data, shared by the pure core, the database and the UI.
 * Instants are epoch milliseconds; a day is a `DayKey` ('YYYY-MM-DD') of the person's logical day,
 * which starts at `Settings.dayStartMinutes` local time (so 01:30 still belongs to yesterday).
 */

/** 'YYYY-MM-DD', the person's logical day (see days.ts). */
export type DayKey = string;

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

import type { Requirement } from './requirements';

/** What must be done (before the gate opens, or as a habit). One module per kind in core/requirements/. */
export type { Requirement };

/**
 * One stretch of a commitment's schedule: on these weekdays, from `fromMinutes` (or the day start when absent)
 * until `untilMinutes` local time, both within the person's logical day (see utils/core/schedule.ts).
 */
export interface TimeWindow {
  days: Weekday[];
  /**
   * Minutes after local midnight, 0–1439; absent = from the start of the person's day (it follows the setting).
   * Earlier than the day start means "after midnight", as for `untilMinutes`.
   */
  fromMinutes?: number;
  /** Minutes after local midnight, 0–1439. Earlier than the day start means "after midnight" (e.g. 01:00). */
  untilMinutes: number;
}

/**
 * When a commitment applies: its windows (at most WINDOWS_PER_DAY_MAX on a weekday, never overlapping, as the form
 * saves them). A day is one of its days when any window names its weekday. Stored since schema version 6;
 * before it a commitment had one `window: { days, untilMinutes }`, which is the schedule `[window]`.
 */
export type Schedule = TimeWindow[];

export interface Commitment {
  id: string;
  title: string;
  /** "Why this matters to me", in the person's words; may be empty. */
  why: string;
  /** Site patterns as the person wrote them, normalised (see site-pattern.ts). */
  sites: string[];
  requirement: Requirement;
  schedule: Schedule;
  createdAt: number;
  updatedAt: number;
  /** Set when archived; archived commitments never gate and are hidden from the check-in. */
  archivedAt?: number;
  /**
   * Earlier rules, oldest first: each was in force on the days before `until` (and after the previous
   * entry's). Editing a commitment never rewrites past days: each day is judged by the rules of its time.
   */
  earlierRules?: { until: DayKey; requirement: Requirement; schedule: Schedule }[];
  /**
   * Seasons of life: days from `from` up to (not including) `until` are paused — no gate, and the days
   * neither count toward a streak nor break it. An open pause has no `until` yet.
   */
  pauses?: Pause[];
  /**
   * An easing waiting for its day (utils/core/easing.ts): these terms apply from `day` on. Harder changes apply at
   * once and never wait here. Applied by the worker at that day's start (the `easing` alarm, and at every start).
   */
  pending?: PendingEasing;
  /** Missed days repaired (issue 11): by a make-up on the next active day, or a partner's grant. Oldest first. */
  repairs?: Repair[];
  /** The last recalibration (issue 11): when, what the person chose, and their note. Asked at most weekly. */
  recalibration?: { at: number; choice: 'recommit' | 'fit' | 'pause'; note?: string };
  /** A pre-commitment (issue 11): "If I miss 2 days in a week, I give €10 to …" (utils/core/pledge.ts). */
  pledge?: Pledge;
  /** Pairs (pair ids) whose partner sees this commitment's summary; none when never shared. */
  sharedWith?: string[];
}

/**
 * A season of life: days from `from` up to (not including) `until` are paused. Made since issue 11 from tomorrow
 * at the earliest (or after the easing delay); older pauses may have begun on the day they were made.
 */
export interface Pause {
  from: DayKey;
  until?: DayKey;
  /** The person's words ("exam week"), shown to partners; up to PAUSE_REASON_MAX characters. */
  reason?: string;
}

/** A pledge: missed days a week that trigger it, the stake in the person's words, and the weeks marked kept. */
/** A pledge's terms, what the easing rule judges: fewer missed days that trigger it ask more, a new stake waits. */
export type PledgeTerms = Pick<Pledge, 'misses' | 'stake'>;

export interface Pledge {
  misses: number;
  stake: string;
  /** Week starts whose pledge the person marked kept. */
  kept?: DayKey[];
}

/** A missed day repaired: shown as repaired (never as done); the streak runs through it. */
export interface Repair {
  day: DayKey;
  /** 'make-up': the requirement done twice over on the next active day; 'partner': granted by a partner. */
  by: 'make-up' | 'partner';
  at: number;
}

/** An easing waiting for its day, kept with the commitment until it applies or is cancelled. */
export interface PendingEasing {
  /** The first logical day the eased terms apply: the first day that starts at least the delay after `madeAt`. */
  day: DayKey;
  madeAt: number;
  requirement: Requirement;
  schedule: Schedule;
  sites: string[];
  /** The commitment is archived on that day. */
  archive?: true;
  /** The pledge from that day (issue 11): null when it is removed; left out when the easing leaves it as it is. */
  pledge?: PledgeTerms | null;
}

/** The rules a commitment was kept by on one day. */
export type Rules = Pick<Commitment, 'requirement' | 'schedule'>;

/** What the person types into the form; validated into a Commitment. */
export type CommitmentDraft = Pick<Commitment, 'title' | 'why' | 'sites' | 'requirement' | 'schedule'>;

export type FocusOutcome = 'running' | 'completed' | 'ended-early';

export interface FocusSession {
  id: string;
  commitmentId: string;
  /** The logical day the session started on; its minutes count for that day. */
  day: DayKey;
  startedAt: number;
  /** startedAt + planned minutes. The alarm that completes the session fires at this instant. */
  endsAt: number;
  /** Set when completed or ended early. */
  endedAt?: number;
  outcome: FocusOutcome;
}

/** A manual "I did it" (check-in commitments and habits), or the moment a time-on-site requirement was met. */
export interface CheckIn {
  id: string;
  commitmentId: string;
  day: DayKey;
  at: number;
  /** How it went, in the person's words, and a 1–5 rating: optional, for habits. */
  note?: string;
  rating?: 1 | 2 | 3 | 4 | 5;
}

export type AttemptOutcome = 'turned-back' | 'went-anyway' | 'started-session';

/** One arrival on the block page. Counts only: no URL or host is stored. */
export interface Attempt {
  id: string;
  commitmentId: string;
  day: DayKey;
  at: number;
  outcome: AttemptOutcome;
}

/** "Go anyway": one host is let through until `until`. Kept on the device, pruned once expired. */
export interface Override {
  host: string;
  until: number;
}

/** Seconds on one tracked site (a site pattern of a site-time requirement) on one day. Never leaves the device. */
export interface SiteDay {
  site: string;
  day: DayKey;
  seconds: number;
  visits: number;
}

export interface Settings {
  /** Minutes after local midnight at which the person's day starts. Default 240 (04:00). */
  dayStartMinutes: number;
  /** First day of the week for weekly targets. Default Monday. */
  weekStartsOn?: Weekday;
  /** Minutes "go anyway" lets a site through (1–30, core/go-anyway.ts). Default 5; absent in older settings. */
  goAnywayMinutes?: number;
  /** What the toolbar badge shows (utils/core/badge.ts). Default 'auto': the partner's streak when paired, else own progress. */
  badge?: BadgeChoice;
  /** Days an easing waits (utils/core/easing.ts): 0–7, default 2. */
  easingDelayDays?: number;
  /** A lowered delay waiting for its time: lowering the delay waits the delay in force when it was asked. */
  easingDelayLowered?: { days: number; from: number };
}

/** The toolbar badge: 'auto' = the partner's streak when paired, else own progress today. */
export type BadgeChoice = 'auto' | 'own' | 'partner' | 'none';

export const DEFAULT_SETTINGS: Settings = { dayStartMinutes: 240, weekStartsOn: 1, goAnywayMinutes: 5 };

/** The status shown in the popup for one commitment today. */
export type DayStatus = 'not-today' | 'paused' | 'pending' | 'in-progress' | 'done' | 'missed';

/** Everything the core needs to judge a day or compile the gate: stored records plus the clock. */
export interface Clock {
  now: number;
  timeZone: string;
  dayStartMinutes: number;
  /** For weekly targets; Monday when not given. */
  weekStartsOn?: Weekday;
  /** The easing delay in force at `now`, in days (utils/core/easing-time.ts); 2 when not given. */
  easingDelayDays?: number;
}

/** Result type for validation: a clear message on failure, never a throw. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
