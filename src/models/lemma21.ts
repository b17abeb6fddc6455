/**
 * Lemma 2.1 (eq. 11) for the mean-field 2-layer net, in the explicit form of docs/theory.md ("The models the generators
 * produce"): Lip(Dh) <= ||s'||_inf X + ||s''||_inf X^2 A, X = max_j ||x_j||, A = sqrt(m) max_i |a_i|
 * over the region considered; with ||sigma^(k)|| <= K, X <= K, A <= K this is K' = K^2 + K^4.
 */
import { NtkInputError } from '../errors/NtkInputError.js';
import { nonNegativeNumber, nonNegativeOrInfinity } from '../validate/validators.js';
import { boundProduct, roundUp } from './_internals/certified.js';
import type { Activation } from './activation.js';

/** K' = K^2 + K^4 of Lemma 2.1 (K >= 0). */
export function lemma21Constant(K: number): number {
  const k = nonNegativeNumber('K', K);
  return k * k + k ** 4;
}

/**
 * The explicit Lemma 2.1 bound ||s'|| X + ||s''|| X^2 A (rounded up), valid for Lip(Dh) on any convex set on
 * which sqrt(m) max_i |a_i| <= A. Along a trajectory, the segment from w0 to w(t) has A = max(A(w0), A(w(t)))
 * (|a_i| is convex on a segment), so `lemma21LipDh(act, X, max(A0, At))` is a constant valid on that segment.
 *
 * Proof sketch (why the n outputs and the factor n^(-1/2) keep it valid): the Hessian of f_j in (a_i, u_i) is
 * block diagonal per neuron with block [[0, s' x_j^T], [s' x_j, sqrt(m) a_i s'' x_j x_j^T]], of norm
 * <= |s'| |x_j| + sqrt(m) |a_i| |s''| |x_j|^2 <= L := ||s'|| X + ||s''|| X^2 A; on a convex set the gradient
 * of f_j is therefore L-Lipschitz. Then for Dh = n^(-1/2) [Df_1; ...; Df_n],
 * ||Dh(u) - Dh(v)||_op <= ||.||_F = n^(-1/2) (sum_j |Df_j(u) - Df_j(v)|^2)^(1/2) <= n^(-1/2) sqrt(n) L |u - v|.
 */
export function lemma21LipDh(activation: Activation, X: number, A: number): number {
  nonNegativeNumber('X', X);
  nonNegativeOrInfinity('A', A);
  // One product of four factors (not supCurvature * X * X first): X^2 alone may underflow to 0 (then 0 * A = 0 even
  // for A = Infinity) or overflow to Infinity (then Infinity * A for a tiny A) when X^2 A is finite and positive.
  return roundUp(activation.supSlope * X + boundProduct(activation.supCurvature, X, X, A), 8);
}

/** The parameter layout meanFieldA needs: w = (a [m], U [m x d]). */
export interface OutputWeights {
  /** Number of neurons m (the first m entries of w are a). */
  readonly m: number;
  readonly p: number;
}

/** A(w) = sqrt(m) max_i |a_i| for any parameter vector w = (a, U) of a mean-field net (track it along trajectories). */
export function meanFieldA(model: OutputWeights, w: Float64Array): number {
  if (w.length !== model.p) throw new NtkInputError('w', w, `a parameter vector of length p=${model.p}`);
  let max = 0;
  for (let i = 0; i < model.m; i++) max = Math.max(max, Math.abs(w[i] as number));
  return Math.sqrt(model.m) * max;
}
