/**
 * streaks.5y20c.ms: what the popup computes for 20 commitments with five years of history, in Node, with the
 * product's own core code (utils/core/today.ts: pastByCommitment + viewToday, and todayVisits as the popup calls
 * them in components/today.ts). Run by scripts/bench.mjs as a child process:
 *
 *   node node_modules/jiti/lib/jiti-cli.mjs scripts/bench-history.ts
 *
 * and prints one JSON line on stdout (the last line). Env: BENCH_NOW (epoch ms the history ends at, default now),
 * BENCH_TZ (default Europe/Berlin), BENCH_HISTORY_RUNS (default 15), BENCH_HISTORY_WARMUPS (default 5).
 *
 * The input is shaped exactly as the popup gets it: the fixture (scripts/history-fixture.ts) is put into the
 * real Dexie schema (utils/db/db.ts) on fake-indexeddb and read back with the real loadCheckIn
 * (utils/db/queries.ts), so records come in primary-key order and are grouped by the product's own code.
 * loadCheckIn's time here is fake-indexeddb's, not Chromium's: printed for information, not a figure.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { makeHistory } from './history-fixture';
import { quantile } from './stats.mjs';
import { TandemDB } from '../utils/db/db';
import { loadCheckIn } from '../utils/db/queries';
import { refreshOutcomes } from '../utils/services/outcomes';
import { isWeeklyHabit } from '../utils/core/outcome-cache';
import { pastByCommitment, viewToday, type CommitmentView } from '../utils/core/today';
import { IDLE_THRESHOLD_MS, todayVisits } from '../utils/core/visits';
import type { Clock } from '../utils/core/types';

const int = (v: string | undefined, fallback: number) => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const RUNS = int(process.env.BENCH_HISTORY_RUNS, 15);
const WARMUPS = int(process.env.BENCH_HISTORY_WARMUPS, 5);
const now = int(process.env.BENCH_NOW, Date.now());
const timeZone = process.env.BENCH_TZ || 'Europe/Berlin';

const r2 = (x: number) => Math.round(x * 100) / 100;

const t0 = performance.now();
const fixture = makeHistory({ now, timeZone });
const generateMs = performance.now() - t0;

const db = new TandemDB(`tandem-bench-${process.pid}`);
await db.transaction('rw', [db.commitments, db.sessions, db.checkIns], async () => {
  await db.commitments.bulkPut(fixture.commitments);
  await db.sessions.bulkPut(fixture.sessions);
  await db.checkIns.bulkPut(fixture.checkIns);
});
// The popup's clock (utils/settings.ts clockOf with the default settings), in the fixture's zone.
const clock: Clock = { now, timeZone, dayStartMinutes: fixture.dayStartMinutes, weekStartsOn: 1 };

// The worker judges the settled days once (utils/services/outcomes.ts) — a one-time cost after an upgrade,
// a day's worth at each rollover after that. Timed here with the real service, on fake-indexeddb.
const tc = performance.now();
await refreshOutcomes(db, clock);
const cacheBuildMs = performance.now() - tc;
const t1 = performance.now();
const data = await loadCheckIn(db, now);
const loadMs = performance.now() - t1;
db.close();

/** One popup computation, timed in its two parts. */
function once(): { total: number; past: number; views: CommitmentView[] } {
  const a = performance.now();
  const past = pastByCommitment(data.commitments, data.history, clock, data.caches);
  const b = performance.now();
  const visits = todayVisits(data.siteDays, data.tracker, clock, IDLE_THRESHOLD_MS);
  const views = viewToday(data.commitments, data.history, clock, { caches: data.caches, past, visits });
  const c = performance.now();
  return { total: c - a, past: b - a, views };
}

for (let i = 0; i < WARMUPS; i++) once();
const totals: number[] = [];
const pasts: number[] = [];
let views: CommitmentView[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = once();
  totals.push(r.total);
  pasts.push(r.past);
  views = r.views;
}
// Where the time goes: count the Intl formatToParts calls (days.ts reads every wall clock through one) in one
// more computation, and what one call costs on its own.
const proto = Intl.DateTimeFormat.prototype;
const formatToParts = proto.formatToParts;
let intlCalls = 0;
proto.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
  intlCalls++;
  return formatToParts.call(this, date);
};
once();
proto.formatToParts = formatToParts;
const berlin = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
const tIntl = performance.now();
for (let i = 0; i < 20000; i++) berlin.formatToParts(now - i * 3_600_000);
const intlUs = ((performance.now() - tIntl) / 20000) * 1000;
// Days that have records, per commitment judged day by day (weekly habits are judged by week): the days
// pastDays judges in full, with the time-zone arithmetic.
const recordDays = data.commitments.filter((c) => !isWeeklyHabit(c)).reduce((n, c) => n + (data.history.get(c.id)?.size ?? 0), 0);

const perCommitment = views.map((v) => {
  const counts: Record<string, number> = {};
  for (const d of v.heatmap.flatMap((w) => w.days)) counts[d.outcome] = (counts[d.outcome] ?? 0) + 1;
  return {
    title: v.commitment.title,
    kind: v.commitment.requirement.kind,
    status: v.today.status,
    current: v.streak.current,
    best: v.streak.best,
    rate: v.streak.rate30 === null ? null : r2(v.streak.rate30),
    unit: v.streak.unit,
    heatmapDone: counts.done ?? 0,
    heatmapMissed: counts.missed ?? 0,
  };
});

console.log(
  JSON.stringify({
    now,
    timeZone,
    runs: RUNS,
    warmups: WARMUPS,
    medianMs: r2(quantile(totals, 0.5)),
    p90Ms: r2(quantile(totals, 0.9)),
    minMs: r2(Math.min(...totals)),
    maxMs: r2(Math.max(...totals)),
    pastMedianMs: r2(quantile(pasts, 0.5)),
    viewMedianMs: r2(quantile(totals.map((t, i) => t - (pasts[i] ?? 0)), 0.5)),
    generateMs: r2(generateMs),
    fakeIdbLoadMs: r2(loadMs),
    cacheBuildMs: r2(cacheBuildMs),
    records: { commitments: fixture.commitments.length, sessions: fixture.sessions.length, checkIns: fixture.checkIns.length },
    recordDays,
    intlCallsPerRun: intlCalls,
    intlUsPerCall: r2(intlUs),
    perCommitment,
  }),
);
