// Small statistics shared by the benchmark scripts.

/** The q-quantile of xs, linearly interpolated (NaN for none). @param {number[]} xs @param {number} q */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (pos - lo);
}

export const median = (/** @type {number[]} */ xs) => quantile(xs, 0.5);
export const round1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;
