import type { DenseOutput } from '../integrators/DenseOutput.js';
import { type ExponentialMethodName, exponentialMethods } from '../integrators/exponentialMethods/index.js';
import { integrateAdaptive } from '../integrators/integrateAdaptive.js';
import { type ExponentialProblem, integrateExponential } from '../integrators/integrateExponential.js';
import { PiecewiseDense } from '../integrators/PiecewiseDense.js';
import { tableaus } from '../integrators/tableaus/index.js';
import { DEFAULT_BACKEND, type KernelBackend } from '../kernels/kernelBackend.js';
import { norm2 } from '../linalg/dense.js';
import { addInto, sumInto } from '../linalg/elementwise.js';
import { integerInRange, oneOf, positiveNumber } from '../validate/validators.js';
import { flowKernel, type FlowKernel } from './flowRhs.js';
import { flowStiffness } from './flowStiffness.js';
import type { Instance } from './Instance.js';
import { loss, residual } from './residual.js';
import { modelAtW0 } from './modelAtW0.js';
import { validateInstance } from './validateInstance.js';

/**
 * Assumed bound q on err(rtol/100) / err(rtol). If err_tight <= q err_primary, then
 * err_primary <= ||r_primary - r_tight|| + err_tight gives err_primary <= ||r_primary - r_tight|| / (1 - q).
 * For a 5th-order method the asymptotic ratio is 100^(-5/6) ~ 0.02, but short solves of a few steps are far from
 * asymptotic (a ratio of 0.1 was observed at T = 0.05): q = 1/2 only assumes the tight solve is twice as accurate.
 */
export const TIGHTER_ERROR_RATIO = 0.5;

/** The integrators of {@link gradientFlow}: 'explicit' (dopri5 / DOP853), 'exponential' (zb43 / exprk5s8 on the kernel), or chosen. */
export type FlowMethod = 'auto' | 'explicit' | 'exponential';

const FLOW_METHODS: readonly FlowMethod[] = ['auto', 'explicit', 'exponential'];
const KERNEL_BACKENDS: readonly KernelBackend[] = ['wasm', 'js'];

/**
 * 'auto' takes the exponential path when T lambda_max(K0) reaches this: an explicit method then needs at least
 * about T lambda_max / 3.3 steps once the residual has relaxed (dopri5's stability interval), and the
 * exponential path does not (its cost grows like log T).
 */
export const STIFF_HORIZON = 100;

/**
 * The explicit integrators of {@link gradientFlow}: Dormand-Prince 5(4), Verner's 6(5) pair, Dormand-Prince 8(5,3), or
 * chosen by rtol.
 */
export type ExplicitTableau = 'auto' | 'dopri5' | 'vern6' | 'dop853';

/** The explicit tableau a solve ran with ({@link ExplicitTableau} once 'auto' has chosen). */
export type ExplicitTableauName = Exclude<ExplicitTableau, 'auto'>;

const EXPLICIT_TABLEAUS: readonly ExplicitTableau[] = ['auto', 'dopri5', 'vern6', 'dop853'];

/**
 * 'auto' takes DOP853 on the explicit path when rtol is at most this. Measured on the bench's instances (quadratic
 * (a) and mean-field m = 256, 4096): at rtol 1e-11 and 1e-12 DOP853 reaches a smaller final-state error with 25-40%
 * fewer evaluations than dopri5; at 1e-10 and above it does not pay, with the 3 extra evaluations per step of its
 * dense output (gradientFlow always records one) and an error that is not monotone in rtol (its damped err5/err3
 * norm can under-estimate: at m = 4096, rtol 1e-8 gave a larger error than 1e-7, as in scipy's DOP853).
 */
export const DOP853_MAX_RTOL = 3e-11;

/**
 * DOP853_MAX_RTOL for a solve without dense output (`dense: false`): without the 3 extra evaluations per step DOP853
 * pays from rtol 3.16e-11 on. Measured on the mean-field nets m = 256 and 1024 (T = 100, final-state error against a
 * DOP853 reference at 1e-13): at rtol 3.16e-11, 242 and 218 evaluations against dopri5's 278 and 230, at a 4x and
 * equal error; at 1e-10 and 3.16e-10 the two tie (182-230 against 164-236 evaluations, errors within 2x).
 */
export const DOP853_MAX_RTOL_UNRECORDED = 5e-11;

/**
 * 'auto' takes Verner's 6(5) pair `vern6` on the explicit path, for a solve without dense output (`dense: false`),
 * when DOP853_MAX_RTOL_UNRECORDED < rtol <= this; dopri5 above. Measured on the bench's mean-field nets (seed 2,
 * d = n = 8, T = 100, the displacement from 0 with the kernel right-hand side, atol = rtol sqrt(T/2)/sqrt(m); first
 * step from Hairer's heuristic with the solution's a-priori scale; final-state error against DOP853 at rtol 1e-13;
 * rtol 1e-3 .. 1e-12 in half decades; docs/performance.md, "Round 7"). Fewest evaluations whose error is at most the
 * target, dopri5 -> vern6:
 *
 * | target | sigmoid 256 | sigmoid 1024 | sigmoid 4096 | tanh 256 | tanh 1024 | tanh 4096 |
 * | ------ | ----------- | ------------ | ------------ | -------- | --------- | --------- |
 * | 1e-6   | 92 -> 82    | 92 -> 82     | 86 -> 82     | 116 -> 90 | 104 -> 66 | 110 -> 74 |
 *
 * (vern6 from rtol 1e-8 .. 1e-6; one evaluation costs the same on both, 54-57 us at m = 1024). Interpolated along the
 * work-precision curves vern6 needs 0.5-0.85x dopri5's evaluations at errors 1e-7 .. 1e-10 on all six, 0.84-1.07x at
 * 1e-6, and 0.76-1.11x at 1e-4 .. 1e-5, where the two tie within the counts' step-to-step noise: so vern6 up to 1e-6.
 * With dense output dopri5 stays: vern6's 6th-order interpolant costs 3 more evaluations per step (about 30 on these
 * 10-step solves). Its float64 coefficients (|b_7|, |b_8| ~ 175, which cancel) leave a relative error floor of about
 * 1e-13 per unit time, far below what rtol > DOP853_MAX_RTOL_UNRECORDED asks.
 */
export const VERN6_MAX_RTOL = 1e-6;

/**
 * Hairer's stiffness test (`integrateAdaptive` option `stiffness.limit`) per tableau: the step controller settles
 * at h rho ~ 2-3.3 for dopri5 (stability interval [-3.3, 0]), ~ 2.6-4.5 for vern6 ([-4.86, 0]: |R(x)| <= 1 of its
 * stability polynomial R(z) = 1 + sum_k b^T A^(k-1) 1 z^k for x in [-4.855, 0]) and ~ 4.7-6.4 for DOP853 ([-6.4, 0])
 * on stiff problems (y' = -lambda (y - cos t), lambda up to 2000, rtol 1e-4 .. 1e-8: medians of h lambda 3.2, 3.5,
 * 6.4 at 1e-4 and 2.1, 2.65, 5.5 at 1e-8). vern6's limit is 2/3 of its interval, as DOP853's (dopri5's is 3/4).
 */
const STIFFNESS_LIMIT: Readonly<Record<ExplicitTableauName, number>> = { dopri5: 2.5, vern6: 3.25, dop853: 4 };

/**
 * 'auto' takes the exponential path from this T lambda_max(K0) on when rtol <= DOP853_MAX_RTOL: the explicit path is
 * then DOP853, whose stability interval [-6.4, 0] is twice dopri5's, and at such tolerances its accuracy-limited
 * steps outnumber the T lambda_max / 6.4 that stability asks for up to about this horizon (quadratic (a) of the bench,
 * T lambda_max = 168, rtol 1e-12: 908 evaluations explicit against 1,537 on the exponential 4(3) pair). Hairer's
 * stiffness test still hands over to the exponential path if the steps become stability-limited.
 */
export const STIFF_HORIZON_TIGHT = 1000;

/**
 * STIFF_HORIZON_TIGHT when the exponential pair is exprk5s8: 'auto' takes the exponential path from this T
 * lambda_max(K0) on when rtol <= DOP853_MAX_RTOL (where the explicit path is DOP853). Measured on the quadratic of
 * bench (a) with G rescaled to T lambda_max = 50, 100, 120, 140, 157 (T = 100; final-state error against DOP853 at
 * rtol 1e-14; CPU at load 10-12): up to 120 DOP853 settles below 1e-12 (from rtol 3.16e-13 / 1e-13) at 1.1-2.2 ms
 * against 3.6-4.8 ms for exprk5s8 (626-890 evaluations); from 140 on DOP853's final-state error levels off at 4e-12 -
 * 7e-11 down to rtol 1e-13 (steps at the edge of its stability interval), while exprk5s8 reaches 1e-12 from rtol
 * 3.16e-13 (626-658 evaluations).
 */
export const STIFF_HORIZON_TIGHT_EXPRK5S8 = 130;

/** The exponential path's pairs: `zb43` (4(3), 5 evaluations per step), `exprk5s8` (5(4), 8 per step), or chosen by rtol. */
export type FlowExponentialMethod = 'auto' | ExponentialMethodName;

const EXPONENTIAL_METHODS: readonly FlowExponentialMethod[] = ['auto', 'zb43', 'exprk5s8'];

/**
 * 'auto' takes the 5th-order pair exprk5s8 on the exponential path when rtol is at most this and no dense output is
 * recorded (`dense: false`); zb43 otherwise. Measured on
 * quadratic (a) of the bench (T lambda_max = 158; final-state error against DOP853 at rtol 1e-14; CPU at load 10-12):
 * to reach 1e-12 from every tighter rtol on, exprk5s8 needs 626 evaluations (3.4 ms) against zb43's 1,392 (8.0 ms);
 * at 1e-9 and 1e-6 the two are within 10% (210 against 242 evaluations, 90 against 67-82), inside the timing noise.
 * With dense output zb43 stays at every rtol: exprk5s8's dense output (the quadratic interpolant of g through its
 * stages at c = 0, 1/2, 1, over steps about twice as long) is less accurate between mesh points — 3.6e-11 against
 * zb43's 1.7e-12 at rtol 1e-12, 3.6e-9 against 1.9e-10 at 1e-10 (gradientFlow.exponentialMethod.test.ts) — and the
 * statements read the trajectory (their working, tight and second-method solves keep zb43). At least
 * DOP853_MAX_RTOL_UNRECORDED, so that without dense output a tight rtol, where the explicit path is DOP853, meets
 * the 5th-order pair and STIFF_HORIZON_TIGHT_EXPRK5S8.
 */
export const EXPRK5S8_MAX_RTOL = 5e-11;

/** Options of {@link gradientFlow}. */
export interface GradientFlowOptions {
  /** Relative tolerance of the adaptive solver. Default {@link DEFAULT_FLOW_RTOL}. */
  readonly rtol?: number;
  /** Absolute tolerance on the displacement w - w0. Default rtol * sqrt(T R0) / alpha (Prop 3.1's scale). */
  readonly atol?: number;
  /** Step budget. Default 1e6. */
  readonly maxSteps?: number;
  /** Estimate the global error by a second solve at rtol / 100 (default true). */
  readonly estimateError?: boolean;
  /**
   * Integrator. Default 'auto': 'exponential' when T lambda_max(K0) >= STIFF_HORIZON (STIFF_HORIZON_TIGHT when rtol <=
   * DOP853_MAX_RTOL and the explicit tableau is DOP853); otherwise 'explicit' with
   * Hairer's stiffness detection, handing the rest of [0, T] to the exponential path if the explicit steps become
   * stability-limited (the kernel K_t can grow far above K0 along the flow). 'explicit' and 'exponential' force one
   * integrator for the whole interval.
   */
  readonly method?: FlowMethod;
  /**
   * Where the fused right-hand sides run: 'wasm' (WebAssembly SIMD) or 'js' (their TypeScript twins, bitwise the
   * same results). Default: the backend selected when the kernels loaded (src/kernels/kernelBackend.ts).
   */
  readonly kernel?: KernelBackend;
  /**
   * The explicit path's tableau: default 'auto', DOP853 when rtol <= DOP853_MAX_RTOL (DOP853_MAX_RTOL_UNRECORDED with
   * `dense: false`), with `dense: false` vern6 when rtol <= VERN6_MAX_RTOL, dopri5 otherwise.
   */
  readonly tableau?: ExplicitTableau;
  /**
   * Record the dense output while solving (default true). false skips it (what scipy's `solve_ivp` does without
   * `dense_output`): the solve then costs only its steps, and the result's `trajectory` is built on first use by
   * the same solve with recording on — the same steps and states (recording never changes them), paid again once.
   * 'auto' then takes DOP853 up to DOP853_MAX_RTOL_UNRECORDED and vern6 up to VERN6_MAX_RTOL (their dense outputs,
   * with extra stages, are what made them dear).
   */
  readonly dense?: boolean;
  /**
   * Record the dense output of the certifying re-solve (`tighter`) while solving (default false). Its error estimate
   * needs only r_tight(T); `tighter.trajectory` is then built on first use by the same solve with recording on (the
   * same steps and states), so pass true only when that trajectory will be read (`solveRunPair`'s tight run).
   */
  readonly tighterDense?: boolean;
  /**
   * The exponential path's pair: default 'auto', exprk5s8 when rtol <= EXPRK5S8_MAX_RTOL without dense output
   * (`dense: false`), zb43 otherwise (the certifying re-solve at rtol / 100 keeps the primary's pair, as it keeps its
   * tableau).
   */
  readonly exponentialMethod?: FlowExponentialMethod;
}

/** Dense solution of the nonlinear flow on [0, T]. */
export interface Trajectory {
  /**
   * Mesh 0 = t_0 < ... < t_N = T: the accepted steps, and on the exponential path also interior points of steps
   * over which a fast mode of the kernel was still relaxing, so that a quadrature rule per interval (3-point
   * Gauss) sees a resolved integrand.
   */
  readonly ts: Float64Array;
  /** w(t), t in [0, T] (continuous extension of the method). */
  weights(t: number, out?: Float64Array): Float64Array;
  /** r(t) = y* - alpha h(w(t)). */
  residual(t: number, out?: Float64Array): Float64Array;
}

/** Result of {@link gradientFlow}. */
export interface GradientFlowResult {
  readonly rtol: number;
  readonly atol: number;
  /** w(T). */
  readonly wT: Float64Array;
  /**
   * r(T) = y* - alpha h(w(T)), the model's value at `wT`, computed on first read (and kept): a solve read for w(T) alone,
   * as scipy's `solve_ivp` returns y(T) alone, does not pay for the model evaluation.
   */
  readonly rT: Float64Array;
  readonly trajectory: Trajectory;
  readonly steps: number;
  readonly rejected: number;
  /** Right-hand-side evaluations of this solve (the tighter re-solve not included). */
  readonly rhsEvaluations: number;
  /**
   * ||r(T) - r_tight(T)|| / (1 - TIGHTER_ERROR_RATIO) + floor: the estimated global error of r(T), an upper bound of it
   * if the tight re-solve errs by at most TIGHTER_ERROR_RATIO times as much (docs/performance.md, "What `errorEstimate`
   * guarantees"); 0 when not estimated or T = 0.
   */
  readonly errorEstimate: number;
  /**
   * The re-solve at rtol / 100 that produced the estimate, when one was made (its trajectory is built on first use
   * unless `tighterDense` recorded it).
   */
  readonly tighter?: GradientFlowResult;
  /** The integrator used: 'explicit', 'exponential', or 'switched' (explicit up to `switchedAt`, then exponential). */
  readonly method: 'explicit' | 'exponential' | 'switched';
  /** When the explicit path handed over to the exponential one ('switched' only). */
  readonly switchedAt?: number;
  /** Jacobian evaluations (linearizations of the exponential path; 0 on the explicit path). */
  readonly linearizations: number;
  /** Where the right-hand side ran ('js' also for models without a fused kernel). */
  readonly kernel: KernelBackend;
  /** The explicit path's tableau (also recorded when the exponential path ran alone: the one it would have used). */
  readonly tableau: ExplicitTableauName;
  /**
   * The exponential path's pair. `gradientFlow` always records it (when the explicit path ran alone: the one it would
   * have used); absent in runs assembled from other solvers (the gap flow of `solveGapRun`, explicit only).
   */
  readonly exponentialMethod?: ExponentialMethodName;
}

/** What one integration of the displacement d on [0, T] produced. */
interface Integration {
  readonly y: Float64Array;
  readonly steps: number;
  readonly rejected: number;
  readonly rhsEvaluations: number;
  readonly linearizations: number;
  readonly dense?: DenseOutput;
  readonly method: GradientFlowResult['method'];
  readonly switchedAt?: number;
}

/**
 * The exponential path's `relinearizeAt`: re-linearize once h Lip(g) exceeds 0.1 (integrateExponential's default 0.5
 * is a stability margin). The drift rule compares states w = w0 + d, not displacements (`origin`), so on lazy nets
 * it no longer fires at every step while d grows from 0 (mean-field m = 1024: 10 linearizations in 11 steps, now 1,
 * with the same evaluations and final-state error); this tighter remainder test takes over where the flow is
 * nonlinear (quadratic, alpha = 1, kappa ~ 1: at 0.5 the energy identity along the dense output held 6x worse than on
 * the explicit path, at 0.1 as well as there; src/flow/exponentialPath.test.ts).
 */
const RELINEARIZE_AT = 0.1;

/**
 * The flow as an exponential problem: linear part -J(w0 + d)^T J(w0 + d) at the linearization point (by the kernel's
 * structured products where it has them, else the dense Jacobian); states w = w0 + d.
 */
const exponentialProblem = (kernel: FlowKernel, w0: Float64Array): ExponentialProblem => ({
  f: kernel.rhs,
  rows: kernel.n,
  linearize: (_t, d) => kernel.linearPart?.(d) ?? kernel.jacobian(d),
  origin: w0,
});

/** What fixes one solve of {@link integrate} (the same settings give the same steps, with or without dense output). */
interface SolveSettings {
  readonly method: 'explicit' | 'exponential';
  readonly tableau: ExplicitTableauName;
  readonly exponentialMethod: ExponentialMethodName;
  readonly switchable: boolean;
  readonly rtol: number;
  readonly atol: number;
  readonly maxSteps: number;
  /** Prop 3.1's bound sqrt(T R0) / alpha on ||d(t)||: the size the starting step measures the zero d(0) by (0: none). */
  readonly scale: number;
}

function integrate(kernel: FlowKernel, w0: Float64Array, T: number, settings: SolveSettings, dense: boolean): Integration {
  const { method, tableau, switchable, rtol, atol, maxSteps, scale } = settings;
  const pair = exponentialMethods[settings.exponentialMethod];
  const y0 = new Float64Array(kernel.p);
  const problem = exponentialProblem(kernel, w0);
  // the starting step measures d(0) = 0 by the displacement's a-priori size (Hairer's rule would start at 1e-4)
  const start = scale > 0 ? { scale } : {};
  const shared = { relinearizeAt: RELINEARIZE_AT, ...start, ...(kernel.gram ? { gram: kernel.gram } : {}), ...(kernel.arena ? { arena: kernel.arena } : {}) };
  if (method === 'exponential') {
    return { ...integrateExponential(pair, problem, 0, y0, T, { rtol, atol, maxSteps, dense, ...shared }), method };
  }
  const explicit = integrateAdaptive(tableaus[tableau], kernel.rhs, 0, y0, T, {
    rtol,
    atol,
    maxSteps,
    dense,
    ...start,
    ...(kernel.arena ? { arena: kernel.arena } : {}),
    ...(switchable ? { stiffness: { limit: STIFFNESS_LIMIT[tableau] } } : {}),
  });
  if (explicit.stoppedStiff !== true) return { ...explicit, linearizations: 0, method };
  const rest = integrateExponential(pair, problem, explicit.t1, explicit.y, T, {
    rtol,
    atol,
    maxSteps: Math.max(1, maxSteps - explicit.steps - explicit.rejected),
    dense,
    ...shared,
  });
  return {
    y: rest.y,
    steps: explicit.steps + rest.steps,
    rejected: explicit.rejected + rest.rejected,
    rhsEvaluations: explicit.rhsEvaluations + rest.rhsEvaluations,
    linearizations: rest.linearizations,
    ...(dense ? { dense: new PiecewiseDense([explicit.dense as DenseOutput, rest.dense as DenseOutput]) } : {}),
    method: 'switched',
    switchedAt: explicit.t1,
  };
}

function solveOnce(instance: Instance, kernel: FlowKernel, settings: SolveSettings, recordDense: boolean): GradientFlowResult {
  const { T, model } = instance;
  const { p, w0 } = model;
  const { rtol, atol, tableau, exponentialMethod } = settings;
  const result = integrate(kernel, w0, T, settings, recordDense);
  // not recorded: the same solve again with recording on, on first use (a kernel of its own: one per solve)
  let dense: DenseOutput | undefined = result.dense;
  const denseOutput = (): DenseOutput => (dense ??= integrate(flowKernel(instance, kernel.backend), w0, T, settings, true).dense as DenseOutput);
  const weights = (t: number, out: Float64Array = new Float64Array(p)): Float64Array => {
    // w(t) = w0 + d(t): the solve is in the displacement d (one point, d = 0, when T = 0)
    return addInto(denseOutput().evaluate(t, out), w0, p);
  };
  const wT = sumInto(new Float64Array(p), result.y, w0); // d(T) + w0 (a loop: Float64Array.from with a map callback is far slower at p ~ 10^4)
  let rT: Float64Array | undefined;
  return {
    rtol,
    atol,
    wT,
    get rT() {
      // on first read: h(w(T)) is one model evaluation (~5% of a solve at m = 1024), which a caller of w(T) alone skips
      rT ??= residual(instance, wT);
      return rT;
    },
    trajectory: {
      get ts() {
        return denseOutput().ts;
      },
      weights,
      residual: (t, out) => residual(instance, weights(t), out),
    },
    steps: result.steps,
    rejected: result.rejected,
    rhsEvaluations: result.rhsEvaluations,
    errorEstimate: 0,
    method: result.method,
    ...(result.switchedAt === undefined ? {} : { switchedAt: result.switchedAt }),
    linearizations: result.linearizations,
    kernel: kernel.backend,
    tableau,
    exponentialMethod,
  };
}

/** 'auto''s explicit tableau: DOP853 from dop853MaxRtol down, vern6 up to VERN6_MAX_RTOL without dense output, else dopri5. */
function autoTableau(rtol: number, dop853MaxRtol: number, recordDense: boolean): ExplicitTableauName {
  if (rtol <= dop853MaxRtol) return 'dop853';
  return !recordDense && rtol <= VERN6_MAX_RTOL ? 'vern6' : 'dopri5';
}

/** The adaptive solver's relative tolerance when none is given: the working tolerance of the flow statements. */
export const DEFAULT_FLOW_RTOL = 1e-8;

/**
 * Solve the nonlinear gradient flow (1) dw/dt = (1/alpha) J(w)^T (y* - alpha h(w)) on [0, T], in the displacement
 * d = w - w0 so that the tolerances apply to what moves, with one of two error-controlled integrators:
 * - 'explicit': the adaptive Dormand-Prince 5(4) pair (Dormand & Prince 1980; dense output of Shampine 1986), or at
 *   rtol <= DOP853_MAX_RTOL the 8(5,3) pair DOP853 (Hairer's code, 7th-order dense output), or without dense output
 *   at rtol <= VERN6_MAX_RTOL Verner's 6(5) pair (Verner 2010, 6th-order dense output) — option `tableau`;
 * - 'exponential': the exponential 4(3) pair `zb43`, or without dense output at rtol <= EXPRK5S8_MAX_RTOL the 5(4)
 *   pair `exprk5s8` (option `exponentialMethod`), with linear part -J(w)^T J(w) (the Gauss-Newton part of the
 *   Jacobian of the flow, whose spectrum is that of the kernel K_t = J J^T), re-linearized as the flow moves
 *   (`integrateExponential`). Its step size is not limited by lambda_max(K_t), so once the residual has relaxed
 *   the cost grows like log T instead of T lambda_max.
 * 'auto' (default) picks 'exponential' when T lambda_max(K0) >= STIFF_HORIZON (STIFF_HORIZON_TIGHT with DOP853 at
 * rtol <= DOP853_MAX_RTOL, STIFF_HORIZON_TIGHT_EXPRK5S8 when the pair is then exprk5s8; see `flowStiffness`), and otherwise
 * starts explicit and switches to 'exponential' if Hairer's stiffness test fires (result `method: 'switched'`).
 * The right-hand side is fused for quadratic models (`flowKernel`). Throws NtkSolveError on a non-finite state or
 * an exhausted step budget, never returns NaN.
 */
export function gradientFlow(instance: Instance, options: GradientFlowOptions = {}): GradientFlowResult {
  validateInstance(instance);
  const rtol = positiveNumber('rtol', options.rtol ?? DEFAULT_FLOW_RTOL);
  const maxSteps = integerInRange('maxSteps', options.maxSteps ?? 1_000_000, 1, 1e9);
  const requested = oneOf('method', options.method ?? 'auto', FLOW_METHODS);
  const { h0 } = modelAtW0(instance.model); // memoized per model, as validateInstance left it
  const R0 = loss(h0.map((h, k) => (instance.yStar[k] as number) - instance.alpha * h)); // r(0) = y* - alpha h(w0)
  const scale = Math.sqrt(instance.T * R0) / instance.alpha; // Prop 3.1: ||w(T) - w0|| <= sqrt(T R0) / alpha
  const atol = positiveNumber('atol', options.atol ?? rtol * (scale > 0 ? scale : 1));
  const backend = oneOf('kernel', options.kernel ?? DEFAULT_BACKEND, KERNEL_BACKENDS);
  const kernel = flowKernel(instance, backend);
  const recordDense = options.dense ?? true;
  const dop853MaxRtol = recordDense ? DOP853_MAX_RTOL : DOP853_MAX_RTOL_UNRECORDED;
  const requestedTableau = oneOf('tableau', options.tableau ?? 'auto', EXPLICIT_TABLEAUS);
  const tableau = requestedTableau === 'auto' ? autoTableau(rtol, dop853MaxRtol, recordDense) : requestedTableau;
  const requestedPair = oneOf('exponentialMethod', options.exponentialMethod ?? 'auto', EXPONENTIAL_METHODS);
  const exponentialMethod = requestedPair === 'auto' ? (!recordDense && rtol <= EXPRK5S8_MAX_RTOL ? 'exprk5s8' : 'zb43') : requestedPair;
  const tightHorizon = exponentialMethod === 'exprk5s8' ? STIFF_HORIZON_TIGHT_EXPRK5S8 : STIFF_HORIZON_TIGHT;
  const horizon = tableau === 'dop853' && rtol <= dop853MaxRtol ? tightHorizon : STIFF_HORIZON;
  const method = requested === 'auto' ? (flowStiffness(instance) >= horizon ? 'exponential' : 'explicit') : requested;
  const switchable = requested === 'auto';
  const primary = solveOnce(instance, kernel, { method, tableau, exponentialMethod, switchable, rtol, atol, maxSteps, scale }, recordDense);
  if (options.estimateError === false || instance.T === 0) return primary;
  const tighter = solveOnce(
    instance,
    flowKernel(instance, backend),
    { method, tableau, exponentialMethod, switchable, rtol: rtol / 100, atol: atol / 100, maxSteps, scale },
    options.tighterDense ?? false,
  );
  const diff = primary.rT.map((x, i) => x - (tighter.rT[i] as number));
  // The difference misses what both solves share: the tight solve's own error (at most ~ its tolerance times the
  // scale ||r(0)|| — on over-resolved problems the step count is set by the step-growth limit, not the tolerance, and
  // both solves take nearly the same steps) and rounding (~ eps ||r(0)|| per step on these contracting flows).
  const r0 = Math.sqrt(2 * R0);
  const floor = (rtol / 100 + (primary.steps + tighter.steps + 1) * Number.EPSILON) * r0;
  return { ...primary, errorEstimate: norm2(diff) / (1 - TIGHTER_ERROR_RATIO) + floor, tighter };
}
