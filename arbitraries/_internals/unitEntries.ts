import fc from 'fast-check';
import { uniform } from '../uniform.js';

/** Half-width of a unit-variance uniform distribution. */
const SQRT3 = Math.sqrt(3);

/**
 * `length` i.i.d. entries, uniform on [-sqrt 3, sqrt 3] (mean 0, variance 1: the "standard-normal-ish" scale of
 * the model generators, with bounded tails), shrinking towards 0.
 */
export function unitEntries(length: number): fc.Arbitrary<number[]> {
  return fc.array(uniform(-SQRT3, SQRT3), { minLength: length, maxLength: length });
}
