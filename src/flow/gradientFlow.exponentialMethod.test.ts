/** gradientFlow's exponential pairs: the automatic choice by rtol and stiffness, and their accuracy against a decimal reference. */
import { describe, expect, test } from 'vitest';
import { distance, norm2 } from '../linalg/dense.js';
import { quadraticModel, type QuadraticModel } from '../models/quadratic.js';
import { exactDecimal } from '../precise/exactDecimal.js';
import { createRng } from '../random/rng.js';
import { symmetricQ } from './_testing/symmetricQ.js';
import { taylorQuadraticReference } from './_testing/taylorQuadraticReference.js';
import { flowStiffness } from './flowStiffness.js';
import {
  DOP853_MAX_RTOL,
  DOP853_MAX_RTOL_UNRECORDED,
  EXPRK5S8_MAX_RTOL,
  gradientFlow,
  type GradientFlowResult,
  STIFF_HORIZON,
  STIFF_HORIZON_TIGHT,
  STIFF_HORIZON_TIGHT_EXPRK5S8,
} from './gradientFlow.js';
import type { Instance } from './Instance.js';

/** A 2 x 4 quadratic model (seeded, alpha = 4: visibly nonlinear), with T set so that T lambda_max(K0) = stiffness. */
function stiffQuadratic(stiffness: number): Instance & { model: QuadraticModel } {
  const rng = createRng(7).uniform;
  const n = 2;
  const p = 4;
  const G = Array.from({ length: n }, () => Array.from({ length: p }, () => rng() - 0.5));
  const Q = symmetricQ(n, p, () => rng() - 0.5);
  const model = quadraticModel({ h0: [0.1, -0.2], G, Q, w0: new Array<number>(p).fill(0.1) });
  const base = { model, yStar: Float64Array.of(1.2, -0.9), alpha: 4, T: 1 };
  return { ...base, T: stiffness / flowStiffness(base) };
}

/** One solve without the certifying re-solve and without dense output (what the bench times). */
const unrecorded = { estimateError: false, dense: false } as const;

const choice = (r: GradientFlowResult) => [r.method, r.tableau, r.exponentialMethod];

describe("gradientFlow 'auto': the exponential pair by rtol and dense output, the path by stiffness", () => {
  const stiff = stiffQuadratic(150); // above STIFF_HORIZON_TIGHT_EXPRK5S8
  const between = stiffQuadratic(115); // between STIFF_HORIZON and STIFF_HORIZON_TIGHT_EXPRK5S8

  test('the thresholds are ordered so that, without dense output, every rtol of the DOP853 range gets the 5th-order pair', () => {
    expect(STIFF_HORIZON).toBeLessThan(115);
    expect(STIFF_HORIZON_TIGHT_EXPRK5S8).toBeGreaterThan(115);
    expect(STIFF_HORIZON_TIGHT_EXPRK5S8).toBeLessThan(150);
    expect(STIFF_HORIZON_TIGHT).toBeGreaterThan(150);
    expect(EXPRK5S8_MAX_RTOL).toBeGreaterThanOrEqual(DOP853_MAX_RTOL_UNRECORDED);
    expect(DOP853_MAX_RTOL_UNRECORDED).toBeGreaterThanOrEqual(DOP853_MAX_RTOL);
  });

  test('stiff, no dense output: exprk5s8 at rtol <= EXPRK5S8_MAX_RTOL, zb43 above; recorded in the result', () => {
    expect(choice(gradientFlow(stiff, { rtol: 1e-12, ...unrecorded }))).toEqual(['exponential', 'dop853', 'exprk5s8']);
    expect(choice(gradientFlow(stiff, { rtol: EXPRK5S8_MAX_RTOL, ...unrecorded }))).toEqual(['exponential', 'dop853', 'exprk5s8']);
    // the explicit tableau it would have used: vern6 without dense output up to VERN6_MAX_RTOL
    expect(choice(gradientFlow(stiff, { rtol: 2 * EXPRK5S8_MAX_RTOL, ...unrecorded }))).toEqual(['exponential', 'vern6', 'zb43']);
    expect(choice(gradientFlow(stiff, { rtol: 1e-8, ...unrecorded }))).toEqual(['exponential', 'vern6', 'zb43']);
  });

  test('with dense output (the default) zb43 at every rtol, and the explicit DOP853 path below STIFF_HORIZON_TIGHT', () => {
    expect(choice(gradientFlow(stiff, { rtol: 1e-12, estimateError: false }))).toEqual(['explicit', 'dop853', 'zb43']);
    expect(choice(gradientFlow(stiff, { rtol: 1e-8, estimateError: false }))).toEqual(['exponential', 'dopri5', 'zb43']);
  });

  test('below STIFF_HORIZON_TIGHT_EXPRK5S8 a tight rtol stays explicit (DOP853), recording the pair it would have used', () => {
    const r = gradientFlow(between, { rtol: 1e-12, ...unrecorded });
    expect(r.method).not.toBe('exponential'); // explicit, or 'switched' by Hairer's stiffness test
    expect([r.tableau, r.exponentialMethod]).toEqual(['dop853', 'exprk5s8']);
    expect(choice(gradientFlow(between, { rtol: 1e-9, ...unrecorded }))).toEqual(['exponential', 'vern6', 'zb43']);
  });

  test('a forced pair is used as given; the certifying re-solve keeps the primary pair; an unknown pair is named', () => {
    expect(choice(gradientFlow(stiff, { rtol: 1e-12, method: 'exponential', exponentialMethod: 'zb43', ...unrecorded }))).toEqual([
      'exponential',
      'dop853',
      'zb43',
    ]);
    expect(choice(gradientFlow(stiff, { rtol: 1e-6, exponentialMethod: 'exprk5s8', estimateError: false }))).toEqual(['exponential', 'dopri5', 'exprk5s8']);
    const certified = gradientFlow(stiff, { rtol: 1e-10, dense: false }); // the re-solve runs at 1e-12 <= EXPRK5S8_MAX_RTOL
    expect([certified.exponentialMethod, certified.tighter?.exponentialMethod]).toEqual(['zb43', 'zb43']);
    expect(() => gradientFlow(stiff, { exponentialMethod: 'rk4' as 'zb43' })).toThrow('exponentialMethod="rk4" must be');
  });
});

test("rtol 1e-12: the 5th-order pair's cost grows like log T on the flow (T lambda_max = 150 -> 1.5e5)", () => {
  const cost = [150, 1.5e3, 1.5e4, 1.5e5].map((stiffness) => {
    const r = gradientFlow(stiffQuadratic(stiffness), { rtol: 1e-12, ...unrecorded });
    expect([r.method, r.exponentialMethod]).toEqual(['exponential', 'exprk5s8']);
    return r.rhsEvaluations;
  });
  // measured: 1,618, 1,418, 1,082, 954 evaluations (atol = rtol sqrt(T R0) / alpha grows with T)
  expect(cost[3]!).toBeLessThan(2 * cost[0]!);
});

describe('gradientFlow on the exponential path against the 20-digit Taylor solve (T lambda_max = 150, alpha = 4)', () => {
  const instance = stiffQuadratic(150);
  const { model, T } = instance;
  const ts = [0.3 * T, T];
  let refs: Float64Array[] | undefined; // the Taylor solve (~1 s), on first use
  const reference = (): Float64Array[] => {
    if (refs === undefined) {
      const taylor = taylorQuadraticReference(instance, 20);
      refs = ts.map((t) => Float64Array.from(taylor.at(exactDecimal(t)).d, (x) => x.toNumber()));
    }
    return refs;
  };
  /** ||d(t) - d_ref(t)|| / ||d_ref(t)|| at 0.3 T (dense output) and T. */
  const errors = (r: GradientFlowResult) =>
    ts.map((t, i) => {
      const d = r.trajectory.weights(t).map((w, j) => w - model.w0[j]!);
      const ref = reference()[i]!;
      return distance(d, ref) / norm2(ref);
    });

  test("rtol 1e-12: 'auto' (exprk5s8) reaches the reference within a few rtol in half the evaluations of zb43", () => {
    // without dense output (its trajectory is then built on first use by the same solve, recording)
    const auto = gradientFlow(instance, { rtol: 1e-12, estimateError: false, dense: false });
    const zb43 = gradientFlow(instance, { rtol: 1e-12, method: 'exponential', exponentialMethod: 'zb43', estimateError: false, dense: false });
    expect(auto.exponentialMethod).toBe('exprk5s8');
    // measured: exprk5s8 3.6e-11 at 0.3 T (its dense output), 6.8e-13 at T, 1,618 evaluations; zb43 1.7e-12 and
    // 1.2e-12, 3,337 evaluations
    const [midAuto, endAuto] = errors(auto);
    const [midZb, endZb] = errors(zb43);
    expect(endAuto).toBeLessThan(5e-12);
    expect(endZb).toBeLessThan(5e-12);
    expect(midAuto).toBeLessThan(5e-10);
    expect(midZb).toBeLessThan(5e-11);
    expect(auto.rhsEvaluations).toBeLessThan(0.6 * zb43.rhsEvaluations);
  });

  test('rtol 1e-10 and 1e-8, each pair forced: the final state within 10 rtol of the reference', () => {
    // measured (exprk5s8 / zb43): 8.1e-11 / 1.1e-10 at rtol 1e-10, 4.3e-9 / 7.9e-9 at 1e-8
    for (const rtol of [1e-10, 1e-8]) {
      for (const exponentialMethod of ['exprk5s8', 'zb43'] as const) {
        const r = gradientFlow(instance, { rtol, method: 'exponential', exponentialMethod, estimateError: false });
        expect(errors(r)[1]).toBeLessThan(10 * rtol);
      }
    }
  });
});
