/**
 * A lower bound on the true Lip(Dh) of a quadratic model (test- and bench-only): the tensor spectral norm
 * ||Q||_sigma = max_{|x|=|y|=1} sum_k y_k x^T Q_k x (Q_k symmetric, so the two vectors of the bilinear form may be
 * taken equal), reached from below by alternating maximization, the symmetric higher-order power method: for fixed
 * y the best x is an eigenvector of sum_k y_k Q_k for its eigenvalue of largest magnitude; for fixed x the best y is
 * q / |q|, q_k = x^T Q_k x. Each half-step cannot lower |q(x)|, which is attained by a unit x: a lower bound.
 */
import { norm2 } from '../../linalg/dense.js';
import { symmetricEigen } from '../../linalg/symmetricEigen.js';
import { createRng } from '../../random/rng.js';
import type { QuadraticModel } from '../quadratic.js';

/** |q(x)| with q_k = x^T Q_k x. */
function formNorm(Q: Float64Array, n: number, p: number, x: Float64Array): { value: number; q: Float64Array } {
  const q = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += (x[i] as number) * (Q[(k * p + i) * p + j] as number) * (x[j] as number);
    q[k] = s;
  }
  return { value: norm2(q), q };
}

/** The eigenvector of sum_k y_k Q_k for its eigenvalue of largest magnitude. */
function topEigenvector(Q: Float64Array, n: number, p: number, y: Float64Array): Float64Array {
  const A = new Float64Array(p * p);
  for (let k = 0; k < n; k++) for (let i = 0; i < p * p; i++) A[i] = (A[i] as number) + (y[k] as number) * (Q[k * p * p + i] as number);
  const { values, vectors } = symmetricEigen(A, p);
  let best = 0;
  for (let c = 1; c < p; c++) if (Math.abs(values[c] as number) > Math.abs(values[best] as number)) best = c;
  return Float64Array.from({ length: p }, (_, i) => vectors[i * p + best] as number);
}

/**
 * The largest |q(x)| found by alternating maximization from `starts` random unit y (seeded), `iterations` rounds
 * each: a lower bound on the model's true Lip(Dh) (up to float rounding of the value, relative ~ p eps).
 */
export function lipDhLowerBound(model: QuadraticModel, starts = 8, iterations = 60, seed = 1): number {
  const { n, p, Q } = model;
  const rng = createRng(seed);
  let best = 0;
  for (let s = 0; s < starts; s++) {
    let y = Float64Array.from({ length: n }, () => rng.normal());
    y = y.map((v) => v / (norm2(y) || 1));
    for (let it = 0; it < iterations; it++) {
      const { value, q } = formNorm(Q, n, p, topEigenvector(Q, n, p, y));
      best = Math.max(best, value);
      if (value === 0) break;
      y = q.map((v) => v / value);
    }
  }
  return best;
}
