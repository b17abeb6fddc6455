import { describe, expect, test } from 'vitest';
import { defineExponentialMethod } from './defineExponentialMethod.js';
import { exponentialMethods } from './exponentialMethods/index.js';
import { ExponentialStepper } from './ExponentialStepper.js';
import { type ExponentialProblem, integrateExponential } from './integrateExponential.js';
import { NegativeGramOperator } from './NegativeGramOperator.js';
import { N, R, tanhGramFlow as flow, y0 } from './_testing/tanhGramFlow.js';

/** One step of `stepper` from (0, y) with step h and linear part at `at`; returns [yNew, err]. */
function stepOnce(stepper: ExponentialStepper, p: ExponentialProblem, y: Float64Array, at: Float64Array, h: number): [number[], number[]] {
  stepper.setDerivative(0, y);
  stepper.setOperator(new NegativeGramOperator(p.linearize(0, at), R, N), y);
  stepper.step(0, y, h);
  return [Array.from(stepper.yNew), Array.from(stepper.err)];
}

describe('ExponentialStepper', () => {
  test('a new operator with the same h gets its own coefficients (the cache is keyed by h and the operator)', () => {
    const p = flow(0.8);
    const other = Float64Array.of(1, 2, -1);
    const h = 0.3;
    const reused = new ExponentialStepper(exponentialMethods.zb43, p.f, N, R);
    stepOnce(reused, p, y0, y0, h);
    const second = stepOnce(reused, p, y0, other, h);
    const fresh = stepOnce(new ExponentialStepper(exponentialMethods.zb43, p.f, N, R), p, y0, other, h);
    expect(second).toEqual(fresh);
    // and the operator matters (otherwise the check above proves nothing)
    expect(second[0]).not.toEqual(stepOnce(new ExponentialStepper(exponentialMethods.zb43, p.f, N, R), p, y0, y0, h)[0]);
  });

  test('the same operator and h twice: the same step (the cached coefficients are the right ones)', () => {
    const p = flow(0.8);
    const stepper = new ExponentialStepper(exponentialMethods.zb43, p.f, N, R);
    const first = stepOnce(stepper, p, y0, y0, 0.2);
    stepper.step(0, y0, 0.2);
    expect([Array.from(stepper.yNew), Array.from(stepper.err)]).toEqual(first);
    stepper.step(0, y0, 0.1);
    const smaller = Array.from(stepper.yNew);
    expect(smaller).toEqual(stepOnce(new ExponentialStepper(exponentialMethods.zb43, p.f, N, R), p, y0, y0, 0.1)[0]);
  });
});

describe('a method with phi_1 and phi_2 only, and no two stages at one node', () => {
  // exponential midpoint rule (order 2: b1 + b2 = phi1, b2 c2 = phi2) with exponential Euler embedded (order 1)
  const midpoint = defineExponentialMethod({
    name: 'expMidpoint21',
    order: 2,
    embeddedOrder: 1,
    c: ['0', '1/2'],
    A: [[], [['1/2 phi1(1/2)']]],
    b: [['1 phi1(1)', '-2 phi2(1)'], ['2 phi2(1)']],
    bHat: [['1 phi1(1)'], []],
    midStage: 1,
    reference: 'test: exponential midpoint with exponential Euler',
  });

  test('integrates with a dense output, and agrees with zb43 within the tolerances', () => {
    const T = 20;
    const options = { rtol: 1e-7, atol: 1e-10, dense: true } as const;
    const r = integrateExponential(midpoint, flow(0.3), 0, y0, T, options);
    const ref = integrateExponential(exponentialMethods.zb43, flow(0.3), 0, y0, T, { ...options, rtol: 1e-11, atol: 1e-14 });
    const distance = (a: Float64Array, b: Float64Array) => Math.hypot(...Array.from(a, (x, i) => x - b[i]!));
    expect(distance(r.y, ref.y)).toBeLessThan(1e-5);
    for (const t of [0.37, 2.5, 11]) expect(distance(r.dense!.evaluate(t), ref.dense!.evaluate(t))).toBeLessThan(1e-5);
    expect(Array.from(r.dense!.evaluate(T))).toEqual(Array.from(r.y));
  });

  test('without a pair of stages at one node the remainder is never judged stiff: only drift re-linearizes', () => {
    const p = flow(2);
    const stepper = new ExponentialStepper(midpoint, p.f, N, R);
    stepOnce(stepper, p, y0, y0, 0.5);
    expect(stepper.remainderLipschitz()).toBe(0);
    const r = integrateExponential(midpoint, p, 0, y0, 50, { rtol: 1e-6, atol: 1e-9, relinearizeAt: 1e-300, relinearizeDrift: Infinity });
    expect(r.linearizations).toBeLessThanOrEqual(1 + Math.floor(r.rejected / 2));
  });
});

describe('remainderLipschitz (zb43: stages 2 and 3 share c = 1/2)', () => {
  test('grows with the nonlinearity of the remainder g = f + J^T J y', () => {
    const estimate = (eps: number): number => {
      const p = flow(eps);
      const stepper = new ExponentialStepper(exponentialMethods.zb43, p.f, N, R);
      stepOnce(stepper, p, y0, y0, 0.5);
      return stepper.remainderLipschitz();
    };
    const [mild, strong] = [estimate(0.3), estimate(2)];
    expect(mild).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(2 * mild);
    expect(Number.isFinite(strong)).toBe(true);
  });

  test('from the modal coordinates: |G_a - G_b| / |U_a - U_b| with G = f(U) + B^T B U computed directly from the stages', () => {
    const p = flow(0.8);
    const calls: { U: Float64Array; K: Float64Array }[] = [];
    const f: ExponentialProblem['f'] = (t, y, dy) => {
      p.f(t, y, dy);
      calls.push({ U: Float64Array.from(y), K: Float64Array.from(dy) });
    };
    const stepper = new ExponentialStepper(exponentialMethods.zb43, f, N, R);
    const at = Float64Array.of(0.4, 0.1, -0.3); // a linear part away from y0: g is far from constant
    stepOnce(stepper, { ...p, f }, y0, at, 0.5);
    const Bat = p.linearize(0, at) as Float64Array;
    const G = ({ U, K }: { U: Float64Array; K: Float64Array }): Float64Array => {
      const g = Float64Array.from(K);
      for (let r = 0; r < R; r++) {
        let s = 0;
        for (let q = 0; q < N; q++) s += Bat[r * N + q]! * U[q]!;
        for (let q = 0; q < N; q++) g[q] = g[q]! + Bat[r * N + q]! * s;
      }
      return g;
    };
    // calls: f(y0), then the stages 1..4 of zb43 (c = 1/6, 1/2, 1/2, 1): the pair is calls 2 and 3
    const [sa, sb] = [calls[2]!, calls[3]!];
    const [Ga, Gb] = [G(sa), G(sb)];
    const direct = Math.hypot(...Ga.map((x, q) => x - Gb[q]!)) / Math.hypot(...sa.U.map((x, q) => x - sb.U[q]!));
    expect(direct).toBeGreaterThan(0.01);
    expect(Math.abs(stepper.remainderLipschitz() - direct)).toBeLessThan(1e-9 * direct);
    // sanity mutant: the same comparison refutes the linear part's own Lipschitz bound |dK| / |dU|
    const kOnly = Math.hypot(...sa.K.map((x, q) => x - sb.K[q]!)) / Math.hypot(...sa.U.map((x, q) => x - sb.U[q]!));
    expect(Math.abs(kOnly - direct)).toBeGreaterThan(1e-9 * direct);
  });
});

test("a non-autonomous f is evaluated at the stage times t + c_i h: y' = cos t gives sin t", () => {
  const p: ExponentialProblem = {
    rows: 1,
    f: (t, _y, dy) => {
      dy[0] = Math.cos(t);
    },
    linearize: () => Float64Array.of(0),
  };
  const r = integrateExponential(exponentialMethods.zb43, p, 0.5, [Math.sin(0.5)], 10, { rtol: 1e-10, atol: 1e-12, dense: true });
  expect(r.y[0]).toBeCloseTo(Math.sin(10), 8);
  expect(r.dense!.evaluate(3)[0]).toBeCloseTo(Math.sin(3), 7);
});
