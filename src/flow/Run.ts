import { distance, norm2 } from '../linalg/dense.js';
import { gradientFlow, type GradientFlowOptions, type GradientFlowResult } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { linearizedFlow, type LinearizedFlow } from './linearizedFlow.js';
import { loss } from './residual.js';

/** Both flows of one instance, solved once and shared by every statement that needs them. */
export interface Run {
  readonly instance: Instance;
  /** R0 = R(alpha h(w0)) = 1/2 ||r(0)||^2. */
  readonly R0: number;
  readonly linear: LinearizedFlow;
  readonly nonlinear: GradientFlowResult;
  /** rbar(T) = exp(-K0 T) r(0). */
  readonly rbarT: Float64Array;
  /** E(T) = ||alpha h(w(T)) - alpha hbar(wbar(T))|| = ||r(T) - rbar(T)||. */
  readonly E: number;
  /** ||w(T) - w0|| and ||wbar(T) - w0||. */
  readonly weightChange: number;
  readonly linearWeightChange: number;
  /** max ||w(t) - w0|| over the solver mesh and the midpoints of its steps: the ball the trajectory used. */
  readonly trajectoryRadius: number;
  /**
   * Magnitude of the operands of r = y* - alpha h(w): ||y*|| + alpha max(||h(w0)||, ||h(w(T))||). Rounding errs
   * by eps times this, not eps ||r|| — and both solves of a certification pair share that error.
   */
  readonly residualScale: number;
  /**
   * The differences the theory measures, when the run was solved for them (`solveGapRun`): e(t) = r(t) - rbar(t)
   * and delta(t) = w(t) - w0 with errors relative to themselves. Absent on an ordinary solve, where e = r - rbar is a
   * difference of two residuals and carries their error.
   */
  readonly gap?: GapTrajectory;
}

/** e(t) = r(t) - rbar(t) and delta(t) = w(t) - w0 of a run solved in those differences (src/flow/gapFlow.ts). */
export interface GapTrajectory {
  gap(t: number, out?: Float64Array): Float64Array;
  displacement(t: number, out?: Float64Array): Float64Array;
}

/** Solve the nonlinear flow (error-controlled) and the linearized flow (exact) of `instance`. */
export function solveRun(instance: Instance, options: GradientFlowOptions = {}): Run {
  return assembleRun(instance, linearizedFlow(instance), gradientFlow(instance, options));
}

/**
 * The certification pair of docs/theory.md's numerical honesty: the run at the working tolerance and the run built
 * from its 100x tighter re-solve (same exact linear side).
 */
export function solveRunPair(instance: Instance, options: GradientFlowOptions = {}): { primary: Run; tight: Run } {
  const linear = linearizedFlow(instance);
  // the tight run's trajectory is read (assembleRun, the statements' second float method): record it while solving
  const nonlinear = gradientFlow(instance, { ...options, estimateError: true, tighterDense: true });
  const primary = assembleRun(instance, linear, nonlinear);
  const tight = nonlinear.tighter === undefined ? primary : assembleRun(instance, linear, nonlinear.tighter);
  return { primary, tight };
}

/** A run from its two solved flows: the endpoint quantities, the trajectory's radius and the residual's operand scale. */
export function assembleRun(instance: Instance, linear: LinearizedFlow, nonlinear: GradientFlowResult): Run {
  const { T, model } = instance;
  const rbarT = linear.residual(T);
  const w = new Float64Array(model.p);
  let trajectoryRadius = 0;
  const { ts } = nonlinear.trajectory;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as number;
    const mid = i + 1 < ts.length ? 0.5 * (t + (ts[i + 1] as number)) : t;
    for (const s of [t, mid]) trajectoryRadius = Math.max(trajectoryRadius, distance(nonlinear.trajectory.weights(s, w), model.w0));
  }
  return {
    instance,
    R0: loss(linear.r0),
    linear,
    nonlinear,
    rbarT,
    E: distance(nonlinear.rT, rbarT),
    weightChange: distance(nonlinear.wT, model.w0),
    linearWeightChange: linear.weightChange(T),
    trajectoryRadius: Math.max(trajectoryRadius, norm2(nonlinear.wT.map((x, j) => x - (model.w0[j] as number)))),
    residualScale: norm2(instance.yStar) + instance.alpha * Math.max(norm2(model.value(model.w0)), norm2(model.value(nonlinear.wT))),
  };
}
