/**
 * A continuous solution y(t), t in [tMin, tMax], as the adaptive drivers return it (`DenseSolution` for
 * Runge-Kutta tableaus, `ExponentialDenseSolution` for exponential methods).
 */
export interface DenseOutput {
  /** State dimension. */
  readonly n: number;
  readonly tMin: number;
  readonly tMax: number;
  /** Number of accepted steps. */
  readonly steps: number;
  /**
   * Mesh tMin = t_0 < ... < t_N = tMax on which the solution is resolved: the accepted steps, subdivided where the
   * driver says so (a copy). Quadrature rules applied per interval see a smooth, polynomial-like integrand.
   */
  readonly ts: Float64Array;
  /** y(t) into `out` (length n; a new array when omitted). Throws NtkInputError for t outside [tMin, tMax]. */
  evaluate(t: number, out?: Float64Array): Float64Array;
}
