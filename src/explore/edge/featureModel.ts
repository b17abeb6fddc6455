import { activations, type ActivationName } from '../../models/activation.js';
import type { SmoothModel } from '../../models/SmoothModel.js';
import { nonNegativeOrInfinity } from '../../validate/validators.js';

/** Relative safety margin on the float norms the constants are computed from (they may be a few ulps low). */
const NORM_MARGIN = 1e-12;

/**
 * A feature model with globally bounded Lip(h) and Lip(Dh): h_k(w) = sum_j V_kj (s(w_j + c_kj) - s(w0_j + c_kj)),
 * V and the shifts c fixed (n x p, row-major), s applied entrywise. The shifts make the output manifold curve out
 * of every fixed subspace (without them h would stay in range(V)). J_kj(w) = V_kj s'(w_j + c_kj), so
 * Lip(h) <= ||J||_F <= ||V||_F ||s'||_inf, and since |J_kj(u) - J_kj(v)| <= |V_kj| ||s''||_inf |u_j - v_j|,
 * Lip(Dh) <= ||J(u) - J(v)||_F / |u - v| <= ||s''||_inf max_j ||V_{:,j}|| — on every ball (rho = infinity).
 * Centred: h(w0) = 0, so alpha h(w0) = 0 and R0 does not grow with alpha.
 */
export function featureModel(activation: ActivationName, V: Float64Array, shifts: Float64Array, n: number, w0: Float64Array): SmoothModel {
  const s = activations[activation];
  const p = w0.length;
  let frobenius = 0;
  let column = 0;
  for (let j = 0; j < p; j++) {
    let c = 0;
    for (let k = 0; k < n; k++) c += (V[k * p + j] as number) ** 2;
    frobenius += c;
    column = Math.max(column, c);
  }
  const lipH = Math.sqrt(frobenius) * s.supSlope * (1 + NORM_MARGIN);
  const lipDh = Math.sqrt(column) * s.supCurvature * (1 + NORM_MARGIN);
  const entry = (k: number, j: number, w: Float64Array) => (w[j] as number) + (shifts[k * p + j] as number);
  const h0 = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let t = 0;
    for (let j = 0; j < p; j++) t += (V[k * p + j] as number) * s.value(entry(k, j, w0));
    h0[k] = t;
  }
  const slope = (k: number, j: number, w: Float64Array) => (V[k * p + j] as number) * s.slopeFromValue(s.value(entry(k, j, w)));
  return {
    kind: `features-${activation}`,
    n,
    p,
    w0,
    lipDhIsExact: false,
    value(w, out = new Float64Array(n)) {
      for (let k = 0; k < n; k++) {
        let t = 0;
        for (let j = 0; j < p; j++) t += (V[k * p + j] as number) * s.value(entry(k, j, w));
        out[k] = t - (h0[k] as number); // the sum in h0's order: exactly 0 at w0
      }
      return out;
    },
    jacobian(w, out = new Float64Array(n * p)) {
      for (let k = 0; k < n; k++) for (let j = 0; j < p; j++) out[k * p + j] = slope(k, j, w);
      return out;
    },
    vjp(w, r, out = new Float64Array(p)) {
      for (let j = 0; j < p; j++) {
        let t = 0;
        for (let k = 0; k < n; k++) t += slope(k, j, w) * (r[k] as number);
        out[j] = t;
      }
      return out;
    },
    lipDh(rho) {
      nonNegativeOrInfinity('rho', rho);
      return lipDh;
    },
    lipH(rho) {
      nonNegativeOrInfinity('rho', rho);
      return lipH;
    },
  };
}
