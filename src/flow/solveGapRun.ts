import { norm2 } from '../linalg/dense.js';
import { gapFlow, type GapFlowOptions } from './gapFlow.js';
import type { Instance } from './Instance.js';
import { linearizedFlow } from './linearizedFlow.js';
import { assembleRun, type Run } from './Run.js';

/**
 * The run of `instance` solved in its differences ({@link gapFlow}: delta = w - w0 and e = r - rbar by DOP853 at
 * `options.rtol`): w(t) = w0 + delta(t), r(t) = rbar(t) + e(t), and `gap` set, so that E(T) = ||e(T)||,
 * ||w(T) - w0|| = ||delta(T)|| and every pointwise statement (`trajectoryPoint`) read the differences themselves,
 * with errors relative to them. Throws NtkSolveError when the solve fails.
 */
export function solveGapRun(instance: Instance, options: GapFlowOptions): Run {
  const { model, T } = instance;
  const { n, p, w0 } = model;
  const linear = linearizedFlow(instance);
  const flow = gapFlow(instance, linear, options);
  const weights = (t: number, out: Float64Array = new Float64Array(p)): Float64Array => {
    flow.displacement(t, out);
    for (let j = 0; j < p; j++) out[j] = (out[j] as number) + (w0[j] as number);
    return out;
  };
  const residual = (t: number, out: Float64Array = new Float64Array(n)): Float64Array => {
    const e = flow.gap(t);
    linear.residual(t, out);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (e[i] as number);
    return out;
  };
  const wT = weights(T);
  const run = assembleRun(instance, linear, {
    rtol: flow.rtol,
    atol: 0,
    wT,
    rT: residual(T),
    trajectory: { ts: flow.ts, weights, residual },
    steps: flow.steps,
    rejected: flow.rejected,
    rhsEvaluations: flow.rhsEvaluations,
    errorEstimate: 0,
    method: 'explicit',
    linearizations: 0,
    kernel: 'js',
    tableau: 'dop853',
  });
  return {
    ...run,
    E: norm2(flow.gap(T)),
    weightChange: norm2(flow.displacement(T)),
    gap: { gap: flow.gap, displacement: flow.displacement },
  };
}
