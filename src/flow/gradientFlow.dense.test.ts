/** gradientFlow's `dense: false`: the same solve without recording, and a trajectory built on first use equal to the recorded one. */
import { describe, expect, test } from 'vitest';
import { meanFieldNet } from '../models/meanField.js';
import { quadraticModel } from '../models/quadratic.js';
import { createRng } from '../random/rng.js';
import { gradientFlow, type GradientFlowResult } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { residual } from './residual.js';

const rng = createRng(61).uniform;
const u = () => 2 * rng() - 1;

const quadratic: Instance = {
  model: quadraticModel({
    h0: [u(), u()],
    G: [
      [u(), u(), u()],
      [u(), u(), u()],
    ],
    Q: [0, 1].map(() => [
      [1, 0.5, 0],
      [0.5, -1, 0.25],
      [0, 0.25, 0.5],
    ]),
    w0: [u(), u(), u()],
  }),
  yStar: Float64Array.of(u(), u()),
  alpha: 1.5,
  T: 40,
};
const meanField: Instance = {
  model: meanFieldNet({
    activation: 'tanh',
    x: Array.from({ length: 4 }, () => [u(), u()]),
    a: Array.from({ length: 6 }, u),
    U: Array.from({ length: 6 }, () => [u(), u()]),
  }),
  yStar: Float64Array.from({ length: 4 }, u),
  alpha: Math.sqrt(6),
  T: 4,
};

describe('gradientFlow dense: false', () => {
  // the tableau is fixed: 'auto' picks vern6 without dense output where it picks dopri5 with it (VERN6_MAX_RTOL)
  test.each([
    ['quadratic, explicit', quadratic, 'explicit', 1e-8, 'dopri5'],
    ['quadratic, exponential', quadratic, 'exponential', 1e-8, 'dopri5'],
    ['quadratic, auto (switches or not)', quadratic, 'auto', 1e-6, 'dopri5'],
    ['quadratic, auto with vern6 (switches or not)', quadratic, 'auto', 1e-6, 'vern6'],
    ['mean-field, vern6', meanField, 'explicit', 1e-9, 'vern6'],
    ['mean-field, dop853', meanField, 'explicit', 1e-12, 'dop853'],
  ] as const)('%s: same steps and w(T), the lazy trajectory equals the recorded one', (_label, instance, method, rtol, tableau) => {
    const recorded = gradientFlow(instance, { method, rtol, tableau });
    const lazy = gradientFlow(instance, { method, rtol, tableau, dense: false });
    expect([lazy.steps, lazy.rejected, lazy.method, lazy.errorEstimate]).toEqual([recorded.steps, recorded.rejected, recorded.method, recorded.errorEstimate]);
    expect(Array.from(lazy.wT)).toEqual(Array.from(recorded.wT));
    // dense output adds evaluations only for tableaus with extra dense stages (vern6, DOP853)
    expect(lazy.rhsEvaluations).toBeLessThanOrEqual(recorded.rhsEvaluations);
    expect(Array.from(lazy.trajectory.ts)).toEqual(Array.from(recorded.trajectory.ts));
    for (const t of [0, 0.37 * instance.T, instance.T]) {
      expect(Array.from(lazy.trajectory.weights(t))).toEqual(Array.from(recorded.trajectory.weights(t)));
      expect(Array.from(lazy.trajectory.residual(t))).toEqual(Array.from(recorded.trajectory.residual(t)));
    }
  });

  test.each([
    ['quadratic, explicit', quadratic, 'explicit', 1e-8, 'dopri5'],
    ['quadratic, exponential', quadratic, 'exponential', 1e-8, 'dopri5'],
    ['mean-field, dop853', meanField, 'explicit', 2e-11, 'dop853'],
  ] as const)(
    '%s: the certifying re-solve unrecorded gives the same estimate and, on first use, the same tight trajectory',
    (_label, instance, method, rtol, tableau) => {
      const recorded = gradientFlow(instance, { method, rtol, tighterDense: true });
      const lazy = gradientFlow(instance, { method, rtol });
      const tr = recorded.tighter as GradientFlowResult;
      const tl = lazy.tighter as GradientFlowResult;
      expect([lazy.errorEstimate, tl.steps, tl.rejected, tl.method]).toEqual([recorded.errorEstimate, tr.steps, tr.rejected, tr.method]);
      expect(Array.from(tl.rT)).toEqual(Array.from(tr.rT));
      // DOP853's 3 extra dense stages per step are what an unrecorded re-solve saves in evaluations
      expect(tl.tableau).toBe(tableau);
      if (tableau === 'dop853') expect(tl.rhsEvaluations).toBe(tr.rhsEvaluations - 3 * tr.steps);
      else expect(tl.rhsEvaluations).toBe(tr.rhsEvaluations);
      expect(Array.from(tl.trajectory.ts)).toEqual(Array.from(tr.trajectory.ts));
      for (const t of [0.37 * instance.T, instance.T]) expect(Array.from(tl.trajectory.residual(t))).toEqual(Array.from(tr.trajectory.residual(t)));
    },
  );

  test("r(T) is read on demand: the model residual at w(T), computed once, the same as the recorded solve's", () => {
    for (const instance of [quadratic, meanField]) {
      const recorded = gradientFlow(instance, { rtol: 1e-8, tableau: 'dopri5' });
      const lazy = gradientFlow(instance, { rtol: 1e-8, tableau: 'dopri5', dense: false, estimateError: false });
      expect(Array.from(lazy.rT)).toEqual(Array.from(residual(instance, lazy.wT)));
      expect(lazy.rT).toBe(lazy.rT); // kept, not recomputed
      expect(Array.from(lazy.rT)).toEqual(Array.from(recorded.rT));
      expect(Array.from(lazy.rT)).toEqual(Array.from(lazy.trajectory.residual(instance.T)));
    }
  });

  test('sanity mutant: a trajectory of another solve (rtol x 100) is refuted by the same comparison', () => {
    const recorded = gradientFlow(quadratic, { method: 'explicit', rtol: 1e-8 });
    const other = gradientFlow(quadratic, { method: 'explicit', rtol: 1e-6, dense: false });
    expect(Array.from(other.trajectory.weights(0.37 * quadratic.T))).not.toEqual(Array.from(recorded.trajectory.weights(0.37 * quadratic.T)));
  });
});
