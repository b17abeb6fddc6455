/** The mean-field side of src/statements: Lemma 2.1's readings, its case format, and the run helpers of Sec. 2. */
import { expect, test } from 'vitest';
import { solveRun } from '../../src/flow/Run.js';
import { activations } from '../../src/models/activation.js';
import { meanFieldA } from '../../src/models/lemma21.js';
import { meanFieldNet } from '../../src/models/meanField.js';
import { converseModel } from '../../src/models/scalar.js';
import { lemma21 } from '../../src/statements/defs/lemma-2.1.js';
import { meanFieldOf, residualScale, trajectoryMaxA } from '../../src/statements/meanFieldRun.js';
import { describeMeanFieldPair, reviveMeanFieldPair } from '../../src/statements/meanFieldPairJson.js';
import { tanhNet2 } from './fixtures.js';

const reading = (name: string) => [...lemma21.readings, lemma21.mutant].find((r) => r.name === name)!;

test("lemma-2.1 readings: ||s'|| X + ||s''|| X^2 A (mutant: halved), the ball constant, and K^2 + K^4 with the binding K named", () => {
  const tanh = activations.tanh; // ||s'|| = 1
  const q = { ratio: 0.5, activation: tanh, X: 2, A: 3, ballLip: 7 };
  const explicit = tanh.supSlope * 2 + tanh.supCurvature * 4 * 3;
  const restored = reading('restored').bound(q);
  expect(restored.lhs).toBe(0.5);
  expect(restored.rhs).toBeGreaterThanOrEqual(explicit);
  expect(restored.rhs).toBeCloseTo(explicit, 12);
  expect(reading('mutant').bound(q).rhs).toBe(restored.rhs / 2);
  expect(reading('ball').bound(q)).toEqual({ lhs: 0.5, rhs: 7 });
  expect(reading('K-prime').bound(q)).toEqual({ lhs: 0.5, rhs: 9 + 81, branch: 'K=A' });
  expect(reading('K-prime').bound({ ...q, X: 4 })).toEqual({ lhs: 0.5, rhs: 16 + 256, branch: 'K=X' });
  expect(reading('K-prime').bound({ ...q, X: 0.1, A: 0.2 }).branch).toBe('K=sigma'); // K = ||s'|| = 1
});

test('lemma-2.1 labels and hypothesis', () => {
  const model = meanFieldNet({
    activation: 'sigmoid',
    x: [[1, 2]],
    a: [0.5, -0.5],
    U: [
      [0.1, 0.2],
      [0.1, 0.2],
    ],
  });
  const u = Float64Array.from(model.w0);
  const c = { model, u, v: u.map((x, i) => x + (i === 0 ? 0.01 : 0)), direction: 'random', init: 'symmetric' };
  expect(lemma21.applies(c)).toBe(true);
  expect(lemma21.applies({ ...c, v: u })).toBe(false);
  const q = lemma21.measure(c).tight;
  const labels = lemma21.labels(c, q);
  expect(labels).toMatchObject({ activation: 'sigmoid', init: 'symmetric', direction: 'random', outputs: 'n=1' });
  const slopeWins = q.activation.supSlope * q.X >= q.activation.supCurvature * q.X * q.X * q.A;
  expect(labels.term).toBe(slopeWins ? 'slope' : 'curvature');
  expect(q.A).toBe(Math.max(meanFieldA(model, c.u), meanFieldA(model, c.v)));
});

test('meanFieldPair JSON: round-trip, and revive names the bad field', () => {
  const model = meanFieldNet({ activation: 'tanh', x: [[1], [-0.5]], a: [0.3, -0.3], U: [[0.2], [0.2]] });
  const c = { model, u: Float64Array.of(0.3, -0.3, 0.2, 0.2), v: Float64Array.of(0.31, -0.3, 0.2, 0.25), direction: 'neuron', init: 'independent' };
  const d = JSON.parse(JSON.stringify(describeMeanFieldPair(c))) as Record<string, unknown>;
  expect(describeMeanFieldPair(reviveMeanFieldPair(d))).toEqual(d);
  expect([d.direction, d.init, d.u, d.v]).toEqual(['neuron', 'independent', [0.3, -0.3, 0.2, 0.2], [0.31, -0.3, 0.2, 0.25]]);
  expect(() => reviveMeanFieldPair(7)).toThrow('case=7 must be an object');
  expect(() => reviveMeanFieldPair({ ...d, model: null })).toThrow('case.model=null must be a mean-field model object');
  expect(() => reviveMeanFieldPair({ ...d, u: [1] })).toThrow('case.u');
  expect(() => reviveMeanFieldPair({ ...d, v: 'v' })).toThrow('case.v');
  expect(() => reviveMeanFieldPair({ ...d, model: { ...(d.model as object), activation: 'relu' } })).toThrow('case.model.activation');
});

test('meanFieldRun: the model of a run, the largest A(t) along it, and the operand scale of E', () => {
  const model = tanhNet2();
  const run = solveRun({ model, yStar: Float64Array.of(0.3, -0.2), alpha: 0.5, T: 3 });
  expect(meanFieldOf(run)).toBe(model);
  const A0 = meanFieldA(model, model.w0);
  const AT = meanFieldA(model, run.nonlinear.wT);
  expect(trajectoryMaxA(run)).toBeGreaterThanOrEqual(Math.max(A0, AT));
  // residualScale = max(||r(0)||, alpha m^(-1/2) ||a(w)||_1 sup|sigma|)
  const w = Float64Array.of(3, -1, 0, 0, 0, 0);
  expect(residualScale(run, w)).toBeCloseTo(Math.max(Math.sqrt(2 * run.R0), (0.5 * 4) / Math.SQRT2), 14);
  expect(residualScale(run, new Float64Array(6))).toBeCloseTo(Math.sqrt(2 * run.R0), 14);
  const scalar = solveRun({ model: converseModel({ T: 1, lip: 1 }), yStar: Float64Array.of(1), alpha: 1, T: 1 });
  expect(() => meanFieldOf(scalar)).toThrow('instance.model.kind="scalar" must be \'meanField\'');
});
