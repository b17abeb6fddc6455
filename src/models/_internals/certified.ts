import { NtkInputError } from '../../errors/NtkInputError.js';
/**
 * Outward rounding for certified constants. A constant fed into a bound must be an upper bound on the exact
 * real value (docs/theory.md, "Setting and notation"); a float evaluation can land a few units in the last place
 * below it. These helpers push a computed value up by more than its rounding error.
 */

const EPS = Number.EPSILON;

/**
 * x (>= 0, possibly Infinity) raised by `ulps` relative units of 2^-52: an upper bound on the exact value of a
 * float expression whose relative rounding error is at most `ulps * eps / 2` (Higham, Accuracy and Stability
 * of Numerical Algorithms, 2nd ed., ch. 3: a chain of k operations has relative error <= gamma_k ~ k u).
 */
export function roundUp(x: number, ulps = 16): number {
  return x * (1 + ulps * EPS);
}

/** Smallest positive normal double, 2^-1022: below it a product is rounded to an absolute, not relative, grid. */
const MIN_NORMAL = 2 ** -1022;

/**
 * Upper bound on the exact product of factors >= 0 (possibly Infinity), with 0 * Infinity = 0 (a zero constant
 * stays zero on an unbounded ball). The factors are multiplied largest with smallest first, so an intermediate
 * does not overflow or underflow when the exact product is representable (1e-200 * 1e-200 * 1e300 = 1e-100, not
 * 0; 1e200 * 1e200 * 1e-300 = 1e100, not Infinity). In the normal range each multiplication has relative error
 * <= eps / 2, which the callers' `roundUp` covers (one ulp per factor); a product that lands below 2^-1022 is
 * rounded to an absolute grid, so it is pushed up by 2^-1074 per multiplication (never rounded to 0 from above).
 */
export function boundProduct(...factors: number[]): number {
  if (factors.some((f) => f === 0)) return 0;
  if (factors.some((f) => f === Infinity)) return Infinity;
  const sorted = [...factors].sort((x, y) => x - y);
  let lo = 0;
  let hi = sorted.length - 1;
  let product = 1;
  while (lo <= hi) {
    // Multiply by the largest remaining factor while the running product is small, by the smallest otherwise.
    product *= product < 1 ? (sorted[hi--] as number) : (sorted[lo++] as number);
    if (product < MIN_NORMAL) product += Number.MIN_VALUE;
  }
  return product;
}

/**
 * The power of two 2^e nearest above max |x| (0 when every entry is 0; e <= 1023, so it is finite): x / 2^e is
 * exact (up to entries more than 2^52 below the largest, which become subnormal and lose absolute 2^-1075),
 * and has its largest entry in [1/2, 2]. Certified constants of data with extreme but finite entries (1e-184,
 * 1e+200) are computed on the scaled data, where no square underflows to 0 or overflows to Infinity, then
 * multiplied back with {@link timesPowerOfTwo}.
 */
export function powerOfTwoScale(x: Iterable<number>): number {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  if (max === 0) return 0;
  return 2 ** Math.min(1023, Math.ceil(Math.log2(max)));
}

/**
 * Upper bound on s * x for s a power of two and x >= 0: exact in the normal range, and pushed up by 2^-1074 when
 * the product is subnormal (where it is rounded to the nearest multiple of 2^-1074). Infinity when it overflows.
 */
export function timesPowerOfTwo(s: number, x: number): number {
  const product = s * x;
  return product < MIN_NORMAL && x > 0 ? product + Number.MIN_VALUE : product;
}

/**
 * Certified upper bound on sqrt(lambda_max(S)) for a PSD matrix S = sum of products, from the float value
 * `lambdaMax` of its largest eigenvalue. With `trace` = trace(S) (>= every entry of |A||A^T| summed in S)
 * and `terms` bounding the length of the longest dot product plus the eigen-solver's dimension factor:
 * forming S in floats perturbs it by at most gamma_terms * trace(S) in 2-norm (Higham, Thm 3.5 and
 * || |A||A^T| ||_2 <= ||A||_F^2), and the symmetric QL solver is backward stable with error c p eps ||S||
 * (Golub & Van Loan, 8.3); Weyl's inequality moves lambda_max by no more than the sum. We add 4 * terms * eps
 * * trace, a factor >= 2 above that estimate.
 */
export function sqrtEigenUpperBound(lambdaMax: number, trace: number, terms: number): number {
  return roundUp(Math.sqrt(Math.max(0, lambdaMax) + 4 * terms * EPS * trace));
}

/**
 * A certified constant on B(w0, rho): finite whenever rho is (an overflow is reported as a typed error naming the
 * radius, never returned as Infinity, which would make every bound vacuous without saying so).
 */
export function finiteOnBall(rho: number, value: number): number {
  if (Number.isFinite(rho) && !Number.isFinite(value)) {
    throw new NtkInputError('rho', rho, `a radius on which the model's certified constant is finite (it overflows to ${value})`);
  }
  return value;
}
