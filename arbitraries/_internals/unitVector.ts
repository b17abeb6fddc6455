import { norm2 } from '../../src/linalg/dense.js';

/** The unit vector along raw entries (e_1 when they all vanish). */
export function unitVector(raw: readonly number[]): Float64Array {
  const v = Float64Array.from(raw);
  const len = norm2(v);
  return len > 0 ? v.map((x) => x / len) : v.map((_, i) => (i === 0 ? 1 : 0));
}
