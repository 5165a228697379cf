// Figures: what a benchmark's run returns, how one build's blocks merge, the closing table (side by side with
// the other build when there is one) and bench-results.json.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, round1 } from '../../stats.mjs';

/**
 * @typedef {object} Figure
 * @property {string} name
 * @property {number} value
 * @property {string} unit
 * @property {number[]} [samples] the values `value` is the median of: blocks merge by the median of all samples
 * @property {boolean} [sum] a count: blocks add up (else blocks merge by the median of their values)
 */

/** @param {string} name @param {number} value @param {string} unit @param {{ samples?: number[], sum?: boolean }} [how] @returns {Figure} */
export function figure(name, value, unit, how = {}) {
  return { name, value: unit === 'ms' ? round1(value) : value, unit, ...how };
}

/** The median of `samples`, in ms. @param {string} name @param {number[]} samples */
export const timing = (name, samples) => figure(name, median(samples), 'ms', { samples });

/** A count that adds up over blocks. @param {string} name @param {number} value @param {string} unit */
export const count = (name, value, unit) => figure(name, value, unit, { sum: true });

/**
 * One build's figures from its blocks (the same benchmark run in several rounds), by name in first-seen order.
 * @param {Figure[][]} blocks
 * @returns {Figure[]}
 */
export function mergeBlocks(blocks) {
  /** @type {Map<string, Figure[]>} */
  const byName = new Map();
  for (const f of blocks.flat()) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return [...byName.values()].map((fs) => {
    const { name, unit, samples, sum } = /** @type {Figure} */ (fs[0]);
    if (fs.length === 1) return { name, value: /** @type {Figure} */ (fs[0]).value, unit };
    if (samples) return { name, value: round1(median(fs.flatMap((f) => f.samples ?? []))), unit };
    if (sum) return { name, value: fs.reduce((a, f) => a + f.value, 0), unit };
    const m = median(fs.map((f) => f.value));
    return { name, value: unit === 'ms' ? round1(m) : Math.round(m), unit };
  });
}

const pad = (/** @type {string} */ s, /** @type {number} */ n) => s.padEnd(n);
const padL = (/** @type {string} */ s, /** @type {number} */ n) => s.padStart(n);

/**
 * The closing table: each figure of this build, and with another build the ref's value and this / ref.
 * @param {Figure[]} figures
 * @param {{ label: string, figures: Figure[] }} [other]
 * @param {(line: string) => void} [log]
 */
export function printFigures(figures, other, log = (line) => console.log(line)) {
  const names = [...new Set([...figures.map((f) => f.name), ...(other?.figures ?? []).map((f) => f.name)])];
  const w = Math.max(22, ...names.map((n) => n.length + 2));
  const mine = new Map(figures.map((f) => [f.name, f]));
  const theirs = new Map((other?.figures ?? []).map((f) => [f.name, f]));
  const show = (/** @type {Figure | undefined} */ f) => (f ? String(f.value) : '–');
  if (!other) {
    log(`${pad('figure', w)}${padL('value', 10)}  unit`);
    for (const f of figures) log(`${pad(f.name, w)}${padL(String(f.value), 10)}  ${f.unit}`);
    return;
  }
  const ow = Math.max(12, other.label.length + 2);
  log(`${pad('figure', w)}${padL('this build', 12)}${padL(other.label, ow)}${padL('ratio', 8)}  unit`);
  for (const name of names) {
    const a = mine.get(name);
    const b = theirs.get(name);
    const ratio = a && b && b.value !== 0 ? (a.value / b.value).toFixed(2) : '–';
    log(`${pad(name, w)}${padL(show(a), 12)}${padL(show(b), ow)}${padL(ratio, 8)}  ${(a ?? b)?.unit ?? ''}`);
  }
  const floor = ['baseline.ms.warm', 'baseline.ms.cold'].filter((n) => mine.get(n) && theirs.get(n)?.value);
  if (floor.length) {
    const ratios = floor.map((n) => `${n} ${(/** @type {Figure} */ (mine.get(n)).value / /** @type {Figure} */ (theirs.get(n)).value).toFixed(2)}`);
    log(`noise: the baseline blocker is the same extension in both columns; its ratios (${ratios.join(', ')}) show what noise alone does in this run`);
  }
}

/**
 * Writes `figures` into `file`, replacing figures of the same name and keeping the others (a run of some
 * benchmarks updates theirs only). With `against`, the other build's figures go under `against` (merged the same
 * way when it is the same commit, else replaced).
 * @param {string} file
 * @param {Figure[]} figures
 * @param {{ ref: string, commit: string, figures: Figure[] }} [against]
 */
export function writeResults(file, figures, against) {
  /** @type {{ figures: Figure[], against?: { ref: string, commit: string, figures: Figure[] } }} */
  let existing = { figures: [] };
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(parsed?.figures)) existing = parsed;
    } catch {
      console.log(`(could not parse the existing ${path.basename(file)}; rewriting it)`);
    }
  }
  const plain = (/** @type {Figure[]} */ fs) => fs.map(({ name, value, unit }) => ({ name, value, unit }));
  const merge = (/** @type {Figure[]} */ old, /** @type {Figure[]} */ now) => {
    const names = new Set(now.map((f) => f.name));
    return [...old.filter((f) => !names.has(f.name)), ...plain(now)];
  };
  const out = { ...existing, figures: merge(existing.figures, figures) };
  if (against) {
    const same = existing.against?.commit === against.commit ? existing.against.figures : [];
    out.against = { ref: against.ref, commit: against.commit, figures: merge(same, against.figures) };
  }
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  const n = figures.length + (against?.figures.length ?? 0);
  console.log(`wrote ${n} figures to ${path.relative(process.cwd(), file) || file}`);
}
