import { integrateAdaptive } from '../integrators/integrateAdaptive.js';
import { tableaus } from '../integrators/tableaus/index.js';
import type { Rhs } from '../integrators/Rhs.js';
import { norm2 } from '../linalg/dense.js';
import { integerInRange, positiveNumber } from '../validate/validators.js';
import type { Instance } from './Instance.js';
import { loss, residual } from './residual.js';
import { validateInstance } from './validateInstance.js';

/**
 * Assumed bound q on err(rtol/100) / err(rtol). If err_tight <= q err_primary, then
 * err_primary <= ||r_primary - r_tight|| + err_tight gives err_primary <= ||r_primary - r_tight|| / (1 - q).
 * For a 5th-order method the asymptotic ratio is 100^(-5/6) ~ 0.02, but short solves of a few steps are far from
 * asymptotic (a ratio of 0.1 was observed at T = 0.05): q = 1/2 only assumes the tight solve is twice as accurate.
 */
export const TIGHTER_ERROR_RATIO = 0.5;

/** Options of {@link gradientFlow}. */
export interface GradientFlowOptions {
  /** Relative tolerance of the adaptive solver. Default 1e-8. */
  readonly rtol?: number;
  /** Absolute tolerance on the displacement w - w0. Default rtol * sqrt(T R0) / alpha (Prop 3.1's scale). */
  readonly atol?: number;
  /** Step budget. Default 1e6. */
  readonly maxSteps?: number;
  /** Estimate the global error by a second solve at rtol / 100 (default true). */
  readonly estimateError?: boolean;
}

/** Dense solution of the nonlinear flow on [0, T]. */
export interface Trajectory {
  /** Accepted mesh 0 = t_0 < ... < t_N = T. */
  readonly ts: Float64Array;
  /** w(t), t in [0, T] (continuous extension of the Runge-Kutta method). */
  weights(t: number, out?: Float64Array): Float64Array;
  /** r(t) = y* - alpha h(w(t)). */
  residual(t: number, out?: Float64Array): Float64Array;
}

/** Result of {@link gradientFlow}. */
export interface GradientFlowResult {
  readonly rtol: number;
  readonly atol: number;
  /** w(T) and r(T). */
  readonly wT: Float64Array;
  readonly rT: Float64Array;
  readonly trajectory: Trajectory;
  readonly steps: number;
  readonly rejected: number;
  /** Right-hand-side evaluations of this solve (the tighter re-solve not included). */
  readonly rhsEvaluations: number;
  /** ||r(T) - r_tight(T)||: the estimated global error of r(T) (0 when not estimated or T = 0). */
  readonly errorEstimate: number;
  /** The re-solve at rtol / 100 that produced the estimate, when one was made. */
  readonly tighter?: GradientFlowResult;
}

/** d' = (1/alpha) J(w0 + d)^T (y* - alpha h(w0 + d)): gradient flow (1) in the displacement d = w - w0. */
function displacementRhs(instance: Instance): Rhs {
  const { model, alpha } = instance;
  const w = new Float64Array(model.p);
  const r = new Float64Array(model.n);
  const w0 = model.w0;
  const invAlpha = 1 / alpha;
  return (_t, d, dd) => {
    for (let j = 0; j < w.length; j++) w[j] = (w0[j] as number) + (d[j] as number);
    residual(instance, w, r);
    model.vjp(w, r, dd);
    for (let j = 0; j < dd.length; j++) dd[j] = (dd[j] as number) * invAlpha;
  };
}

function solveOnce(instance: Instance, rtol: number, atol: number, maxSteps: number): GradientFlowResult {
  const { model, T } = instance;
  const { p, w0 } = model;
  const result = integrateAdaptive(tableaus.dopri5, displacementRhs(instance), 0, new Float64Array(p), T, {
    rtol,
    atol,
    maxSteps,
    dense: true,
  });
  const dense = result.dense;
  const weights = (t: number, out: Float64Array = new Float64Array(p)): Float64Array => {
    if (dense === undefined) out.set(w0); // T = 0: the trajectory is the point w0
    else dense.evaluate(t, out);
    if (dense !== undefined) for (let j = 0; j < p; j++) out[j] = (out[j] as number) + (w0[j] as number);
    return out;
  };
  const wT = Float64Array.from(result.y, (d: number, j: number) => d + (w0[j] as number));
  return {
    rtol,
    atol,
    wT,
    rT: residual(instance, wT),
    trajectory: {
      ts: dense?.ts ?? Float64Array.of(0),
      weights,
      residual: (t, out) => residual(instance, weights(t), out),
    },
    steps: result.steps,
    rejected: result.rejected,
    rhsEvaluations: result.rhsEvaluations,
    errorEstimate: 0,
  };
}

/**
 * Solve the nonlinear gradient flow (1) dw/dt = (1/alpha) J(w)^T (y* - alpha h(w)) on [0, T] with the adaptive
 * Dormand-Prince 5(4) pair (Dormand & Prince 1980; dense output of Shampine 1986), in the displacement
 * d = w - w0 so that the tolerances apply to what moves. Throws NtkSolveError on a non-finite state or an
 * exhausted step budget, never returns NaN.
 */
export function gradientFlow(instance: Instance, options: GradientFlowOptions = {}): GradientFlowResult {
  validateInstance(instance);
  const rtol = positiveNumber('rtol', options.rtol ?? 1e-8);
  const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 1_000_000, 1, 1e9);
  const R0 = loss(residual(instance, instance.model.w0));
  const scale = Math.sqrt(instance.T * R0) / instance.alpha; // Prop 3.1: ||w(T) - w0|| <= sqrt(T R0) / alpha
  const atol = positiveNumber('atol', options.atol ?? rtol * (scale > 0 ? scale : 1));
  const primary = solveOnce(instance, rtol, atol, maxSteps);
  if (options.estimateError === false || instance.T === 0) return primary;
  const tighter = solveOnce(instance, rtol / 100, atol / 100, maxSteps);
  const diff = primary.rT.map((x, i) => x - (tighter.rT[i] as number));
  // The difference misses what both solves share: the tight solve's own error (at most ~ its tolerance times the
  // scale ||r(0)|| — on over-resolved problems the step count is set by the step-growth limit, not the tolerance, and
  // both solves take nearly the same steps) and rounding (~ eps ||r(0)|| per step on these contracting flows).
  const r0 = Math.sqrt(2 * R0);
  const floor = (rtol / 100 + (primary.steps + tighter.steps + 1) * Number.EPSILON) * r0;
  return { ...primary, errorEstimate: norm2(diff) / (1 - TIGHTER_ERROR_RATIO) + floor, tighter };
}
