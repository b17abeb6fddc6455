import { tightness } from './tightness.js';
import type { Bound, Relation } from './Statement.js';

/**
 * The bound with the largest tightness ratio among several evaluations of one reading (the points of a
 * trajectory, or the links of a chain of inequalities): a statement holds at all of them iff it holds at this one
 * — up to the ratio's monotonicity in the violation, which holds since every rhs here is >= 0. A bound whose
 * ratio is NaN is returned at once, wherever it stands.
 */
export function worstOf(relation: Relation, bounds: readonly Bound[]): Bound {
  let worst: Bound | undefined;
  // Stryker disable next-line UnaryOperator: equivalent: the first bound is always taken (worst === undefined) and overwrites worstRatio, so its initial value is never compared
  let worstRatio = -Infinity;
  for (const b of bounds) {
    const r = tightness(relation, b);
    if (Number.isNaN(r)) return b; // a NaN anywhere surfaces (the judge rejects it), never skipped by `>`
    if (r > worstRatio || worst === undefined) {
      worst = b;
      worstRatio = r;
    }
  }
  if (worst === undefined) return { lhs: 0, rhs: 0 };
  return worst;
}

/** Branch label of `min(a, b)`: which argument is active. */
export function minBranch(a: number, b: number, names: readonly [string, string]): { value: number; branch: string } {
  return a <= b ? { value: a, branch: names[0] } : { value: b, branch: names[1] };
}
