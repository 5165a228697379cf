// sync: sync.reads.per_day / sync.writes.per_day — Firestore document reads and writes of one heavy person-day
// with one partner; sync.reads.per_week / sync.writes.per_week — seven such days with a weekly review and 10
// messages between the two (issue 10: the day run again with the week's talk in it, the difference added once), simulated in Node against the emulators (scripts/bench-sync.ts, from the build's own
// checkout, through jiti, in a child process; docs/architecture.md, "Sync cost"). Needs the Firestore emulator
// jar, Java and firebase-tools (else a loud skip). BENCH_SKIP_SYNC=1 leaves it (and coldstart) out.

import { runTsScript } from './lib/child.mjs';
import { figure } from './lib/figures.mjs';

const TZ = 'Europe/Berlin';
/** The weekly budget stated in docs/sync.md ("Cost"). */
const WEEK_BUDGET = { reads: 700, writes: 350 };

/** @type {import('./lib/context.mjs').Benchmark} */
export default {
  name: 'sync',
  about: 'Firestore reads and writes of one heavy person-day with one partner (Node, emulators)',
  async run(ctx) {
    ctx.log('sync: one heavy person-day with one partner against the Firestore and Auth emulators (Node) …');
    const d = await runTsScript(ctx.build.root, 'bench-sync.ts', { BENCH_TZ: TZ });
    const reads = d['sync.reads.per_day'];
    const writes = d['sync.writes.per_day'];
    if (reads > 100) ctx.warn(`sync.reads.per_day ${reads} is over the target of 100`);
    if (writes > 50) ctx.warn(`sync.writes.per_day ${writes} is over the target of 50`);
    const figures = [figure('sync.reads.per_day', reads, 'reads'), figure('sync.writes.per_day', writes, 'writes')];
    // A build from before issue 10's partner half has no talk: no weekly figures.
    const talk = await runTsScript(ctx.build.root, 'bench-sync.ts', { BENCH_TZ: TZ, BENCH_SYNC_TALK: '1' });
    if (talk.talk === true) {
      const week = {
        reads: 7 * reads + (talk['sync.reads.per_day'] - reads),
        writes: 7 * writes + (talk['sync.writes.per_day'] - writes),
      };
      if (week.reads > WEEK_BUDGET.reads) ctx.warn(`sync.reads.per_week ${week.reads} is over the budget of ${WEEK_BUDGET.reads} (docs/sync.md)`);
      if (week.writes > WEEK_BUDGET.writes) ctx.warn(`sync.writes.per_week ${week.writes} is over the budget of ${WEEK_BUDGET.writes} (docs/sync.md)`);
      figures.push(figure('sync.reads.per_week', week.reads, 'reads'), figure('sync.writes.per_week', week.writes, 'writes'));
      d.week = { ...week, talkDay: { reads: talk['sync.reads.per_day'], writes: talk['sync.writes.per_day'] }, check: talk.check };
    }
    return { figures, detail: d };
  },
  report([d], { log }) {
    if (!d) return;
    const pad = (/** @type {string} */ s, /** @type {number} */ n) => s.padEnd(n);
    const padL = (/** @type {string | number} */ s, /** @type {number} */ n) => String(s).padStart(n);
    log('');
    log(`Sync, one heavy person-day with one partner (${d.wakingHours} h, ${d.timeZone}, seed ${d.seed}; Firestore emulator, document reads/writes):`);
    log(`${pad('', 28)}${padL('reads', 8)}${padL('writes', 8)}`);
    log(`${pad('Ana (heavy day)', 28)}${padL(d.ana.reads, 8)}${padL(d.ana.writes, 8)}`);
    log(`${pad('Ben, her partner (light)', 28)}${padL(d.ben.reads, 8)}${padL(d.ben.writes, 8)}`);
    log(`${pad('target per person-day', 28)}${padL('≤ 100', 8)}${padL('≤ 50', 8)}`);
    for (const [cause, r] of Object.entries(/** @type {Record<string, any>} */ (d.ana.byCause))) {
      if (r.reads || r.writes) log(`  Ana, ${pad(cause, 24)} ×${padL(r.n, 3)}: ${r.reads} reads, ${r.writes} writes`);
    }
    if (d.week) {
      log(`${pad('the week (Ana), issue 10', 28)}${padL(d.week.reads, 8)}${padL(d.week.writes, 8)}   (7 × the day + the week's review and 10 messages: a day with them ${d.week.talkDay.reads} + ${d.week.talkDay.writes})`);
      log(`${pad('budget per person-week', 28)}${padL(`≤ ${WEEK_BUDGET.reads}`, 8)}${padL(`≤ ${WEEK_BUDGET.writes}`, 8)}`);
    }
    log(`  pairing (once, not in the day): ${d.pairing.ana.reads} + ${d.pairing.ana.writes} (Ana), ${d.pairing.ben.reads} + ${d.pairing.ben.writes} (Ben) reads + writes`);
  },
};
