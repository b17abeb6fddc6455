import fc from 'fast-check';

/** Resolution of the draws: 24 bits. */
const GRID = 2 ** 24;

/**
 * `count` numbers uniform on [0, 1) (multiples of 2^-24), reproducible from `seed` through fast-check's own
 * generator (`fc.noBias`, so not skewed towards the bounds like property inputs are).
 */
export function uniformDraws(seed: number, count: number): number[] {
  if (count === 0) return [];
  return fc.sample(fc.noBias(fc.integer({ min: 0, max: GRID - 1 })), { seed, numRuns: count }).map((k) => k / GRID);
}
