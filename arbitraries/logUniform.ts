import fc from 'fast-check';
import { checkRange } from './_internals/ranges.js';

/** Grid steps per decade of the exponent. */
const STEPS_PER_DECADE = 2 ** 20;

/**
 * Log-uniform numbers in [min, max] (0 < min <= max): 10^e with e uniform in [log10 min, log10 max] on a grid
 * of 2^20 steps per decade, clamped to [min, max] so both ends occur exactly. Shrinks towards 1 (e = 0) when
 * 1 is in range, else towards the end nearest 1 on the log scale. Built on fc.integer: a log10-scale
 * fc.double is not log-uniform (fc.double is uniform over bit patterns; see `uniform`).
 */
export function logUniform(min: number, max: number): fc.Arbitrary<number> {
  const range = checkRange('logUniform', { min, max }, true);
  if (range.min === range.max) return fc.constant(range.min);
  const lo = Math.floor(Math.log10(range.min) * STEPS_PER_DECADE);
  const hi = Math.ceil(Math.log10(range.max) * STEPS_PER_DECADE);
  return fc.integer({ min: lo, max: hi }).map((k) => Math.min(range.max, Math.max(range.min, 10 ** (k / STEPS_PER_DECADE))));
}
