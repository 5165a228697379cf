// Types for stats.mjs (the TypeScript benchmark scripts import it too).
export function quantile(xs: number[], q: number): number;
export const median: (xs: number[]) => number;
export const round1: (x: number) => number;
