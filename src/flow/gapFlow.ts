import { integrateAdaptive } from '../integrators/integrateAdaptive.js';
import { tableaus } from '../integrators/tableaus/index.js';
import { matTVec, matVec, norm2 } from '../linalg/dense.js';
import { integerInRange, positiveNumber } from '../validate/validators.js';
import type { Instance } from './Instance.js';
import type { LinearizedFlow } from './linearizedFlow.js';

/**
 * Absolute tolerance on the gap e, per unit of rtol ||r(0)||: 1/100. The pair of solves whose distance is the error
 * estimate (rtol and 100 rtol) thus keeps its tolerances 100x apart on e as well. The gap's accuracy where it is
 * far smaller than that comes from the formulation, not from this tolerance: e's forcing (K_t - K0) r and with it
 * e's local truncation error are of the size of e itself, and the steps are set by the relative control of delta.
 */
export const GAP_ATOL_PER_RTOL = 0.01;

/**
 * Floor of the absolute tolerance on e, per unit of ||r(0)||: 10 ulp. Below it the gap's right-hand side is
 * rounding: (K_t - K0) r is formed from J(w) - J0, a difference of two Jacobians that each carry an error of about
 * eps ||J||, and an explicit step is at most ~6 / ||K_t|| long (DOP853's stability interval), so the error estimate
 * of a step carries rounding of a few eps ||r||. A tolerance below that would reject steps for noise.
 */
export const GAP_ROUNDING_FLOOR = 10 * Number.EPSILON;

/** Options of {@link gapFlow}. */
export interface GapFlowOptions {
  /** Relative tolerance of DOP853 on both blocks of the state (w - w0 and r - rbar). */
  readonly rtol: number;
  /** Step budget (accepted and rejected steps). Default 1e6. */
  readonly maxSteps?: number;
}

/** The nonlinear flow solved in its differences from the start and from the linearized flow. */
export interface GapFlow {
  readonly rtol: number;
  /** Mesh 0 = t_0 < ... < t_N = T of the accepted steps. */
  readonly ts: Float64Array;
  /** delta(t) = w(t) - w0 (dense output), into `out`. */
  displacement(t: number, out?: Float64Array): Float64Array;
  /** e(t) = r(t) - rbar(t) (dense output), into `out`. */
  gap(t: number, out?: Float64Array): Float64Array;
  readonly steps: number;
  readonly rejected: number;
  readonly rhsEvaluations: number;
}

/**
 * Gradient flow (1) solved for what the theory measures, the displacement delta = w - w0 and the gap
 * e = r - rbar = alpha hbar(wbar) - alpha h(w), instead of w and r: with rbar(t) = exp(-K0 t) r(0) exact (the
 * linearized flow's eigendecomposition), eq. (13) gives the closed system
 *
 *   d delta/dt = (1/alpha) J(w0 + delta)^T r,   de/dt = -K0 e - (K_t - K0) r,   r = rbar(t) + e,
 *
 * with (K_t - K0) r = (J - J0) J^T r + J0 (J - J0)^T r formed from D = J(w) - J0, never as a difference of two
 * products of the size of K r. Solved by DOP853 at `rtol` (absolute tolerances rtol sqrt(T R0) / alpha on delta,
 * Prop 3.1's scale, and max(GAP_ATOL_PER_RTOL rtol, GAP_ROUNDING_FLOOR) ||r(0)|| on e). A gap of 1e-12 ||r|| gets
 * an absolute error far below 1e-12 ||r|| (measured: 3e-8 relative at e = 1.7e-15 r), where r - rbar formed from two
 * separately solved residuals carries rtol ||r|| (and a double-precision difference eps ||r||) whatever e is. It uses the model's
 * Jacobian alone: r(t) = y* - alpha h(w(t)) holds because J = Dh (for a user's model, the Jacobian check
 * establishes that first). Throws NtkSolveError on a non-finite state or an exhausted step budget.
 */
export function gapFlow(instance: Instance, linear: LinearizedFlow, options: GapFlowOptions): GapFlow {
  const { model, alpha, T } = instance;
  const { n, p, w0 } = model;
  const rtol = positiveNumber('rtol', options.rtol);
  const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 1_000_000, 1, 1e9);
  const { J0, K0, r0 } = linear;
  const r0Norm = norm2(r0);
  const R0 = 0.5 * r0Norm * r0Norm;
  const displacementScale = Math.sqrt(T * R0) / alpha; // Prop 3.1: ||w(T) - w0|| <= sqrt(T R0) / alpha
  const atol = new Float64Array(p + n);
  atol.fill(rtol * (displacementScale > 0 ? displacementScale : 1), 0, p);
  atol.fill(Math.max(GAP_ATOL_PER_RTOL * rtol, GAP_ROUNDING_FLOOR) * (r0Norm > 0 ? r0Norm : 1), p);

  const w = new Float64Array(p);
  const J = new Float64Array(n * p);
  const D = new Float64Array(n * p);
  const r = new Float64Array(n);
  const g = new Float64Array(p);
  const Dtr = new Float64Array(p);
  const nK = new Float64Array(n);
  const tmp = new Float64Array(n);
  const rhs = (t: number, y: Float64Array, dy: Float64Array): void => {
    for (let j = 0; j < p; j++) w[j] = (w0[j] as number) + (y[j] as number);
    model.jacobian(w, J);
    linear.residual(t, r);
    for (let i = 0; i < n; i++) r[i] = (r[i] as number) + (y[p + i] as number);
    matTVec(J, n, p, r, g); // J^T r
    for (let j = 0; j < p; j++) dy[j] = (g[j] as number) / alpha;
    for (let k = 0; k < n * p; k++) D[k] = (J[k] as number) - (J0[k] as number);
    matVec(D, n, p, g, nK); // (J - J0) J^T r
    matTVec(D, n, p, r, Dtr);
    matVec(J0, n, p, Dtr, tmp); // J0 (J - J0)^T r
    for (let i = 0; i < n; i++) nK[i] = (nK[i] as number) + (tmp[i] as number);
    matVec(K0, n, n, y.subarray(p), tmp); // K0 e
    for (let i = 0; i < n; i++) dy[p + i] = -(tmp[i] as number) - (nK[i] as number);
  };
  const solved = integrateAdaptive(tableaus.dop853, rhs, 0, new Float64Array(p + n), T, { rtol, atol, maxSteps, dense: true });
  const dense = solved.dense;
  const state = new Float64Array(p + n);
  const at = (t: number): Float64Array => (dense === undefined ? state.fill(0) : dense.evaluate(t, state));
  return {
    rtol,
    ts: dense?.ts ?? Float64Array.of(0),
    displacement: (t, out = new Float64Array(p)) => {
      out.set(at(t).subarray(0, p));
      return out;
    },
    gap: (t, out = new Float64Array(n)) => {
      out.set(at(t).subarray(p));
      return out;
    },
    steps: solved.steps,
    rejected: solved.rejected,
    rhsEvaluations: solved.rhsEvaluations,
  };
}
