import { describe, expect, it } from 'vitest';
import type { DenseOutput } from '../integrators/DenseOutput.js';
import { exponentialMethods } from '../integrators/exponentialMethods/index.js';
import { integrateAdaptive } from '../integrators/integrateAdaptive.js';
import { integrateExponential } from '../integrators/integrateExponential.js';
import { tableaus } from '../integrators/tableaus/index.js';
import { distance } from '../linalg/dense.js';
import { quadraticModel } from '../models/quadratic.js';
import { bendingPath } from './_testing/bendingPath.js';
import { flowKernel } from './flowRhs.js';
import { gradientFlow } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { loss, residual } from './residual.js';
import { solveRun } from './Run.js';
import { createRng } from '../random/rng.js';
import { symmetricQ } from './_testing/symmetricQ.js';

describe('Run: trajectoryRadius samples the midpoints of the steps, not only the mesh', () => {
  it('on a path that bends back inside a step, a midpoint is farther from w0 than every mesh point', () => {
    // The bending path (flow/_testing/bendingPath.ts), at a loose tolerance (few, long steps): the largest
    // ||w(t) - w0|| is reached inside a step, and the midpoint of that step is closer to it than the step's end points.
    const instance = bendingPath();
    const { model } = instance;
    const run = solveRun(instance, { rtol: 1e-3 });
    const { ts, weights } = run.nonlinear.trajectory;
    let atMesh = 0;
    let atMids = 0;
    for (let i = 0; i < ts.length; i++) {
      atMesh = Math.max(atMesh, distance(weights(ts[i]!), model.w0));
      if (i + 1 < ts.length) atMids = Math.max(atMids, distance(weights(0.5 * (ts[i]! + ts[i + 1]!)), model.w0));
    }
    expect(atMids).toBeGreaterThan(atMesh * (1 + 1e-5));
    expect(run.trajectoryRadius).toBe(atMids);
  });
});

describe('gradientFlow: a switched solve is the explicit solve up to switchedAt, then the exponential one', () => {
  /** A quadratic model (seed 27) that 'auto' starts explicit, then hands over; both paths reject steps at rtol 1e-3. */
  function switchingInstance(): Instance {
    const rng = createRng(27).uniform;
    const n = 2;
    const p = 3;
    const scale = 10 ** (3 * rng() - 1);
    const G = Array.from({ length: n }, () => Array.from({ length: p }, () => 0.01 * (rng() - 0.5)));
    const Q = symmetricQ(n, p, () => scale * (rng() - 0.5));
    return { model: quadraticModel({ h0: [0, 0], G, Q, w0: [0, 0, 0] }), yStar: Float64Array.of(3 * rng(), -2 * rng()), alpha: 1, T: 100 };
  }

  it('steps, rejections, evaluations and linearizations are the sums over the two solves; the state is the second one', () => {
    const instance = switchingInstance();
    const rtol = 1e-3;
    const full = gradientFlow(instance, { rtol, estimateError: false });
    expect(full.method).toBe('switched');

    // The same two solves, run by hand with the documented hand-over (dopri5 with stiffness detection, then zb43), both
    // starting from a step sized by Prop 3.1's sqrt(T R0) / alpha.
    const kernel = flowKernel(instance);
    const scale = Math.sqrt(instance.T * loss(residual(instance, instance.model.w0))) / instance.alpha;
    const explicit = integrateAdaptive(tableaus.dopri5, kernel.rhs, 0, new Float64Array(3), instance.T, {
      rtol,
      atol: full.atol,
      scale,
      dense: true,
      stiffness: {},
    });
    expect(explicit.stoppedStiff).toBe(true);
    const rest = integrateExponential(
      exponentialMethods.zb43,
      { f: kernel.rhs, rows: kernel.n, linearize: (_t, d) => kernel.jacobian(d) },
      explicit.t1,
      explicit.y,
      instance.T,
      {
        rtol,
        atol: full.atol,
        scale,
        dense: true,
      },
    );
    // Both parts reject steps, so a difference instead of a sum would show.
    expect(explicit.rejected).toBeGreaterThan(0);
    expect(rest.rejected).toBeGreaterThan(0);

    expect(full.switchedAt).toBe(explicit.t1);
    expect(full.steps).toBe(explicit.steps + rest.steps);
    expect(full.rejected).toBe(explicit.rejected + rest.rejected);
    expect(full.rhsEvaluations).toBe(explicit.rhsEvaluations + rest.rhsEvaluations);
    expect(full.linearizations).toBe(rest.linearizations);
    expect(Array.from(full.wT)).toEqual(Array.from(rest.y));

    // The trajectory answers from the explicit dense output before the switch and from the exponential one after.
    const before = 0.5 * explicit.t1;
    const after = 0.5 * (explicit.t1 + instance.T);
    expect(Array.from(full.trajectory.weights(before))).toEqual(Array.from((explicit.dense as DenseOutput).evaluate(before)));
    expect(Array.from(full.trajectory.weights(after))).toEqual(Array.from((rest.dense as DenseOutput).evaluate(after)));
  });
});
