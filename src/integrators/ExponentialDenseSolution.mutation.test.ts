/** The dense output of integrateExponential: its arguments, its mesh, its values at and between the steps. */
import { describe, expect, test } from 'vitest';
import { exponentialMethods } from './exponentialMethods/index.js';
import { integrateExponential } from './integrateExponential.js';
import { N, tanhGramFlow as flow, y0 } from './_testing/tanhGramFlow.js';

const zb43 = exponentialMethods.zb43;
const distance = (a: Float64Array, b: Float64Array) => Math.hypot(...Array.from(a, (x, i) => x - b[i]!));

describe('ExponentialDenseSolution', () => {
  const T = 40;
  const solve = (t1: number, rtol = 1e-8) => integrateExponential(zb43, flow(0.5), 1, y0, t1, { rtol, atol: rtol * 1e-2, dense: true });
  const r = solve(T);
  const dense = r.dense!;

  test('bad t or out are named', () => {
    expect(() => dense.evaluate(Number.NaN)).toThrow('t=NaN must be a finite number');
    expect(() => dense.evaluate(0.5)).toThrow('t=0.5 must be in [1, 40]');
    expect(() => dense.evaluate(40.5)).toThrow('t=40.5 must be in [1, 40]');
    expect(() => dense.evaluate(2, new Float64Array(2))).toThrow('out=Float64Array(length 2) must be a Float64Array of length 3');
  });

  test('the interval, the step count and the mesh (a copy, from t0 to t1, increasing)', () => {
    expect([dense.n, dense.tMin, dense.tMax, dense.steps]).toEqual([N, 1, T, r.steps]);
    const ts = dense.ts;
    expect([ts[0], ts[ts.length - 1]]).toEqual([1, T]);
    expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
    expect(ts.length).toBeGreaterThanOrEqual(r.steps + 1);
    ts.fill(0);
    expect(dense.ts[ts.length - 1]).toBe(T);
  });

  test('y(t0) = y0 and y(t1) = the solution, exactly; out is filled and returned', () => {
    expect(Array.from(dense.evaluate(1))).toEqual(Array.from(y0));
    expect(Array.from(dense.evaluate(T))).toEqual(Array.from(r.y));
    const out = new Float64Array(N);
    expect(dense.evaluate(7, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(dense.evaluate(7)));
  });

  test('continuous across the steps, and each step ends where the next starts', () => {
    // approach every mesh point from both sides: the two pieces agree up to rounding
    const ts = dense.ts;
    for (let i = 1; i < ts.length - 1; i++) {
      const t = ts[i]!;
      const left = dense.evaluate(t - 1e-9 * Math.max(1, t));
      const right = dense.evaluate(t + 1e-9 * Math.max(1, t));
      expect(distance(left, right)).toBeLessThan(1e-7 * Math.max(1, Math.hypot(...left)));
    }
  });

  test('between the steps, within a few rtol of a much tighter solve', () => {
    const ref = solve(T, 1e-12).dense!;
    let worst = 0;
    for (let k = 1; k < 200; k++) {
      const t = 1 + ((T - 1) * k) / 200;
      worst = Math.max(worst, distance(dense.evaluate(t), ref.evaluate(t)));
    }
    expect(worst).toBeLessThan(30 * 1e-8 * Math.hypot(...r.y));
    expect(worst).toBeGreaterThan(0);
  });

  test('an empty interval: the one point y0', () => {
    const still = integrateExponential(zb43, flow(0.5), 3, y0, 3, { rtol: 1e-6, atol: 1e-9, dense: true }).dense!;
    expect([still.tMin, still.tMax, still.steps]).toEqual([3, 3, 0]);
    expect(Array.from(still.ts)).toEqual([3]);
    expect(Array.from(still.evaluate(3))).toEqual(Array.from(y0));
  });
});
