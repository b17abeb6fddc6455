import type { Instance } from '../flow/Instance.js';
import type { GapTrajectory } from '../flow/Run.js';
import { TIGHTER_ERROR_RATIO } from '../flow/gradientFlow.js';
import { solveGapRun } from '../flow/solveGapRun.js';
import { norm2 } from '../linalg/dense.js';
import { logGrid } from '../plot/chartStyle.js';
import { thm12Bound } from '../statements/defs/thm-1.2.js';
import { FLOAT_COMPANION_RTOL, FLOAT_REFERENCE_RTOL } from '../statements/floatReferenceRun.js';

/** Points of the measured E(t) curve (log-spaced), besides the horizon itself. */
const CURVE_POINTS = 41;
/** The curve spans [T_end 1e-4, T_end]: four decades. */
const CURVE_DECADES = 4;
/** A drawn horizon short of the ball's limit is followed this far beyond it (when the ball allows). */
const BEYOND_HORIZON = 100;
/** A measured E is shown only when it exceeds its measurement uncertainty this many times. */
const RESOLVED_FACTOR = 10;
/** Bisection steps on log T (more than enough for full double precision on any range of doubles). */
const BISECTION_STEPS = 200;

/** One time of the measured curve. */
export interface HorizonPoint {
  readonly t: number;
  /**
   * E(t) = ||r(t) - rbar(t)||, solved as the gap itself (the judge's gap reference: `solveGapRun` at rtol 1e-13),
   * and its uncertainty: the distance to its companion at rtol 1e-11 over 1 - TIGHTER_ERROR_RATIO, plus the rounding
   * of e's right-hand side accumulated up to t.
   */
  readonly E: number;
  readonly uncertainty: number;
  /** E exceeds its uncertainty RESOLVED_FACTOR times (otherwise the value is noise and is not plotted). */
  readonly resolved: boolean;
  /** Thm 1.2's bound min(6 kappa(t) sqrt(R0), sqrt(8 R0)) with the constants of B(w0, sqrt(t R0) / alpha). */
  readonly bound: number;
  /** ||r(t)|| measured, and the kernel-regression prediction ||rbar(t)|| = ||exp(-K0 t) r(0)||. */
  readonly residual: number;
  readonly predicted: number;
}

/** The largest T at which Thm 1.2 guarantees E <= epsilon, and the measured E(t) around it. */
export interface LazyHorizon {
  readonly alpha: number;
  readonly R0: number;
  readonly epsilon: number;
  /** The lazy horizon T*: Thm 1.2's bound is <= epsilon for every T <= T*. */
  readonly T: number;
  /** 'epsilon': the bound reaches epsilon at T*; 'ball': T* is the ball's limit alpha^2 rho^2 / R0 (constants known only there). */
  readonly limitedBy: 'epsilon' | 'ball';
  /** alpha^2 rho^2 / R0: Thm 1.2's time limit on the checked ball. */
  readonly ballLimit: number;
  /** Lip(Dh) on B(w0, sqrt(T* R0) / alpha), and kappa at T*. */
  readonly lipDh: number;
  readonly kappa: number;
  /** The first curve time at which the measured E exceeds epsilon (null: never on the curve). */
  readonly measuredCrossing: number | null;
  readonly curve: readonly HorizonPoint[];
}

/** Thm 1.2's bound at horizon t, with Lip(Dh) on the ball B(w0, sqrt(t R0) / alpha) the time limit asks for. */
function boundAt(instance: Instance, R0: number, t: number): { value: number; kappa: number; lipDh: number } {
  const { model, alpha } = instance;
  const lipDh = model.lipDh(Math.sqrt(t * R0) / alpha);
  const kappa = (t * lipDh * Math.sqrt(R0)) / alpha; // kappa = T Lip(Dh) sqrt(R0) / alpha
  return { value: thm12Bound(kappa, R0).value, kappa, lipDh };
}

/**
 * The lazy horizon of `instance` (its T is ignored): the largest T <= alpha^2 rho^2 / R0 with
 * min(6 kappa(T) sqrt(R0), sqrt(8 R0)) <= epsilon (the bound is non-decreasing in T: bisection on log T), and the
 * measured E(t) against it: the flow solved for its gap e = r - rbar to the end of the curve (`solveGapRun`, with a
 * 100x looser companion), E = ||e(t)|| read from the dense solution at log-spaced times (so a gap far below the
 * residual is resolved), with the kernel-regression prediction of the residual exp(-K0 t) r(0) beside the measured
 * r(t).
 */
export function lazyHorizon(instance: Instance, rho: number, epsilon: number): LazyHorizon {
  const { alpha } = instance;
  const h0 = instance.model.value(instance.model.w0);
  const r0 = norm2(instance.yStar.map((y, i) => y - alpha * (h0[i] as number)));
  const R0 = 0.5 * r0 * r0;
  const ballLimit = (alpha * rho) ** 2 / R0;
  let T = ballLimit;
  let limitedBy: LazyHorizon['limitedBy'] = 'ball';
  if (!(boundAt(instance, R0, ballLimit).value <= epsilon)) {
    limitedBy = 'epsilon';
    let [lo, hi] = [Math.log(ballLimit) - 100, Math.log(ballLimit)];
    if (!(boundAt(instance, R0, Math.exp(lo)).value <= epsilon)) lo = -Infinity;
    for (let k = 0; k < BISECTION_STEPS && Number.isFinite(lo); k++) {
      const mid = 0.5 * (lo + hi);
      if (boundAt(instance, R0, Math.exp(mid)).value <= epsilon) lo = mid;
      else hi = mid;
    }
    T = Math.exp(lo);
  }
  const at = boundAt(instance, R0, T);
  const end = limitedBy === 'ball' || T === 0 ? ballLimit : Math.min(ballLimit, BEYOND_HORIZON * T);
  const grid = logGrid(end * 10 ** -CURVE_DECADES, end, CURVE_POINTS).map((t) => Math.min(t, end)); // 10^log10(end) may round above end
  const times = [...grid, ...(T > 0 && T < end ? [T] : [])].sort((a, b) => a - b);
  const solve = { ...instance, T: end };
  const [gap, companion] = [solveGapRun(solve, { rtol: FLOAT_REFERENCE_RTOL }), solveGapRun(solve, { rtol: FLOAT_COMPANION_RTOL })];
  const lambdaMax = gap.linear.K0eig.values[instance.model.n - 1] as number;
  const [e, ec, rbar] = [new Float64Array(instance.model.n), new Float64Array(instance.model.n), new Float64Array(instance.model.n)];
  const curve = times.map((t): HorizonPoint => {
    gap.linear.residual(t, rbar);
    const E = norm2((gap.gap as GapTrajectory).gap(t, e));
    // Rounding of de/dt = -K0 e - (K_t - K0) r: a few eps ||K|| ||r|| per unit time, ||K|| ~ lambda_max(K0) while lazy.
    const rounding = 64 * Number.EPSILON * (E + t * lambdaMax * r0);
    // The companion's error bounds the solve's: err <= |E - E_companion| / (1 - q) when err <= q err_companion.
    const uncertainty = Math.abs(norm2((companion.gap as GapTrajectory).gap(t, ec)) - E) / (1 - TIGHTER_ERROR_RATIO) + rounding;
    return {
      t,
      E,
      uncertainty,
      resolved: E > RESOLVED_FACTOR * uncertainty,
      bound: boundAt(instance, R0, t).value,
      residual: norm2(gap.nonlinear.trajectory.residual(t)),
      predicted: norm2(rbar),
    };
  });
  const crossing = curve.find((pt) => pt.resolved && pt.E > epsilon);
  return { alpha, R0, epsilon, T, limitedBy, ballLimit, lipDh: at.lipDh, kappa: at.kappa, measuredCrossing: crossing?.t ?? null, curve };
}
