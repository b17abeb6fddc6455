import type { Rational } from './Tableau.js';

/**
 * One term of an exponential Runge-Kutta coefficient, written `'w phik(gamma)'` (for example `'-19/90 phi1(1)'`,
 * `'3/2 phi2(1/2)'`): the matrix function w phi_k(gamma h L) of the step's linear part L, with w and gamma
 * {@link Rational} and k in 0..4 (the phi-functions of `phiFunctions`).
 */
export type PhiTerm = string;

/** A coefficient of an exponential method: the sum of its terms (an empty list is 0). */
export type PhiCombination = readonly PhiTerm[];

/**
 * An explicit exponential Runge-Kutta method with an embedded error estimate, as data (Hochbruck & Ostermann,
 * "Exponential integrators", Acta Numerica 19 (2010) 209-286, Sec. 2.3). For u' = L u + g(u) with a linear part L
 * frozen over the step and G_j = g(U_j):
 * `U_i = exp(c_i h L) u + h sum_{j<i} A[i][j](hL) G_j`, `u_new = exp(h L) u + h sum_i b_i(hL) G_i`, and the
 * embedded `uHat` with `bHat`. At L = 0 the coefficients reduce to a classical tableau (phi_k(0) = 1/k!), whose
 * order conditions the test suite checks exactly, like the explicit tableaus. Build with `defineExponentialMethod`.
 */
export interface ExponentialMethod {
  /** Short identifier, the key in the `exponentialMethods` registry. */
  readonly name: string;
  /** Classical order of `b`. */
  readonly order: number;
  /** Classical order of `bHat`; the step-size controller uses err ~ h^(embeddedOrder + 1). */
  readonly embeddedOrder: number;
  /** Nodes, length s, c[0] = 0. */
  readonly c: readonly Rational[];
  /** Strictly lower triangular, ragged: row i has i coefficients. */
  readonly A: readonly (readonly PhiCombination[])[];
  /** Weights of the propagated solution, length s. */
  readonly b: readonly PhiCombination[];
  /** Weights of the embedded solution (error estimate only), length s. */
  readonly bHat: readonly PhiCombination[];
  /**
   * Index of a stage at c = 1/2 whose value the dense output uses (with the two ends) to interpolate g by a
   * quadratic over the step (see `ExponentialDenseSolution`).
   */
  readonly midStage: number;
  /** Where the coefficients come from. */
  readonly reference: string;
}
