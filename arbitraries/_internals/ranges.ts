/** Validation of arbitrary constraints: errors name the API path (`quadraticModelArb.constraints.maxP`). */
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { finiteNumber, integerInRange } from '../../src/validate/validators.js';

/** A closed interval [min, max] of a constraint. */
export interface ScaleRange {
  readonly min: number;
  readonly max: number;
}

/** A finite range with min <= max, and min > 0 when `positive`. */
export function checkRange(name: string, range: ScaleRange, positive: boolean): ScaleRange {
  const min = finiteNumber(`${name}.min`, range.min);
  const max = finiteNumber(`${name}.max`, range.max);
  if (positive && !(min > 0)) throw new NtkInputError(`${name}.min`, min, 'a finite number > 0 (log-uniform range)');
  if (!(min <= max)) throw new NtkInputError(`${name}.max`, max, `>= ${name}.min=${min}`);
  return { min, max };
}

/** An integer range [min, max] inside [lo, hi], min <= max. */
export function checkIntRange(name: string, minName: string, min: number, maxName: string, max: number, lo: number, hi: number): [number, number] {
  integerInRange(`${name}.${minName}`, min, lo, hi);
  integerInRange(`${name}.${maxName}`, max, lo, hi);
  if (min > max) throw new NtkInputError(`${name}.${maxName}`, max, `>= ${name}.${minName}=${min}`);
  return [min, max];
}
