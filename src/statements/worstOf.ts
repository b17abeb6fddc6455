import { tightness } from './tightness.js';
import type { Bound, Relation } from './Statement.js';

/**
 * The bound with the largest tightness ratio among several evaluations of one reading (the points of a
 * trajectory, or the links of a chain of inequalities): a statement holds at all of them iff it holds at this one
 * — up to the ratio's monotonicity in the violation, which holds since every rhs here is >= 0. A bound whose
 * ratio is NaN is returned at once, wherever it stands.
 */
export function worstOf(relation: Relation, bounds: readonly Bound[]): Bound {
  const ratios = bounds.map((b) => tightness(relation, b));
  const nan = ratios.findIndex(Number.isNaN);
  if (nan !== -1) return bounds[nan] as Bound; // a NaN anywhere surfaces (the judge rejects it), never skipped by `>`
  // the first of the largest ratios
  const worst = ratios.reduce((best, r, i) => (r > (ratios[best] as number) ? i : best), 0);
  return bounds[worst] ?? { lhs: 0, rhs: 0 };
}

/** Branch label of `min(a, b)`: which argument is active. */
export function minBranch(a: number, b: number, names: readonly [string, string]): { value: number; branch: string } {
  return a <= b ? { value: a, branch: names[0] } : { value: b, branch: names[1] };
}
