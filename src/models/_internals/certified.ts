import { NtkInputError } from '../../errors/NtkInputError.js';
/**
 * Outward rounding for certified constants. A constant fed into a bound must be an upper bound on the exact
 * real value (THEORY.md, "Setting and notation"); a float evaluation can land a few units in the last place
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

/** a * b for a, b >= 0 with 0 * Infinity = 0 (a zero constant stays zero on an unbounded ball). */
export function boundProduct(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
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
