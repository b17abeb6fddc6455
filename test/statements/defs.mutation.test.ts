/** Readings, labels, measures and case formats of the statement definitions, at points the property suites leave open. */
import { describe, expect, test } from 'vitest';
import { solveRun } from '../../src/flow/Run.js';
import { activations } from '../../src/models/activation.js';
import { meanFieldA } from '../../src/models/lemma21.js';
import { meanFieldNet } from '../../src/models/meanField.js';
import { converseModel } from '../../src/models/scalar.js';
import { cor22 } from '../../src/statements/defs/cor-2.2.js';
import { lemma21 } from '../../src/statements/defs/lemma-2.1.js';
import { prop11 } from '../../src/statements/defs/prop-1.1.js';
import { thm12 } from '../../src/statements/defs/thm-1.2.js';
import { thm13 } from '../../src/statements/defs/thm-1.3.js';
import { thm32 } from '../../src/statements/defs/thm-3.2.js';
import { FLOW_RTOL } from '../../src/statements/flowStatement.js';
import type { FrozenKernelQuantities } from '../../src/statements/frozenKernel.js';
import { FLOW, tanhNet2 } from './fixtures.js';

describe('sanity mutants saturate at sqrt(8 R0), like the readings they perturb', () => {
  test('thm-1.2 mutant min(6 kappa^2 sqrt(R0), sqrt(8 R0)): kappa = 2, R0 = 4 gives sqrt(32)', () => {
    const b = thm12.mutant.bound({ ...FLOW, kappa: 2, R0: 4 });
    expect(b.branch).toBe('saturated');
    expect(b.rhs).toBeCloseTo(Math.sqrt(32), 14);
  });

  test('thm-3.2 mutant min(kappa sqrt(R0) / 10, sqrt(8 R0)): kappa = 100, R0 = 4 gives sqrt(32)', () => {
    const q: FrozenKernelQuantities = { ...FLOW, kappa: 100, R0: 4, jacobianChange: 0.9, jacobianScale: 0.5, frozenGap: 0.6 };
    const b = thm32.mutant.bound(q);
    expect(b.branch).toBe('saturated');
    expect(b.rhs).toBeCloseTo(Math.sqrt(32), 14);
  });
});

describe('prop-1.1', () => {
  test('the operand scale of E is max(||r(0)||, Run.residualScale) = max(sqrt(2 R0), ...)', () => {
    // Converse model, R0 = 0.01: ||r(0)|| = 0.1414 < residualScale = ||y*|| + alpha ||h(w(T))||.
    const R0 = 0.01;
    const instance = { model: converseModel({ T: 1, lip: 0.5 }), yStar: Float64Array.of(Math.sqrt(2 * R0)), alpha: 1, T: 1 };
    const run = solveRun(instance, { rtol: FLOW_RTOL });
    expect(run.residualScale).toBeGreaterThan(Math.sqrt(2 * R0) * 1.01);
    const m = prop11.measure({ instance, family: 'scalar', direction: 'top' });
    expect(m.primary.rScale).toBe(run.residualScale);
    expect(m.primary.R0).toBeCloseTo(R0, 15);
  });

  test("label leftBall: 'yes' only when the trajectory leaves ball A (radius > rho), 'no' on its boundary or without a ball", () => {
    const c = { instance: { model: converseModel({ T: 1, lip: 0.5 }), yStar: Float64Array.of(1), alpha: 1, T: 1 }, family: 'scalar', direction: 'top' };
    const m = { E: 0.1, T: 1, alpha: 1, R0: 0.5, rScale: 1, ballA: { rho: 0.5, lipH: 1, lipDh: 1 } };
    expect(prop11.labels(c, { ...m, trajectoryRadius: 0.6 }).leftBall).toBe('yes');
    expect(prop11.labels(c, { ...m, trajectoryRadius: 0.5 }).leftBall).toBe('no');
    const { ballA: _unused, ...noBall } = m;
    expect(prop11.labels(c, { ...noBall, trajectoryRadius: 10 }).leftBall).toBe('no');
  });
});

test('thm-1.3 revive: a non-object case, and every invalid field, named', () => {
  expect(() => thm13.revive(5)).toThrow('case=5 must be an object');
  expect(() => thm13.revive('x')).toThrow('case="x" must be an object');
  const ok = { alpha: 1, T: 1, lip: 1, R0: 1 };
  expect(thm13.revive(ok)).toEqual(ok);
  for (const field of ['alpha', 'T', 'lip', 'R0'] as const) {
    expect(() => thm13.revive({ ...ok, [field]: 0 })).toThrow(`case.${field}=0 must be a finite number > 0`);
  }
});

test("lemma-2.1 label term: 'slope' when ||s'|| X >= ||s''|| X^2 A, else 'curvature'", () => {
  const tanh = activations.tanh; // ||s'|| = 1, ||s''|| = 4 / (3 sqrt(3)) = 0.77
  const model = meanFieldNet({
    activation: 'tanh',
    x: [[1, 2]],
    a: [0.5, -0.5],
    U: [
      [0.1, 0.2],
      [0.1, 0.2],
    ],
  });
  const u = Float64Array.from(model.w0);
  const c = { model, u, v: u, direction: 'random', init: 'symmetric' };
  const q = { ratio: 0.5, activation: tanh, X: 2, A: 1, ballLip: 7 };
  expect(lemma21.labels(c, q).term).toBe('curvature'); // 2 < 0.77 * 4 * 1 = 3.08
  expect(lemma21.labels(c, { ...q, A: 0.5 }).term).toBe('slope'); // 2 >= 1.54
  expect(lemma21.labels(c, { ...q, X: 0.5, A: 2 }).term).toBe('slope'); // 0.5 >= 0.77 * 0.25 * 2 = 0.38
});

test("cor-2.2 measure: K = max(K_A, ||s'||, ||s''||, X), here K_A", () => {
  const model = tanhNet2();
  const instance = { model, yStar: Float64Array.of(0.3, -0.2), alpha: 0.5, T: 3 };
  const q = cor22.measure({ instance, family: 'meanField', direction: 'random' }).primary;
  expect(q.KA).toBeGreaterThanOrEqual(meanFieldA(model, model.w0) + Math.sqrt(model.m) * q.rho);
  expect(q.K).toBe(Math.max(q.KA, activations.tanh.supSlope, activations.tanh.supCurvature, model.X));
  expect(q.K).toBe(q.KA);
  expect(q.K).toBeGreaterThan(1);
});
