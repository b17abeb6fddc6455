import { NtkInputError } from '../errors/NtkInputError.js';
import { norm2 } from '../linalg/dense.js';
import { finiteMatrix, finiteVector } from '../validate/validators.js';
import { roundUp } from './_internals/certified.js';
import { QuadraticModel } from './quadratic.js';

/** Relative tolerance on |v| = 1 before `v` is renormalized. */
const UNIT_TOLERANCE = 1e-9;

/** Input of `structuredQuadratic`: h0 [n], G [n][p], lambda [n], v [p] with |v| = 1, w0 [p]. */
export interface StructuredQuadraticInput {
  readonly h0: ArrayLike<number>;
  readonly G: readonly (readonly number[])[];
  readonly lambda: ArrayLike<number>;
  readonly v: ArrayLike<number>;
  readonly w0: ArrayLike<number>;
}

/**
 * The structured quadratic family Q_k = lambda_k v v^T (|v| = 1), whose Lip(Dh) is known exactly
 * (docs/theory.md, "The models the generators produce"; `lipDhIsExact = true`), for tightness tests.
 * Proof: Q[e, .] = (v . e) lambda v^T (row k = lambda_k (v . e) v^T), a rank-one matrix with operator norm
 * |v . e| ||lambda|| |v|, so sup_{|e|=1} ||Q[e, .]|| = ||lambda||, attained at e = v. The reported value is
 * ||lambda|| rounded up by (p + n + 16) ulps (still an upper bound after float rounding of v and of Q).
 * `v` must have |v| = 1 to relative 1e-9 and is renormalized; Q_k[i][j] = lambda_k (v_i v_j), exactly symmetric.
 */
export function structuredQuadratic(input: StructuredQuadraticInput): QuadraticModel {
  const w0 = finiteVector('w0', input.w0);
  const p = w0.length;
  const h0 = finiteVector('h0', input.h0);
  const n = h0.length;
  const G = finiteMatrix('G', input.G, n, p).data;
  const lambda = finiteVector('lambda', input.lambda, n);
  const v = finiteVector('v', input.v, p);
  const length = norm2(v);
  if (!(Math.abs(length - 1) <= UNIT_TOLERANCE)) throw new NtkInputError('v', input.v, `a unit vector (|v|=${length}, tolerance ${UNIT_TOLERANCE})`);
  for (let i = 0; i < p; i++) v[i] = (v[i] as number) / length;
  const Q = new Float64Array(n * p * p);
  for (let k = 0; k < n; k++) {
    const lk = lambda[k] as number;
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) Q[(k * p + i) * p + j] = lk * ((v[i] as number) * (v[j] as number));
    }
  }
  // Rounding of |v|, of the renormalization and of Q's entries moves the true value by < (p + n + 8) u relative.
  return new QuadraticModel({ h0, G, Q, w0 }, roundUp(norm2(lambda), p + n + 16));
}
