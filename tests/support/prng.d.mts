// Types for prng.mjs (see README.md here for how these are generated).
/** @param {number} seed @returns {() => number} a number in [0, 1) per call */
export function prng(seed: number): () => number;
