import type { ModelModule } from '../../src/model/ModelModule.js';

/**
 * A model of the user's own shape: a polynomial link on linear features, h_k(w) = g(<x_k, w>) with
 * g(z) = z + z^3 / 6 (n = 4 data points in R^3, p = 3, w0 = (0.2, -0.1, 0.3)).
 *
 * Declared constants on B(w0, rho), derived (z_k = <x_k, w>, |z_k| <= ||x_k|| (||w0|| + rho) =: Z_k on the ball):
 * - Lip(Dh). Row k of Dh is g'(z_k) x_k^T with g'(z) = 1 + z^2 / 2, and |g'(a) - g'(b)| = |a + b| |a - b| / 2
 *   <= Z_k ||x_k|| ||u - v||, so ||Dh(u) - Dh(v)||_op <= ||.||_F <= sqrt(sum_k Z_k^2 ||x_k||^4) ||u - v||
 *   = (||w0|| + rho) sqrt(sum_k ||x_k||^6) ||u - v||.
 * - Lip(h). ||Dh(w)||_op <= ||Dh(w)||_F <= sqrt(sum_k (1 + Z_k^2 / 2)^2 ||x_k||^2).
 */
const X: readonly (readonly number[])[] = [
  [1, 0, 0.5],
  [0, 1, -0.5],
  [0.5, 0.5, 1],
  [-1, 0.5, 0],
];
const w0 = [0.2, -0.1, 0.3];
const dot = (x: readonly number[], w: ArrayLike<number>) => x.reduce((s, xj, j) => s + xj * (w[j] as number), 0);
const norm = (v: readonly number[]) => Math.hypot(...v);
const w0Norm = norm(w0);

const model: ModelModule = {
  name: 'cubic features (n = 4, p = 3)',
  p: 3,
  n: 4,
  w0,
  alpha: 2,
  yStar: [1, -0.5, 0.25, 0],
  value: (w) =>
    X.map((x) => {
      const z = dot(x, w);
      return z + z ** 3 / 6;
    }),
  jacobian: (w) =>
    X.map((x) => {
      const slope = 1 + dot(x, w) ** 2 / 2;
      return x.map((xj) => slope * xj);
    }),
  lipDh: (rho) => (w0Norm + rho) * Math.sqrt(X.reduce((s, x) => s + norm(x) ** 6, 0)),
  lipH: (rho) => Math.sqrt(X.reduce((s, x) => s + (1 + (norm(x) * (w0Norm + rho)) ** 2 / 2) ** 2 * norm(x) ** 2, 0)),
};

export default model;
