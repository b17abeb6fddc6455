import type { ModelModule } from '../../src/model/ModelModule.js';

/**
 * A 2-layer tanh network on n fixed inputs x_k in R^d, mean-field scaled:
 *   f_w(x) = m^(-1/2) sum_i a_i tanh(<u_i, x>),   h(w) = n^(-1/2) (f_w(x_1), ..., f_w(x_n)),
 * with parameters w = (a_1, u_1, ..., a_m, u_m) (neuron i occupies w[i(d+1) .. i(d+1)+d]), p = m (d + 1).
 * The initialization is symmetric (neurons 2i and 2i+1 share u and have opposite a), so h(w0) = 0.
 *
 * Declared constants on B(w0, rho), derived (s = tanh, |s'| <= 1, |s''| <= 4 / (3 sqrt 3), X = max_k ||x_k||):
 * - Lip(Dh). The Hessian of f(x) in w is block diagonal per neuron, block
 *   m^(-1/2) [[0, s' x^T], [s' x, a_i s'' x x^T]], of operator norm <= m^(-1/2) (|s'| X + |a_i| |s''| X^2).
 *   On the ball |a_i| <= |a_i(w0)| + rho =: A, so ||grad f_x(u) - grad f_x(v)|| <= m^(-1/2) (X + A (4/(3 sqrt 3)) X^2) ||u - v||.
 *   Row k of Dh is n^(-1/2) grad f_{x_k}, so ||Dh(u) - Dh(v)||_op <= ||.||_F <= max_k ||grad f_{x_k}(u) - grad f_{x_k}(v)||.
 * - Lip(h). ||Dh(w)||_op <= ||Dh(w)||_F <= max_k ||grad f_{x_k}(w)||, and
 *   ||grad f_x||^2 = m^(-1) sum_i (tanh(<u_i, x>)^2 + a_i^2 s'^2 ||x||^2) <= 1 + X^2 ||a||^2 / m, ||a|| <= ||a(w0)|| + rho.
 */
export function tanhNet(options: {
  readonly name: string;
  readonly m: number;
  readonly inputs: readonly (readonly number[])[];
  readonly seed: number;
  readonly alpha: number;
}): ModelModule {
  const { m, inputs } = options;
  const n = inputs.length;
  const d = (inputs[0] as readonly number[]).length;
  const p = m * (d + 1);
  // A small linear congruential generator: the example is self-contained and deterministic.
  let state = options.seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const w0 = new Float64Array(p);
  for (let i = 0; i < m; i += 2) {
    const a = 2 * uniform() - 1;
    const u = Array.from({ length: d }, () => 2 * uniform() - 1);
    for (const [k, sign] of [
      [i, 1],
      [i + 1, -1],
    ] as const) {
      w0[k * (d + 1)] = sign * a;
      u.forEach((x, j) => {
        w0[k * (d + 1) + 1 + j] = x;
      });
    }
  }
  const X = Math.max(...inputs.map((x) => Math.hypot(...x)));
  const a0 = Array.from({ length: m }, (_, i) => w0[i * (d + 1)] as number);
  const maxA0 = Math.max(...a0.map(Math.abs));
  const normA0 = Math.hypot(...a0);
  const S2 = 4 / (3 * Math.sqrt(3)); // sup |tanh''|
  const scale = 1 / Math.sqrt(m * n);
  const pre = (w: Float64Array, i: number, x: readonly number[]) => x.reduce((s, xj, j) => s + (w[i * (d + 1) + 1 + j] as number) * xj, 0);
  return {
    name: options.name,
    p,
    n,
    w0,
    alpha: options.alpha,
    value: (w) =>
      inputs.map((x) => {
        let f = 0;
        for (let i = 0; i < m; i++) f += (w[i * (d + 1)] as number) * Math.tanh(pre(w, i, x));
        return f * scale;
      }),
    jacobian: (w) =>
      inputs.map((x) => {
        const row = new Array<number>(p).fill(0);
        for (let i = 0; i < m; i++) {
          const t = Math.tanh(pre(w, i, x));
          const a = w[i * (d + 1)] as number;
          row[i * (d + 1)] = t * scale;
          for (let j = 0; j < d; j++) row[i * (d + 1) + 1 + j] = a * (1 - t * t) * (x[j] as number) * scale;
        }
        return row;
      }),
    lipDh: (rho) => (X + (maxA0 + rho) * S2 * X * X) / Math.sqrt(m),
    lipH: (rho) => Math.sqrt(1 + (X * X * (normA0 + rho) ** 2) / m),
  };
}

/**
 * The inputs of the examples: n = 6 points on a circle of radius 1.5 in R^2 at angles theta_k = 2 pi k / 7 (no two
 * antipodal: tanh is odd, so antipodal inputs would give opposite outputs and a rank-deficient NTK).
 */
export const CIRCLE: readonly (readonly number[])[] = Array.from({ length: 6 }, (_, k) => [
  1.5 * Math.cos((2 * Math.PI * k) / 7),
  1.5 * Math.sin((2 * Math.PI * k) / 7),
]);
