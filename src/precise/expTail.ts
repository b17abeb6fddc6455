import type { Decimal } from 'decimal.js';

/** Below this |x| the tail is summed as a Taylor series; above it, taken as `exp(x)` minus a short polynomial. */
const SERIES_RADIUS = 0.5;

/**
 * The exponential's Taylor remainder, without cancellation: `order = 1` gives `expm1(x) = e^x - 1`,
 * `order = 2` gives `e^x - 1 - x`, at the precision of `D` (relative error a few units in the last place).
 *
 * For `|x| <= 1/2` it sums `sum_{k >= order} x^k / k!` directly: successive terms shrink by `|x|/(k+1) <= 1/4`,
 * so the sum is within a factor 4/3 of its first term and no digits cancel. For `|x| > 1/2` it returns
 * `exp(x) - sum_{k < order} x^k / k!`; there `|tail| >= 0.1 * max(e^x, 1 + |x|)`, so at most ~1.1 digits
 * cancel (the callers' error budgets include them).
 *
 * Reference: J.-M. Muller, *Elementary Functions: Algorithms and Implementation*, 3rd ed. (2016),
 * ch. 4 (series evaluation) and §11 on expm1; decimal.js `exp` for the large-|x| branch.
 */
export function expTail(D: Decimal.Constructor, x: Decimal, order: 1 | 2): Decimal {
  if (x.abs().gt(SERIES_RADIUS)) {
    const e = D.exp(x);
    return order === 1 ? e.minus(1) : e.minus(1).minus(x);
  }
  // Stryker disable next-line ConditionalExpression: equivalent: at x = 0 the first term is 0 and the loop returns 0
  if (x.isZero()) return new D(0);
  let term = order === 1 ? new D(x) : x.times(x).div(2);
  let sum = term;
  // stop once a term falls 2 digits below the precision: the rest of the tail is below 0.01 ulp of the sum (a
  // tolerance argument, not an equivalence: Stryker's mutants of this rule survive and are reported as such)
  const stop = D.precision + 2;
  for (let k = order + 1; ; k++) {
    term = term.times(x).div(k);
    if (term.isZero() || sum.e - term.e > stop) return sum;
    sum = sum.plus(term);
  }
}
