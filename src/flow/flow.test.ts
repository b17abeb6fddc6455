import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { NtkSolveError } from '../errors/NtkSolveError.js';
import { integrateFixed } from '../integrators/integrateFixed.js';
import { tableaus } from '../integrators/tableaus/index.js';
import { distance, norm2 } from '../linalg/dense.js';
import { quadraticModel } from '../models/quadratic.js';
import { bendingPath } from './_testing/bendingPath.js';
import { linearQuadratic } from './_testing/linearQuadratic.js';
import { converseModel, scalarModel } from '../models/scalar.js';
import type { SmoothModel } from '../models/SmoothModel.js';
import { gradientFlow, TIGHTER_ERROR_RATIO } from './gradientFlow.js';
import type { Instance } from './Instance.js';
import { linearizedFlow } from './linearizedFlow.js';
import { residual } from './residual.js';
import { solveRun, solveRunPair } from './Run.js';
import { createRng } from '../random/rng.js';
import { symmetricQ } from './_testing/symmetricQ.js';

/** docs/theory.md converse closed form in double precision: E(T) = sqrt(2 R0) [(e^(1+c) - 1)/(e^(1+c) + c) - 1 + e^(-1)]. */
function converseE(T: number, lip: number, R0: number, alpha: number): number {
  const c = 2 * Math.SQRT2 * ((T * lip * Math.sqrt(R0)) / alpha);
  const x = Math.exp(1 + c);
  return Math.sqrt(2 * R0) * ((x - 1) / (x + c) - 1 + Math.exp(-1));
}

const converse = (T: number, lip: number, R0: number, alpha: number): Instance => ({
  model: converseModel({ T, lip }),
  yStar: Float64Array.of(Math.sqrt(2 * R0)),
  alpha,
  T,
});

/** A strongly nonlinear quadratic model (kappa ~ 3): h(w) = G d + Q[d, d]/2 with a fixed seed. */
function nonlinearQuadratic(): Instance {
  const rng = createRng(7).uniform;
  const n = 3;
  const p = 5;
  const G = Array.from({ length: n }, () => Array.from({ length: p }, () => rng() - 0.5));
  const Q = symmetricQ(n, p, () => 2 * (rng() - 0.5));
  const model = quadraticModel({ h0: [0, 0, 0], G, Q, w0: new Array<number>(p).fill(0) });
  return { model, yStar: Float64Array.of(1, -0.5, 0.8), alpha: 1, T: 3 };
}

/** Independent reference: classical RK4 at a fixed, very fine step on the same ODE (no step control, no dense output). */
function rk4Reference(instance: Instance, steps: number): Float64Array {
  const { model, alpha } = instance;
  const r = new Float64Array(model.n);
  const f = (_t: number, w: Float64Array, dw: Float64Array) => {
    residual(instance, w, r);
    model.vjp(w, r, dw);
    for (let j = 0; j < dw.length; j++) dw[j] = dw[j]! / alpha;
  };
  return residual(instance, integrateFixed(tableaus.rk4, f, 0, model.w0, instance.T, steps).y);
}

describe('linearizedFlow', () => {
  it('is the scalar closed form rbar = r0 e^(-a^2 t), wbar = w0 + a (1 - e^(-a^2 t)) r0 / (alpha a^2)', () => {
    const model = scalarModel({ a: 0.7, b: 3, w0: 0.25 });
    const instance = { model, yStar: Float64Array.of(2), alpha: 4, T: 1.5 };
    const lin = linearizedFlow(instance);
    const r0 = 2 - 4 * model.value(model.w0)[0]!;
    const aw0 = 0.7 + 3 * 0.25; // h'(w0)
    for (const t of [0, 0.1, 1.5, 40]) {
      expect(lin.residual(t)[0]).toBeCloseTo(r0 * Math.exp(-aw0 * aw0 * t), 14);
      expect(lin.weights(t)[0]).toBeCloseTo(0.25 + (aw0 * -Math.expm1(-aw0 * aw0 * t) * r0) / (4 * aw0 * aw0), 14);
    }
  });

  it('on a linear model it coincides with the nonlinear flow (E = 0 up to the solver tolerance)', () => {
    const model = linearQuadratic({
      h0: [0.1, 0],
      G: [
        [1, 0.5, 0],
        [0, 1, 2],
      ],
      w0: [0, 1, 0],
    });
    const run = solveRun({ model, yStar: Float64Array.of(1, -1), alpha: 2, T: 3 }, { rtol: 1e-11 });
    expect(run.E).toBeLessThan(1e-9);
    expect(Math.abs(run.weightChange - run.linearWeightChange)).toBeLessThan(1e-9);
  });
});

describe('gradientFlow', () => {
  it.each([
    [2, 0.7, 1.5, 3],
    [1, 5, 2, 1],
    [10, 0.01, 0.5, 20],
    [0.05, 40, 3, 0.2],
  ])('reproduces the converse closed form (T=%s, Lip=%s, R0=%s, alpha=%s) to 1e-9 relative', (T, lip, R0, alpha) => {
    const { tight } = solveRunPair(converse(T, lip, R0, alpha), { rtol: 1e-10 });
    expect(Math.abs(tight.E - converseE(T, lip, R0, alpha)) / converseE(T, lip, R0, alpha)).toBeLessThan(1e-9);
  });

  it('agrees with an independent fine-step RK4 on a strongly nonlinear quadratic to 1e-7 relative', () => {
    const instance = nonlinearQuadratic();
    const { tight } = solveRunPair(instance, { rtol: 1e-10 });
    const reference = rk4Reference(instance, 20_000);
    expect(distance(tight.nonlinear.rT, reference) / norm2(reference)).toBeLessThan(1e-7);
    expect(tight.E).toBeGreaterThan(0.05); // genuinely nonlinear
  });

  it('estimates its own error: the estimate bounds the true error of the primary solve', () => {
    const [T, lip, R0, alpha] = [1, 5, 2, 1] as const;
    const result = gradientFlow(converse(T, lip, R0, alpha), { rtol: 1e-6 });
    const lin = linearizedFlow(converse(T, lip, R0, alpha));
    const E = Math.abs(result.rT[0]! - lin.residual(T)[0]!);
    expect(Math.abs(E - converseE(T, lip, R0, alpha))).toBeLessThanOrEqual(result.errorEstimate);
    expect(result.errorEstimate).toBeGreaterThan(0);
  });

  it('handles T = 0 (nothing moves) and rejects bad input with typed errors', () => {
    const run = solveRun(converse(1, 1, 1, 1 + 0 * 1), {});
    expect(run.E).toBeGreaterThan(0);
    const zero = solveRun({ ...converse(1, 1, 1, 1), T: 0 });
    expect(zero.E).toBe(0);
    expect(zero.weightChange).toBe(0);
    expect(() => gradientFlow({ ...converse(1, 1, 1, 1), alpha: 0 })).toThrow(NtkInputError);
    expect(() => gradientFlow({ ...converse(1, 1, 1, 1), T: -1 })).toThrow(/T=-1 must be/);
    expect(() => gradientFlow({ ...converse(1, 1, 1, 1), yStar: Float64Array.of(NaN) })).toThrow(/yStar\[0\]=NaN/);
    expect(() => gradientFlow({ ...converse(1, 1, 1, 1), yStar: Float64Array.of(1, 2) })).toThrow(/dimension mismatch/);
  });

  it('never returns NaN: a model that turns non-finite mid-solve raises NtkSolveError', () => {
    const base = scalarModel({ a: 1, b: 0, w0: 0 });
    const poisoned: SmoothModel = {
      ...base,
      kind: 'poisoned',
      w0: base.w0,
      p: 1,
      n: 1,
      lipDhIsExact: false,
      value: (w, out = new Float64Array(1)) => {
        out[0] = w[0]! > 0.3 ? NaN : w[0]!;
        return out;
      },
      jacobian: (_w, out = new Float64Array(1)) => {
        out[0] = 1;
        return out;
      },
      vjp: (w, r, out = new Float64Array(1)) => {
        out[0] = w[0]! > 0.3 ? NaN : r[0]!;
        return out;
      },
      lipDh: () => 0,
      lipH: () => 1,
    };
    expect(() => gradientFlow({ model: poisoned, yStar: Float64Array.of(1), alpha: 1, T: 5 })).toThrow(NtkSolveError);
  });

  it('reports the step budget as NtkSolveError', () => {
    expect(() => gradientFlow(nonlinearQuadratic(), { rtol: 1e-10, maxSteps: 5 })).toThrow(/step-budget/);
  });
});

describe('gradientFlow: options, the error estimate and the integrator choice', () => {
  const instance = converse(1, 5, 2, 1);

  it('names each bad option', () => {
    expect(() => gradientFlow(instance, { rtol: 0 })).toThrow('rtol=0 must be a finite number > 0');
    expect(() => gradientFlow(instance, { maxSteps: 0 })).toThrow('maxSteps=0 must be an integer in [1, 1000000000]');
    expect(() => gradientFlow(instance, { method: 'implicit' as 'auto' })).toThrow('method="implicit"');
    expect(() => gradientFlow(instance, { atol: -1 })).toThrow('atol=-1 must be a finite number > 0');
  });

  it('the estimate is ||r(T) - r_tight(T)|| / (1 - q) plus the floor (rtol / 100 + (steps + 1) eps) ||r(0)||', () => {
    const rtol = 1e-6;
    const result = gradientFlow(instance, { rtol });
    const tighter = result.tighter!;
    expect(tighter.rtol).toBe(rtol / 100);
    expect(tighter.atol).toBe(result.atol / 100);
    const r0 = Math.sqrt(2 * 2);
    const floor = (rtol / 100 + (result.steps + tighter.steps + 1) * Number.EPSILON) * r0;
    const expected = distance(result.rT, tighter.rT) / (1 - TIGHTER_ERROR_RATIO) + floor;
    expect(result.errorEstimate).toBeGreaterThan(floor);
    expect(Math.abs(result.errorEstimate - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it('no estimate (0, no re-solve) when estimateError is false or T = 0', () => {
    const plain = gradientFlow(instance, { estimateError: false });
    expect([plain.errorEstimate, plain.tighter]).toEqual([0, undefined]);
    const still = gradientFlow({ ...instance, T: 0 });
    expect([still.errorEstimate, still.tighter, still.steps]).toEqual([0, undefined, 0]);
    expect(Array.from(still.trajectory.weights(0))).toEqual([0]);
    const { primary, tight } = solveRunPair({ ...instance, T: 0 });
    expect(tight).toBe(primary);
  });

  it("'auto' is exponential from T lambda_max(K0) = 100 exactly; only a switched solve reports switchedAt", () => {
    // Scalar h = a w + b w^2/2 at w0 = 0: K0 = a^2 = 100, T = 1.
    const stiff: Instance = { model: scalarModel({ a: 10, b: 0.1, w0: 0 }), yStar: Float64Array.of(1), alpha: 1, T: 1 };
    const result = gradientFlow(stiff, { estimateError: false });
    expect(result.method).toBe('exponential');
    expect('switchedAt' in result).toBe(false);
    expect('switchedAt' in gradientFlow(instance, { estimateError: false })).toBe(false);
    expect(gradientFlow({ ...stiff, T: 0.99 }, { estimateError: false }).method).toBe('explicit');
  });

  it('a switched solve counts the steps of both paths against one maxSteps budget', () => {
    // The stiff-along-the-flow case of exponentialPath.test.ts: explicit at first, exponential once K_t has grown.
    const switching: Instance = { model: scalarModel({ a: 0.01, b: 10, w0: 0 }), yStar: Float64Array.of(5), alpha: 1, T: 200 };
    const full = gradientFlow(switching, { rtol: 1e-6, estimateError: false });
    expect(full.method).toBe('switched');
    const attempts = full.steps + full.rejected;
    expect(full.steps).toBeGreaterThan(0);
    expect(full.rhsEvaluations).toBeGreaterThan(full.steps);
    expect(full.linearizations).toBeGreaterThan(0);
    const exact = gradientFlow(switching, { rtol: 1e-6, estimateError: false, maxSteps: attempts });
    expect([exact.steps, exact.rejected, exact.rhsEvaluations]).toEqual([full.steps, full.rejected, full.rhsEvaluations]);
    expect(() => gradientFlow(switching, { rtol: 1e-6, estimateError: false, maxSteps: attempts - 1 })).toThrow(/step-budget/);
  });

  it("Hairer's stiffness test hands over from vern6 too ('auto' without dense output), to the same r(T)", () => {
    const switching: Instance = { model: scalarModel({ a: 0.01, b: 10, w0: 0 }), yStar: Float64Array.of(5), alpha: 1, T: 200 };
    const six = gradientFlow(switching, { rtol: 1e-6, estimateError: false, dense: false });
    const five = gradientFlow(switching, { rtol: 1e-6, estimateError: false });
    expect([six.tableau, six.method, five.tableau, five.method]).toEqual(['vern6', 'switched', 'dopri5', 'switched']);
    expect(Math.abs((six.rT[0] as number) - (five.rT[0] as number))).toBeLessThan(1e-5);
    // sanity mutant: forced explicit, vern6 does not switch and pays for the stiffness in steps
    const forced = gradientFlow(switching, { rtol: 1e-6, estimateError: false, dense: false, method: 'explicit' });
    expect(forced.method).toBe('explicit');
    expect(forced.steps).toBeGreaterThan(2 * six.steps);
  });
});

describe('Run: what every statement reads off a solved instance', () => {
  it('trajectoryRadius is the largest sampled ||w(t) - w0||, here beyond ||w(T) - w0|| (the path bends back)', () => {
    const instance = bendingPath();
    const { model } = instance;
    const run = solveRun(instance);
    const { ts } = run.nonlinear.trajectory;
    let sampled = 0;
    for (let i = 0; i < ts.length; i++) {
      const mid = i + 1 < ts.length ? 0.5 * (ts[i]! + ts[i + 1]!) : ts[i]!;
      for (const t of [ts[i]!, mid]) sampled = Math.max(sampled, distance(run.nonlinear.trajectory.weights(t), model.w0));
    }
    expect(run.trajectoryRadius).toBe(sampled);
    expect(run.trajectoryRadius).toBeGreaterThan(1.05 * run.weightChange);
    expect(run.weightChange).toBeCloseTo(distance(run.nonlinear.wT, model.w0), 15);
  });

  it('residualScale = ||y*|| + alpha max(||h(w0)||, ||h(w(T))||); R0, E and the weight changes', () => {
    const model = scalarModel({ a: 1, b: 0.5, w0: 2 }); // h(w0) = 3
    const instance: Instance = { model, yStar: Float64Array.of(-1), alpha: 0.5, T: 1 };
    const run = solveRun(instance);
    const hT = model.value(run.nonlinear.wT)[0]!;
    expect(Math.abs(hT)).toBeLessThan(3);
    expect(run.residualScale).toBeCloseTo(1 + 0.5 * 3, 14);
    const far = solveRun({ ...instance, yStar: Float64Array.of(4) }); // the flow moves h from 3 towards 8
    const hFar = model.value(far.nonlinear.wT)[0]!;
    expect(hFar).toBeGreaterThan(3);
    expect(far.residualScale).toBeCloseTo(4 + 0.5 * hFar, 14);
    expect(run.R0).toBeCloseTo(0.5 * (-1 - 1.5) ** 2, 15);
    expect(run.E).toBeCloseTo(distance(run.nonlinear.rT, run.rbarT), 15);
    expect(run.linearWeightChange).toBeCloseTo(Math.abs(run.linear.weights(1)[0]! - 2), 15);
  });
});
