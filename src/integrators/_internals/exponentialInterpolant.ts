import type { NegativeGramOperator } from '../NegativeGramOperator.js';
import { phiFunctions } from '../phiFunctions.js';

/** The modal (V^T B) coordinates of a step's three g-values and of u_n, for {@link exponentialInterpolant}. */
export interface StepData {
  readonly t: number;
  readonly h: number;
  readonly op: NegativeGramOperator;
  /** u_n, F(u_n), F(U_mid), F(u_{n+1}) (length n each); g = F - L u = F + B^T B u. */
  readonly u: Float64Array;
  readonly K0: Float64Array;
  readonly Km: Float64Array;
  readonly K1: Float64Array;
  /** V^T B u at u_n, U_mid, u_{n+1}; V^T B g at the same three points (length rows each). */
  readonly y0: Float64Array;
  readonly ym: Float64Array;
  readonly y1: Float64Array;
  readonly z0: Float64Array;
  readonly zm: Float64Array;
  readonly z1: Float64Array;
  /** phi_0..phi_4(-h lambda_r) at [r 5 + k] when already known (saves their evaluation at theta = 1), else undefined. */
  readonly phiAtEnd: Float64Array | undefined;
}

/** Scratch of {@link exponentialInterpolant} (one per solution). */
export class InterpolantScratch {
  readonly modal: Float64Array;
  readonly phis = new Float64Array(5);
  constructor(rows: number) {
    this.modal = new Float64Array(rows);
  }
}

/**
 * The continuous extension of one exponential step at theta in [0, 1] (without the end correction): with g
 * interpolated by the quadratic through (0, G0), (h/2, Gm), (h, G1), the variation-of-constants formula gives
 * u(t_n + theta h) = exp(theta h L) u_n + h [theta phi1 G0 + theta^2 phi2 (4 Gm - 3 G0 - G1)
 * + 4 theta^3 phi3 (G0 - 2 Gm + G1)], phi_k = phi_k(theta h L) (Hochbruck & Ostermann, Acta Numerica 2010,
 * Sec. 2.3: exponential quadrature). Exact when g is quadratic in time; local error O(h^4) otherwise.
 * Writes into out; O(rows n).
 */
export function exponentialInterpolant(d: StepData, theta: number, out: Float64Array, scratch: InterpolantScratch): Float64Array {
  const { h, op, u, K0, Km, K1, y0, ym, y1, z0, zm, z1 } = d;
  const { modal, phis } = scratch;
  const n = u.length;
  const t2 = theta * theta;
  const t3 = t2 * theta;
  // null parts (L = 0): phi_k(0) = 1/k!
  const c0 = h * (theta - 1.5 * t2 + (2 / 3) * t3);
  const cm = h * (2 * t2 - (4 / 3) * t3);
  const c1 = h * (-0.5 * t2 + (2 / 3) * t3);
  for (let j = 0; j < n; j++) {
    out[j] = (u[j] as number) + c0 * (K0[j] as number) + cm * (Km[j] as number) + c1 * (K1[j] as number);
  }
  const tau = theta * h;
  const known = theta === 1 ? d.phiAtEnd : undefined;
  for (let r = 0; r < op.rows; r++) {
    // (phi_k(-tau lambda) - 1/k!) / lambda = -tau phi_{k+1}(-tau lambda)
    if (known === undefined) phiFunctions(-tau * (op.lambda[r] as number), 4, phis);
    else phis.set(known.subarray(5 * r, 5 * r + 5));
    const e = -tau * (phis[1] as number);
    const p1 = -tau * (phis[2] as number);
    const p2 = -tau * (phis[3] as number);
    const p3 = -tau * (phis[4] as number);
    const d0 = h * (theta * p1 - 3 * t2 * p2 + 4 * t3 * p3);
    const dm = h * (4 * t2 * p2 - 8 * t3 * p3);
    const d1 = h * (-t2 * p2 + 4 * t3 * p3);
    modal[r] =
      e * (y0[r] as number) +
      c0 * (y0[r] as number) +
      cm * (ym[r] as number) +
      c1 * (y1[r] as number) +
      d0 * (z0[r] as number) +
      dm * (zm[r] as number) +
      d1 * (z1[r] as number);
  }
  return op.addBack(modal, out);
}
