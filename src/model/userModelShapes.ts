import { NtkInputError } from '../errors/NtkInputError.js';
import type { VectorLike } from './ModelModule.js';

function isVectorLike(value: unknown): value is VectorLike {
  return value instanceof Float64Array || Array.isArray(value);
}

/** A user's vector as a Float64Array of `length` numbers (entries may be non-finite: the model checks name them). */
export function toVector(what: string, value: unknown, length: number, out: Float64Array = new Float64Array(length)): Float64Array {
  if (!isVectorLike(value) || value.length !== length) {
    throw new NtkInputError(what, isVectorLike(value) ? `${value.length} entries` : typeof value, `${length} numbers`);
  }
  for (let i = 0; i < length; i++) {
    const x = value[i];
    if (typeof x !== 'number') throw new NtkInputError(`${what}[${i}]`, typeof x, 'a number');
    out[i] = x;
  }
  return out;
}

/** A user's Jacobian (n rows of p numbers, or n * p numbers row-major) as an n x p row-major Float64Array. */
export function toJacobian(what: string, value: unknown, n: number, p: number, out: Float64Array = new Float64Array(n * p)): Float64Array {
  if (isVectorLike(value) && value.length === n && isVectorLike(value[0])) {
    for (let i = 0; i < n; i++) toVector(`${what}[${i}]`, (value as readonly unknown[])[i], p, out.subarray(i * p, (i + 1) * p));
    return out;
  }
  if (isVectorLike(value) && value.length === n * p) return toVector(what, value, n * p, out);
  throw new NtkInputError(what, isVectorLike(value) ? `${value.length} entries` : typeof value, `${n} rows of ${p} numbers (or ${n * p} numbers row-major)`);
}
