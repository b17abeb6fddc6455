import type { MeanFieldModel } from '../src/models/meanField.js';

/**
 * A case of Lemma 2.1: a mean-field net and two parameter vectors u, v (length p, the net's layout), whose
 * difference quotient ||Dh(v) - Dh(u)|| / ||v - u|| is a lower estimate of Lip(Dh) on any convex set holding both.
 */
export interface MeanFieldPair {
  readonly model: MeanFieldModel;
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** How v - u was chosen: 'random', 'neuron' (top eigenvector of one neuron's Hessian block) or 'worst' (that, at the worst pre-activation). */
  readonly direction: string;
  /** Initialization of the net's w0: 'symmetric' (mirrored pairs) or 'independent'. */
  readonly init: string;
}
