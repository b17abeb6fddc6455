import type { Run } from '../flow/Run.js';
import { gram, matTVec, matVec, norm2 } from '../linalg/dense.js';
import { opNorm } from '../linalg/opNorm.js';

/** The state of both flows at one time t, with derivatives taken from the right-hand side (no differencing). */
export interface TrajectoryPoint {
  readonly t: number;
  /** ||w(t) - w0||. */
  readonly distance: number;
  readonly r: Float64Array;
  readonly rbar: Float64Array;
  /** e = r - rbar (the run's own gap when it was solved for it, `Run.gap`). */
  readonly e: Float64Array;
  /**
   * de/dt = -K0 e - (K_t - K0) r (eq. (13) for both flows), with (K_t - K0) r = (J - J0) J^T r + J0 (J - J0)^T r:
   * no difference of two terms of the size of K r, so a small de/dt keeps its relative accuracy.
   */
  readonly eDot: Float64Array;
  /** dr/dt = -alpha J(w) dw/dt with dw/dt = (1/alpha) J(w)^T r from the model's vjp (the flow's right-hand side). */
  readonly rDot: Float64Array;
  /** K_t r with K_t = J(w(t)) J(w(t))^T formed from the explicit Jacobian. */
  readonly Ktr: Float64Array;
  /** K0 r and K0 rbar. */
  readonly K0r: Float64Array;
  readonly K0rbar: Float64Array;
  /** ||K_t - K0|| (operator norm), ||K_t||, ||K0||. */
  readonly kernelChange: number;
  readonly kernelNorm: number;
  readonly kernel0Norm: number;
  /** ||dw/dt||. */
  readonly speed: number;
}

/** Evaluate both flows of `run` at time t. */
export function trajectoryPoint(run: Run, t: number): TrajectoryPoint {
  const { model, alpha } = run.instance;
  const { n, p } = model;
  const w = run.nonlinear.trajectory.weights(t);
  const r = run.nonlinear.trajectory.residual(t);
  const rbar = run.linear.residual(t);
  const J = model.jacobian(w, new Float64Array(n * p));
  const wDot = model.vjp(w, r, new Float64Array(p)).map((x) => x / alpha);
  const rDot = matVec(J, n, p, wDot).map((x) => -alpha * x);
  const Kt = gram(J, n, p);
  const { K0, J0 } = run.linear;
  const e = run.gap === undefined ? r.map((x, i) => x - (rbar[i] as number)) : run.gap.gap(t);
  const D = J.map((x, k) => x - (J0[k] as number));
  // (K_t - K0) r = D J^T r + J0 D^T r, D = J - J0.
  const fromJ = matVec(D, n, p, matTVec(J, n, p, r));
  const fromJ0 = matVec(J0, n, p, matTVec(D, n, p, r));
  const K0e = matVec(K0, n, n, e);
  return {
    t,
    distance: norm2(run.gap === undefined ? w.map((x, j) => x - (model.w0[j] as number)) : run.gap.displacement(t)),
    r,
    rbar,
    e,
    eDot: K0e.map((x, i) => -x - (fromJ[i] as number) - (fromJ0[i] as number)),
    rDot,
    Ktr: matVec(Kt, n, n, r),
    K0r: matVec(K0, n, n, r),
    K0rbar: matVec(K0, n, n, rbar),
    kernelChange: opNorm(
      Kt.map((x, i) => x - (K0[i] as number)),
      n,
      n,
    ),
    kernelNorm: opNorm(Kt, n, n),
    kernel0Norm: opNorm(K0, n, n),
    speed: norm2(wDot),
  };
}

/**
 * Sample times in (0, T]: t_1 / 10, inside the first step, then at most `count` more, a subsample of the solver mesh and
 * the midpoints of its steps. The time inside the first step probes the limit t -> 0, where several readings are
 * equalities (eq-15, eq-16.weights), whatever the size of the integrator's first step (a start from h ~ 1e-4 used to
 * probe it by itself). Not deeper: at t_1 / 100 and t_1 / 1000 the three float solves of a quadratic model with
 * entries of Q ~ 1.5e4 and T = 1.7e-3 disagreed by more than eq-15's margin (an undecided case in 400 runs).
 */
export function sampleTimes(run: Run, count = 48): number[] {
  const { ts } = run.nonlinear.trajectory;
  const first = ts[1];
  const early = first === undefined ? [] : [first / 10];
  const all: number[] = [];
  for (let i = 1; i < ts.length; i++) all.push(0.5 * ((ts[i - 1] as number) + (ts[i] as number)), ts[i] as number);
  if (all.length <= count) return [...early, ...all];
  const stride = all.length / count;
  return [...early, ...Array.from({ length: count }, (_, k) => all[Math.min(all.length - 1, Math.floor((k + 1) * stride) - 1)] as number)];
}

/** <x, y>. */
export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) * (y[i] as number);
  return s;
}
