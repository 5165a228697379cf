import { fail, ok } from '../result';
import { normaliseSitePatterns } from '../site-pattern';
import { checkMinutes } from './focus';
import type { RequirementKind } from './index';
import { jointVerdict, verdictOf, type Verdict } from '../verdict';
import { tr } from '../i18n';

/** Time spent on work sites (watched on the device), e.g. 45 minutes on docs.google.com before email. */
export type SiteTimeRequirement = { kind: 'site-time'; minutes: number; sites: string[] };

const MINUTE = 60_000;

/**
 * "N minutes on these sites": time on the work sites today, from the folded totals plus the visit in
 * progress (counted up to `now`, and never more than the idle threshold past its last confirmation).
 */
export const siteTimeRequirement: RequirementKind<SiteTimeRequirement> = {
  kind: 'site-time',
  initial: { kind: 'site-time', minutes: 45, sites: [] },
  gates: true,
  checkIn: 'none',
  // Judged later from daily totals, which lose the moment: the worker keeps it (services/gate.ts).
  recordsMet: true,
  describe: (r) => tr('site_time_min_on', { minutes: r.minutes, value: r.sites[0] ?? tr('site_time_work_sites'), value2: r.sites.length > 1 ? ` +${r.sites.length - 1}` : '' }),
  describeShared: (r) => tr('site_time_min_on_work_sites', { minutes: r.minutes }),
  validate(r) {
    const minutes = checkMinutes(r.minutes, tr('site_time_time_on_work_sites'));
    if (!minutes.ok) return minutes;
    const work = normaliseSitePatterns(r.sites);
    if (!work.ok) return work;
    if (work.value.length === 0) return fail(tr('site_time_add_at_least_one_work_site_e_g'));
    return ok({ ...r, sites: work.value });
  },
  trackedSites: (r) => r.sites,
  whatIsLeft: (r, p) => tr('site_time_min_on_2', { value: Math.max(1, r.minutes - p.value), value2: r.sites.length === 1 ? r.sites[0]! : tr('site_time_your_work_sites') }),
  rank: 2,
  smaller: (r) => ({ ...r, minutes: Math.max(Math.min(5, r.minutes), Math.floor((r.minutes * 0.75) / 5) * 5) }),
  // More minutes ask more; a work site taken away asks more too (fewer places count), one added asks less.
  compare: (a, b) =>
    jointVerdict([
      verdictOf(a.minutes, b.minutes),
      ...a.sites.filter((s) => !b.sites.includes(s)).map((): Verdict => 'harder'),
      ...b.sites.filter((s) => !a.sites.includes(s)).map((): Verdict => 'easier'),
    ]),
  progress(r, records, now) {
    const targetMs = r.minutes * MINUTE;
    const v = records.visits;
    let ms = 0;
    let accruingFrom: number | undefined;
    if (v) {
      for (const d of v.siteDays) if (r.sites.includes(d.site)) ms += d.seconds * 1000;
      if (v.open && r.sites.includes(v.open.site)) {
        const from = Math.max(v.open.since, v.dayStart);
        const to = Math.min(now, v.open.confirmedAt + v.idleThresholdMs);
        if (to > from) ms += to - from;
        if (now < v.open.confirmedAt + v.idleThresholdMs) accruingFrom = now;
      }
    }
    // The worker records the moment the time was reached as a check-in (services/gate.ts), so a past day
    // is judged by when it was met; until then, reaching it live means "met by now".
    const recordedAt = records.checkIns.length ? Math.min(...records.checkIns.map((c) => c.at)) : undefined;
    const doneAt = recordedAt ?? (ms >= targetMs ? now : undefined);
    const done = doneAt !== undefined;
    const value = done ? r.minutes : Math.floor(ms / MINUTE);
    const projectedDoneAt = !done && accruingFrom !== undefined ? accruingFrom + (targetMs - ms) : undefined;
    return { done, doneAt, value, target: r.minutes, unit: 'min', projectedDoneAt };
  },
};
