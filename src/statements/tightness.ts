import type { Bound, Relation } from './Statement.js';

/** Tightness ratio: lhs / rhs for an upper bound, rhs / lhs for a lower bound (1 = equality, > 1 = violated). */
export function tightness(relation: Relation, b: Bound): number {
  const [num, den] = relation === '<=' ? [b.lhs, b.rhs] : [b.rhs, b.lhs];
  if (den === 0) return num > 0 ? Infinity : 0; // a non-positive side against a zero bound is no tightness
  return num / den;
}
