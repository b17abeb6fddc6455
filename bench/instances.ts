import type { Instance } from '../src/flow/Instance.js';
import { gram } from '../src/linalg/dense.js';
import { symmetricEigen } from '../src/linalg/symmetricEigen.js';
import { meanFieldNet } from '../src/models/meanField.js';
import { quadraticModel } from '../src/models/quadratic.js';
import { symmetricInit } from '../src/models/symmetricInit.js';
import { createRng } from '../src/random/rng.js';

/** Parameters of the quadratic benchmark instance (a), and of (b) with `lambdaMax`. */
export interface QuadraticBenchSpec {
  readonly seed: number;
  readonly n: number;
  readonly p: number;
  readonly alpha: number;
  readonly T: number;
  /** When set, G is rescaled so that lambda_max(K0) = lambda_max(G G^T) equals it. */
  readonly lambdaMax?: number;
}

/**
 * Quadratic instance h(w) = h0 + G d + 1/2 Q[d, d] from a seed (bench instances (a) and (b)), drawn in this order
 * from `createRng(seed).normal()`: G (n x p, row-major) with entries N(0,1)/sqrt(p), so K0 = G G^T has its
 * spectrum in about [(1 - sqrt(n/p))^2, (1 + sqrt(n/p))^2]; then for each k the upper triangle of Q_k (row by
 * row, diagonal included) with entries N(0,1)/p, mirrored; then h0 with entries N(0,1); then w0 with entries
 * N(0,1); then a direction u (n normals, normalized). y* = alpha h0 + sqrt(2) u, so r(0) = sqrt(2) u and R0 = 1.
 */
export function quadraticBenchInstance(spec: QuadraticBenchSpec): Instance {
  const { n, p, alpha, T } = spec;
  const rng = createRng(spec.seed);
  const G = Float64Array.from({ length: n * p }, () => rng.normal() / Math.sqrt(p));
  const Q: number[][][] = [];
  for (let k = 0; k < n; k++) {
    const Qk = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        const x = rng.normal() / p;
        (Qk[i] as number[])[j] = x;
        (Qk[j] as number[])[i] = x;
      }
    }
    Q.push(Qk);
  }
  const h0 = Array.from({ length: n }, () => rng.normal());
  const w0 = Array.from({ length: p }, () => rng.normal());
  const u = Array.from({ length: n }, () => rng.normal());
  const uNorm = Math.hypot(...u);
  if (spec.lambdaMax !== undefined) {
    const top = Math.max(...symmetricEigen(gram(G, n, p), n).values);
    const scale = Math.sqrt(spec.lambdaMax / top);
    for (let i = 0; i < G.length; i++) G[i] = (G[i] as number) * scale;
  }
  const Gn = Array.from({ length: n }, (_, k) => Array.from(G.subarray(k * p, (k + 1) * p)));
  const model = quadraticModel({ h0, G: Gn, Q, w0 });
  const yStar = Float64Array.from(h0, (h, k) => alpha * h + (Math.SQRT2 * (u[k] as number)) / uNorm);
  return { model, yStar, alpha, T };
}

/** Parameters of the mean-field benchmark instance (c). */
export interface MeanFieldBenchSpec {
  readonly seed: number;
  /** Neurons (even). */
  readonly m: number;
  /** Input dimension and number of data points. */
  readonly d: number;
  readonly n: number;
  readonly T: number;
  readonly activation: 'sigmoid' | 'tanh';
}

/**
 * Mean-field net (eq. 8) with the symmetric initialization (`symmetricInit`, uniforms from the seed), inputs x_j
 * uniform on the unit sphere of R^d, labels y_j = +-1 (fair coin) and y* = y / sqrt(n) (eq. 10), alpha = sqrt(m)
 * (the NTK parametrization). R0 = 1/2 exactly (f_w0 = 0).
 */
export function meanFieldBenchInstance(spec: MeanFieldBenchSpec): Instance {
  const { m, d, n, T } = spec;
  const rng = createRng(spec.seed);
  const x = Array.from({ length: n }, () => {
    const v = Array.from({ length: d }, () => rng.normal());
    const norm = Math.hypot(...v);
    return v.map((c) => c / norm);
  });
  const y = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  const { a, U } = symmetricInit({ m, d, rng: rng.uniform });
  const model = meanFieldNet({ activation: spec.activation, x, a, U });
  return { model, yStar: Float64Array.from(y, (v) => v / Math.sqrt(n)), alpha: Math.sqrt(m), T };
}
