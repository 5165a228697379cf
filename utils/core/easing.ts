/**
 * Easing waits (issue 11, item 1): a change that makes a commitment easier takes effect only after a delay, at the
 * start of a day; one that makes it harder applies at once; a change that does both splits.
 *
 * A commitment's terms are split into parts, each judged on its own: the requirement (its kind's own comparison, or
 * the kinds' ranks), each gated site (one added asks more, one taken away less), each weekday of the schedule (the
 * time it holds the sites back: more is harder, less — an earlier "until", a later start, a day taken away — is
 * easier), archiving, and the pledge (added, or triggered by fewer missed days, is harder; removed, triggered by more,
 * or with other words for its stake — which no rule can rank — is easier). A part that asks more of one thing and
 * less of another counts as easier: it waits.
 * When the requirement's kind starts or stops holding sites back, requirement, schedule and sites are one part.
 */
import type { PendingEasing, PledgeTerms, Requirement, Schedule, TimeWindow, Weekday } from './types';
import { compareRequirements, jointVerdict, kindOf, type Verdict } from './requirements';
import { appliesOn, spansOn } from './schedule';

export type { Verdict };

/** What the easing rule looks at: everything else (title, why) is neutral and applies at once. */
export interface Terms {
  requirement: Requirement;
  schedule: Schedule;
  sites: string[];
  archived: boolean;
  /** The pledge (null: none); left out by a change that does not touch it. */
  pledge?: PledgeTerms | null;
}

export type Part = { part: string; verdict: Verdict };

export interface Split {
  /** easier / harder / neutral; 'mixed' when some parts are easier and others harder (the change splits). */
  verdict: Verdict | 'mixed';
  parts: Part[];
  /** The terms to apply at once: `before` with every harder part of `after` (neutral parts are the same). */
  now: Terms;
  /** The terms to apply after the delay (`after` itself), or null when nothing in the change is easier. */
  later: Terms | null;
}

const WEEKDAYS: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const DAY_MINUTES = 1440;

/** Judges a change from `before` to `after`, and splits it into what applies now and what waits. */
export function classifyChange(before: Terms, after: Terms, dayStartMinutes: number): Split {
  const gatesBefore = kindOf(before.requirement).gates, gatesAfter = kindOf(after.requirement).gates;
  const requirement = compareRequirements(before.requirement, after.requirement);
  const days = WEEKDAYS.map((d) => ({ d, verdict: coverageVerdict(before, after, d, dayStartMinutes) }));
  const added = after.sites.filter((s) => !before.sites.includes(s));
  const removed = before.sites.filter((s) => !after.sites.includes(s));
  const siteParts: Part[] = [...added.map((s) => ({ part: `site ${s}`, verdict: 'harder' as const })), ...removed.map((s) => ({ part: `site ${s}`, verdict: 'easier' as const }))];
  const archived: Verdict = before.archived === after.archived ? 'neutral' : after.archived ? 'easier' : 'harder';
  const dayParts: Part[] = days.filter((x) => x.verdict !== 'neutral').map((x) => ({ part: `day ${x.d}`, verdict: x.verdict }));
  const archiveParts: Part[] = archived === 'neutral' ? [] : [{ part: 'archived', verdict: archived }];
  const pledgeBefore = before.pledge ?? null, pledgeAfter = after.pledge === undefined ? pledgeBefore : after.pledge;
  const pledge = pledgeVerdict(pledgeBefore, pledgeAfter);
  if (pledge !== 'neutral') archiveParts.push({ part: 'pledge', verdict: pledge });
  const now: Terms = { ...before, archived: archived === 'harder' ? after.archived : before.archived, pledge: pledge === 'harder' ? pledgeAfter : pledgeBefore };
  let parts: Part[];
  if (gatesBefore !== gatesAfter) {
    // A kind that holds sites back against one that does not: requirement, days and sites are judged as one.
    const verdict = jointVerdict([requirement, ...days.map((x) => x.verdict), ...siteParts.map((p) => p.verdict)]);
    parts = [{ part: 'rules', verdict }, ...archiveParts];
    if (verdict === 'harder') Object.assign(now, { requirement: after.requirement, schedule: after.schedule, sites: after.sites });
  } else {
    parts = [...(requirement === 'neutral' ? [] : [{ part: 'requirement', verdict: requirement }]), ...dayParts, ...siteParts, ...archiveParts];
    if (requirement === 'harder') now.requirement = after.requirement;
    now.sites = [...before.sites, ...added];
    now.schedule = scheduleTaking(before.schedule, after.schedule, new Set(days.filter((x) => x.verdict === 'harder').map((x) => x.d)));
  }
  const easier = parts.some((p) => p.verdict === 'easier');
  const harder = parts.some((p) => p.verdict === 'harder');
  return {
    verdict: easier && harder ? 'mixed' : easier ? 'easier' : harder ? 'harder' : 'neutral',
    parts,
    now,
    later: easier ? after : null,
  };
}

function pledgeVerdict(a: PledgeTerms | null, b: PledgeTerms | null): Verdict {
  if (a === null || b === null) return a === b ? 'neutral' : a === null ? 'harder' : 'easier';
  if (a.stake !== b.stake || b.misses > a.misses) return 'easier';
  return b.misses < a.misses ? 'harder' : 'neutral';
}

/**
 * One weekday of the schedule: the time it holds sites back, as spans of the logical day (the whole day for a kind
 * that holds nothing back, on its days). More time is harder, less easier; some more and some less, easier.
 */
function coverageVerdict(before: Terms, after: Terms, d: Weekday, dayStartMinutes: number): Verdict {
  const a = coverage(before, d, dayStartMinutes), b = coverage(after, d, dayStartMinutes);
  const aInB = within(a, b), bInA = within(b, a);
  if (aInB && bInA) return 'neutral';
  return aInB ? 'harder' : 'easier';
}

type Span = { from: number; until: number };

function coverage(t: Terms, d: Weekday, dayStartMinutes: number): Span[] {
  if (!kindOf(t.requirement).gates) return appliesOn(t.schedule, d) ? [{ from: 0, until: DAY_MINUTES }] : [];
  const merged: Span[] = [];
  for (const s of spansOn(t.schedule, d, dayStartMinutes)) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.until) last.until = Math.max(last.until, s.until);
    else merged.push({ from: s.from, until: s.until });
  }
  return merged;
}

/** Whether every span of `inner` lies inside one span of `outer` (both merged and ordered). */
function within(inner: Span[], outer: Span[]): boolean {
  return inner.every((s) => outer.some((o) => o.from <= s.from && s.until <= o.until));
}

/** `before`'s schedule with the windows of `after` on the weekdays `take`. */
function scheduleTaking(before: Schedule, after: Schedule, take: ReadonlySet<Weekday>): Schedule {
  if (take.size === 0) return before;
  if (WEEKDAYS.every((d) => take.has(d) || sameDay(before, after, d))) return after;
  const byKey = new Map<string, { windows: Omit<TimeWindow, 'days'>[]; days: Weekday[] }>();
  for (const d of WEEKDAYS) {
    const windows = windowsOf(take.has(d) ? after : before, d);
    if (windows.length === 0) continue;
    const key = JSON.stringify(windows);
    const group = byKey.get(key) ?? { windows, days: [] };
    group.days.push(d);
    byKey.set(key, group);
  }
  return [...byKey.values()].flatMap(({ windows, days }) => windows.map((w) => ({ days, ...w })));
}

function windowsOf(s: Schedule, d: Weekday): Omit<TimeWindow, 'days'>[] {
  return s
    .filter((w) => w.days.includes(d))
    .map((w) => (w.fromMinutes === undefined ? { untilMinutes: w.untilMinutes } : { fromMinutes: w.fromMinutes, untilMinutes: w.untilMinutes }));
}

const sameDay = (a: Schedule, b: Schedule, d: Weekday) => JSON.stringify(windowsOf(a, d)) === JSON.stringify(windowsOf(b, d));

export const pendingTerms = (p: PendingEasing): Terms => ({
  requirement: p.requirement, schedule: p.schedule, sites: p.sites, archived: p.archive === true, ...(p.pledge !== undefined ? { pledge: p.pledge } : {}),
});
