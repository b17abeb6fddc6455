import type { Rhs } from '../integrators/Rhs.js';
import { MeanFieldModel } from '../models/meanField.js';
import { QuadraticModel } from '../models/quadratic.js';
import type { SmoothModel } from '../models/SmoothModel.js';
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
    // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index p of a typed array, whose write is dropped (and whose reads feed only that write)
    for (let j = 0; j < p; j++) w[j] = (w0[j] as number) + (d[j] as number);
    return w;
  };
  return {
    n,
    p,
    rhs: (_t, d, out) => {
      residual(instance, at(d), r);
      model.vjp(w, r, out);
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index p of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let j = 0; j < p; j++) out[j] = (out[j] as number) * invAlpha;
    },
    jacobian: (d, out = new Float64Array(n * p)) => model.jacobian(at(d), out),
  };
}

/**
 * Quadratic model h = h0 + G d + 1/2 Q[d, d] (src/models/quadratic.ts, read through its public fields G, Q, h0):
 * one pass over Q per evaluation. M = Q[d, .] (row k = Q_k d, n x p) costs n p^2, shared by the value
 * h_k = h0_k + (G_k + M_k / 2) . d and by J^T r = (G + M)^T r; the displacement d is used as is (no w - w0
 * round trip). Q is read as one (n p) x p matrix, four rows per pass over d (each d_j loaded once for four rows;
 * four independent sums hide the add latency).
 */
function quadraticKernel(instance: Instance, model: QuadraticModel): FlowKernel {
  const { alpha, yStar } = instance;
  const { n, p, G, Q, h0 } = model;
  const M = new Float64Array(n * p);
  const r = new Float64Array(n);
  const invAlpha = 1 / alpha;
  const r0 = Float64Array.from(yStar, (y, k) => y - alpha * (h0[k] as number));
  const rows = n * p; // Q as an (n p) x p matrix: row k p + i is row i of Q_k
  const fillM = (d: Float64Array): void => {
    let row = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent: the unrolled loop is an optimization; the remainder loop computes the same rows with the same sums, and rows past the end are dropped writes
    for (; row + 3 < rows; row += 4) {
      const q0 = row * p;
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
      M[row] = s0;
      M[row + 1] = s1;
      M[row + 2] = s2;
      M[row + 3] = s3;
    }
    // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index rows (n p) of a typed array, whose write is dropped (and whose reads feed only that write)
    for (; row < rows; row++) {
      const q0 = row * p;
      let s0 = 0;
      for (let j = 0; j < p; j++) s0 += (Q[q0 + j] as number) * (d[j] as number);
      M[row] = s0;
    }
  };
  return {
    n,
    p,
    rhs: (_t, d, out) => {
      fillM(d);
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n (r[n]) of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let k = 0; k < n; k++) {
        const o = k * p;
        let s = 0;
        for (let i = 0; i < p; i++) s += ((G[o + i] as number) + 0.5 * (M[o + i] as number)) * (d[i] as number);
        r[k] = ((r0[k] as number) - alpha * s) * invAlpha; // r_k / alpha
      }
      out.fill(0);
      for (let k = 0; k < n; k++) {
        const rk = r[k] as number;
        // Stryker disable next-line ConditionalExpression: work only: a zero residual component adds rk (G + M) = 0 (G, M finite)
        if (rk === 0) continue;
        const o = k * p;
        // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index p of a typed array, whose write is dropped (and whose reads feed only that write)
        for (let i = 0; i < p; i++) out[i] = (out[i] as number) + rk * ((G[o + i] as number) + (M[o + i] as number));
      }
    },
    jacobian: (d, out = new Float64Array(n * p)) => {
      fillM(d);
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n p of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let x = 0; x < n * p; x++) out[x] = (G[x] as number) + (M[x] as number);
      return out;
    },
  };
}

/**
 * Mean-field net (src/models/meanField.ts, read through its public fields m, d, n, x, activation and its parameter
 * layout w = (a, U)): one activation pass per evaluation instead of two. The value pass computes, per neuron i,
 * sigma_ij = sigma(z_ij) (z_ij = sqrt(m) <x_j, u_i>) and keeps them (m n numbers); J^T r then needs no
 * transcendental: (J^T r)_(a_i) = (n m)^(-1/2) sum_j r_j sigma_ij, (J^T r)_(u_i) = n^(-1/2) a_i sum_j r_j
 * sigma'_ij x_j, with sigma' recomputed from sigma (`activation.slopes`). w = w0 + d is read in place, never copied:
 * at m = 4096 the evaluation streams through memory (p = 36,864), and each array it does not touch saves time.
 * The value sums mirrored neurons i, i + m/2 in the model's order, so h(w0) = 0 exactly as there.
 */
function meanFieldKernel(instance: Instance, model: MeanFieldModel): FlowKernel {
  const { alpha, yStar } = instance;
  const { m, n, d, p, x, w0, activation } = model;
  const sqrtM = Math.sqrt(m);
  const S = new Float64Array(m * n);
  const sRows = Array.from({ length: m }, (_, i) => S.subarray(i * n, (i + 1) * n));
  const ds = new Float64Array(n);
  const z = new Float64Array(n);
  const u = new Float64Array(d);
  const h = new Float64Array(n);
  const g = new Float64Array(n);
  const w = new Float64Array(p);
  const xT = new Float64Array(d * n); // x transposed (d x n): contiguous in j for the second pass
  // Stryker disable next-line EqualityOperator: equivalent for `k <= d`: it writes xT[d n + j], past the end of xT (dropped); `j <= n` is killed by any d >= 2 test
  for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) xT[k * n + j] = x[j * d + k] as number;
  /** u_i = (w0 + dd)_(u_i) into `u`, then s_ij = sigma(sqrt(m) <x_j, u_i>) into row i of S (ds: the slopes, scratch). */
  const neuron = (i: number, dd: Float64Array): void => {
    const uo = m + i * d;
    // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index d of a typed array, whose write is dropped (and whose reads feed only that write)
    for (let k = 0; k < d; k++) u[k] = (w0[uo + k] as number) + (dd[uo + k] as number);
    // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n (z[n]) of a typed array, whose write is dropped (and whose reads feed only that write)
    for (let j = 0; j < n; j++) {
      const xo = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += (x[xo + k] as number) * (u[k] as number);
      z[j] = sqrtM * s;
    }
    activation.evaluate(z, sRows[i] as Float64Array, ds, n);
  };
  const cA = 1 / Math.sqrt(n * m);
  const cU = 1 / Math.sqrt(n);
  const half = m >> 1;
  return {
    n,
    p,
    rhs: (_t, dd, out) => {
      h.fill(0);
      // Pass 1: h = sum_i a_i sigma_i (mirrored neurons i, i + m/2 summed first), S kept for pass 2.
      for (let i = 0; i < half; i++) {
        neuron(i, dd);
        neuron(i + half, dd);
        const a = (w0[i] as number) + (dd[i] as number);
        const aMirror = (w0[i + half] as number) + (dd[i + half] as number);
        const so = i * n;
        const mo = (i + half) * n;
        // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n of a typed array, whose write is dropped (and whose reads feed only that write)
        for (let j = 0; j < n; j++) h[j] = (h[j] as number) + (a * (S[so + j] as number) + aMirror * (S[mo + j] as number));
      }
      if (m % 2 === 1) {
        neuron(m - 1, dd);
        const aLast = (w0[m - 1] as number) + (dd[m - 1] as number);
        const so = (m - 1) * n;
        // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n of a typed array, whose write is dropped (and whose reads feed only that write)
        for (let j = 0; j < n; j++) h[j] = (h[j] as number) + aLast * (S[so + j] as number);
      }
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index n of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let j = 0; j < n; j++) h[j] = ((yStar[j] as number) - alpha * (cA * (h[j] as number))) / alpha; // r_j / alpha
      // Pass 2: J^T r from S (the slopes recomputed from the values: no second m x n array to stream through).
      for (let i = 0; i < m; i++) {
        const so = i * n;
        activation.slopes(S, so, ds, n);
        let ga = 0;
        for (let j = 0; j < n; j++) {
          const rj = h[j] as number;
          ga += rj * (S[so + j] as number);
          g[j] = rj * (ds[j] as number);
        }
        out[i] = cA * ga;
        const cu = cU * ((w0[i] as number) + (dd[i] as number));
        const uo = m + i * d;
        // Stryker disable next-line EqualityOperator: equivalent: `k <= d` writes out[m + (i + 1) d], the first entry of the next neuron, which that neuron overwrites (past the end for the last one)
        for (let k = 0; k < d; k++) {
          const xo = k * n;
          let s = 0;
          for (let j = 0; j < n; j++) s += (g[j] as number) * (xT[xo + j] as number);
          out[uo + k] = cu * s;
        }
      }
    },
    jacobian: (dd, out = new Float64Array(n * p)) => {
      // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index p of a typed array, whose write is dropped (and whose reads feed only that write)
      for (let q = 0; q < p; q++) w[q] = (w0[q] as number) + (dd[q] as number);
      return (model as SmoothModel).jacobian(w, out);
    },
  };
}

/**
 * The fastest available kernel of gradient flow for `instance`: fused for quadratic models and mean-field nets (one
 * pass over the model per evaluation), generic (`model.value` then `model.vjp`) otherwise. The fused kernels read
 * the models' public fields; a model method computing (1/alpha) J^T (y* - alpha h) in one pass would replace them.
 */
export function flowKernel(instance: Instance): FlowKernel {
  const { model } = instance;
  // Stryker disable next-line ConditionalExpression: performance only: the generic kernel computes the same f(d) and J, up to rounding
  if (model instanceof QuadraticModel) return quadraticKernel(instance, model);
  // Stryker disable next-line ConditionalExpression: performance only: the generic kernel computes the same f(d) and J, up to rounding
  if (model instanceof MeanFieldModel) return meanFieldKernel(instance, model);
  return genericKernel(instance);
}
