/** What a change does to a commitment: asks less (it waits), more (at once), or the same. */
export type Verdict = 'easier' | 'harder' | 'neutral';

/** Compares two numbers that each ask more as they grow. */
export function verdictOf(before: number, after: number): Verdict {
  return after > before ? 'harder' : after < before ? 'easier' : 'neutral';
}

/** Several verdicts on one thing as one: harder only if nothing is easier; any easier part makes it easier. */
export function jointVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('easier')) return 'easier';
  return verdicts.includes('harder') ? 'harder' : 'neutral';
}
