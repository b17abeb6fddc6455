import type { SmoothModel } from '../models/SmoothModel.js';
import { evaluateAt, type NonFinitePoint } from './NonFinitePoint.js';

/**
 * Relative accuracy assumed of one evaluation of the user's h: 64 ulps (the judge's rounding floor), since an
 * entry of h is a sum of many rounded terms, not one correctly rounded number. It is relative to the operand scale
 * F_i = |h_i(w)| + sum_j |J_ij(w) w_j| (see {@link operandScale}), not to |h_i| alone.
 */
const EVAL_ACCURACY = 64 * Number.EPSILON;

/**
 * The bound below is built from an estimated third derivative (a finite difference, itself accurate to O(H^2)):
 * a mismatch must exceed it this many times. The estimate is off by far less than 4x except where h''' changes on
 * the scale of the pilot step, while a wrong Jacobian entry is off by O(|J|), about 1e9 times the bound.
 */
const SAFETY = 4;

/** Pilot step of the third-derivative estimate, per unit of the coordinate's scale: eps^(1/5) balances its errors. */
const PILOT = Number.EPSILON ** (1 / 5);

/** An entry of the Jacobian that disagrees with its central difference beyond the difference rule's error bound. */
export interface JacobianMismatch {
  readonly w: readonly number[];
  /** Output i and parameter j of the entry J[i][j] = dh_i / dw_j. */
  readonly i: number;
  readonly j: number;
  readonly analytic: number;
  readonly difference: number;
  /** The error bound the difference had to stay within (SAFETY x (truncation + rounding)). */
  readonly tolerance: number;
  readonly step: number;
}

/** Result of {@link checkJacobian}. */
export interface JacobianCheck {
  readonly points: number;
  readonly entries: number;
  /** Largest |J - D| / tolerance over the entries (<= 1: the Jacobian agrees with the differences). */
  readonly worstRatio: number;
  /** The worst entry, when its ratio exceeds 1. */
  readonly mismatch?: JacobianMismatch;
  readonly nonFinite?: NonFinitePoint;
}

function shifted(w: Float64Array, j: number, step: number): Float64Array {
  const x = Float64Array.from(w);
  x[j] = (x[j] as number) + step;
  return x;
}

/**
 * The magnitude of the terms h(w) is computed from: max_i |h_i(w)| + sum_j |J_ij(w) w_j|. The first-order terms
 * J_ij w_j bound the parts a sum such as sum_i a_i tanh(<u_i, x>) adds up; |h_i| alone misses cancellation (a
 * symmetric initialization has h(w0) = 0 exactly, while every term is O(1)).
 */
function operandScale(h: Float64Array, J: Float64Array, w: Float64Array): number {
  const p = w.length;
  let F = 0;
  for (let i = 0; i < h.length; i++) {
    let s = Math.abs(h[i] as number);
    for (let j = 0; j < p; j++) s += Math.abs((J[i * p + j] as number) * (w[j] as number));
    F = Math.max(F, s);
  }
  return F;
}

function maxAbs(...vs: Float64Array[]): number {
  let m = 0;
  for (const v of vs) for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/**
 * Compare J(w) with central differences D_j = (h(w + s e_j) - h(w - s e_j)) / (2 s), one step s per direction j.
 * The rule errs by at most s^2 M3 / 6 (truncation, M3 = |d^3 h / dw_j^3|) plus eps_h F / s (rounding, F the operand scale,
 * eps_h = {@link EVAL_ACCURACY}); M3 is estimated by the third difference
 * (h(w + 2H e_j) - 2 h(w + H e_j) + 2 h(w - H e_j) - h(w - 2H e_j)) / (2 H^3) at the pilot step H = eps^(1/5) scale,
 * floored at that estimate's own rounding error 6 eps_h F / (2 H^3), and s = (3 eps_h F / M3)^(1/3) balances the
 * two terms. An entry is a mismatch when |J_ij - D_ij| > SAFETY x (bound + eps_h |J_ij|).
 */
export function checkJacobian(model: SmoothModel, points: readonly Float64Array[]): JacobianCheck {
  const { n, p } = model;
  let worstRatio = 0;
  let mismatch: JacobianMismatch | undefined;
  let entries = 0;
  for (const w of points) {
    const at = evaluateAt(model, w);
    if ('nonFinite' in at) return { points: points.length, entries, worstRatio, nonFinite: at.nonFinite };
    for (let j = 0; j < p; j++) {
      const scale = Math.max(1, Math.abs(w[j] as number));
      const H = PILOT * scale;
      const hs: Float64Array[] = [];
      for (const s of [2 * H, H, -H, -2 * H]) {
        const e = evaluateAt(model, shifted(w, j, s));
        if ('nonFinite' in e) return { points: points.length, entries, worstRatio, nonFinite: e.nonFinite };
        hs.push(e.h);
      }
      const [f2, f1, g1, g2] = hs as [Float64Array, Float64Array, Float64Array, Float64Array];
      const F = Math.max(maxAbs(f2, g2), operandScale(at.h, at.J, w), Number.MIN_VALUE);
      let M3 = (6 * EVAL_ACCURACY * F) / (2 * H ** 3);
      for (let i = 0; i < n; i++) {
        const d3 = ((f2[i] as number) - 2 * (f1[i] as number) + 2 * (g1[i] as number) - (g2[i] as number)) / (2 * H ** 3);
        M3 = Math.max(M3, Math.abs(d3));
      }
      const step = Math.min(Math.cbrt((3 * EVAL_ACCURACY * F) / M3), 0.1 * scale);
      const plus = evaluateAt(model, shifted(w, j, step));
      const minus = evaluateAt(model, shifted(w, j, -step));
      if ('nonFinite' in plus) return { points: points.length, entries, worstRatio, nonFinite: plus.nonFinite };
      if ('nonFinite' in minus) return { points: points.length, entries, worstRatio, nonFinite: minus.nonFinite };
      const Fs = Math.max(maxAbs(plus.h, minus.h), F);
      const bound = (M3 * step * step) / 6 + (EVAL_ACCURACY * Fs) / step;
      for (let i = 0; i < n; i++) {
        const analytic = at.J[i * p + j] as number;
        const difference = ((plus.h[i] as number) - (minus.h[i] as number)) / (2 * step);
        const tolerance = SAFETY * (bound + EVAL_ACCURACY * Math.abs(analytic));
        const ratio = Math.abs(analytic - difference) / tolerance;
        entries++;
        if (ratio > worstRatio) {
          worstRatio = ratio;
          if (ratio > 1) mismatch = { w: Array.from(w), i, j, analytic, difference, tolerance, step };
        }
      }
    }
  }
  return { points: points.length, entries, worstRatio, ...(mismatch && { mismatch }) };
}
