import type { Rhs } from '../integrators/Rhs.js';
import { QuadraticModel } from '../models/quadratic.js';
import type { Instance } from './Instance.js';
import { residual } from './residual.js';

/**
 * Gradient flow (1) in the displacement d = w - w0: f(d) = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)), and the
 * Jacobian J(w0 + d) for the exponential path's linear part. Buffers are owned by the kernel: one kernel per
 * solve (not re-entrant).
 */
export interface FlowKernel {
  readonly n: number;
  readonly p: number;
  /** The right-hand side, in the integrators' `Rhs` form (t is not used: the flow is autonomous). */
  readonly rhs: Rhs;
  /** J(w0 + d), n x p row-major, into `out` (a fresh array when omitted). */
  jacobian(d: Float64Array, out?: Float64Array): Float64Array;
}

/**
 * Any model: w = w0 + d, r = y* - alpha h(w) by `model.value`, then `model.vjp` (J^T r without forming J).
 * Two passes over the model per evaluation (value and vjp); see `quadraticKernel` for a fused one.
 */
function genericKernel(instance: Instance): FlowKernel {
  const { model, alpha } = instance;
  const { n, p, w0 } = model;
  const w = new Float64Array(p);
  const r = new Float64Array(n);
  const invAlpha = 1 / alpha;
  const at = (d: Float64Array): Float64Array => {
    for (let j = 0; j < p; j++) w[j] = (w0[j] as number) + (d[j] as number);
    return w;
  };
  return {
    n,
    p,
    rhs: (_t, d, out) => {
      residual(instance, at(d), r);
      model.vjp(w, r, out);
      for (let j = 0; j < p; j++) out[j] = (out[j] as number) * invAlpha;
    },
    jacobian: (d, out = new Float64Array(n * p)) => model.jacobian(at(d), out),
  };
}

/**
 * Quadratic model h = h0 + G d + 1/2 Q[d, d] (src/models/quadratic.ts, read through its public fields G, Q, h0):
 * one pass over Q per evaluation. M = Q[d, .] (row k = Q_k d, n x p) costs n p^2, shared by the value
 * h_k = h0_k + (G_k + M_k / 2) . d and by J^T r = (G + M)^T r; the displacement d is used as is (no w - w0
 * round trip). Four rows of Q_k per pass over d (register blocking: each d_j is loaded once for four rows, and
 * four independent sums hide the add latency).
 */
function quadraticKernel(instance: Instance, model: QuadraticModel): FlowKernel {
  const { alpha, yStar } = instance;
  const { n, p, G, Q, h0 } = model;
  const M = new Float64Array(n * p);
  const r = new Float64Array(n);
  const invAlpha = 1 / alpha;
  const r0 = Float64Array.from(yStar, (y, k) => y - alpha * (h0[k] as number));
  const fillM = (d: Float64Array): void => {
    for (let k = 0; k < n; k++) {
      const base = k * p * p;
      const mo = k * p;
      let i = 0;
      for (; i + 3 < p; i += 4) {
        const q0 = base + i * p;
        const q1 = q0 + p;
        const q2 = q1 + p;
        const q3 = q2 + p;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < p; j++) {
          const dj = d[j] as number;
          s0 += (Q[q0 + j] as number) * dj;
          s1 += (Q[q1 + j] as number) * dj;
          s2 += (Q[q2 + j] as number) * dj;
          s3 += (Q[q3 + j] as number) * dj;
        }
        M[mo + i] = s0;
        M[mo + i + 1] = s1;
        M[mo + i + 2] = s2;
        M[mo + i + 3] = s3;
      }
      for (; i < p; i++) {
        const q0 = base + i * p;
        let s0 = 0;
        for (let j = 0; j < p; j++) s0 += (Q[q0 + j] as number) * (d[j] as number);
        M[mo + i] = s0;
      }
    }
  };
  return {
    n,
    p,
    rhs: (_t, d, out) => {
      fillM(d);
      for (let k = 0; k < n; k++) {
        const o = k * p;
        let s = 0;
        for (let i = 0; i < p; i++) s += ((G[o + i] as number) + 0.5 * (M[o + i] as number)) * (d[i] as number);
        r[k] = ((r0[k] as number) - alpha * s) * invAlpha; // r_k / alpha
      }
      out.fill(0);
      for (let k = 0; k < n; k++) {
        const rk = r[k] as number;
        if (rk === 0) continue;
        const o = k * p;
        for (let i = 0; i < p; i++) out[i] = (out[i] as number) + rk * ((G[o + i] as number) + (M[o + i] as number));
      }
    },
    jacobian: (d, out = new Float64Array(n * p)) => {
      fillM(d);
      for (let x = 0; x < n * p; x++) out[x] = (G[x] as number) + (M[x] as number);
      return out;
    },
  };
}

/** The fastest available kernel of gradient flow for `instance` (fused for quadratic models, generic otherwise). */
export function flowKernel(instance: Instance): FlowKernel {
  const { model } = instance;
  return model instanceof QuadraticModel ? quadraticKernel(instance, model) : genericKernel(instance);
}
