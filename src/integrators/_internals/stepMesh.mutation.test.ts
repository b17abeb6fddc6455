import { describe, expect, test } from 'vitest';
import { NegativeGramOperator } from '../NegativeGramOperator.js';
import type { StepData } from './exponentialInterpolant.js';
import { modalEnergy, stepMesh } from './stepMesh.js';

/** An operator with eigenvalues `lambdas` (ascending): B = diag(sqrt(lambda)). */
function operator(lambdas: readonly number[]): NegativeGramOperator {
  const r = lambdas.length;
  const B = new Float64Array(r * r);
  lambdas.forEach((l, i) => {
    B[i * r + i] = Math.sqrt(l);
  });
  return new NegativeGramOperator(B, r, r);
}
const step = (lambdas: readonly number[], t: number, h: number): StepData => ({ t, h, op: operator(lambdas) }) as unknown as StepData;

/**
 * The documented rule, written out: per mode with lambda > 0 and energy E = w^2 / (2 lambda^2) > 0,
 * c = max(0.05, 0.5 (rtol scale / (5e-7 E))^(1/7)); modes with lambda h > c are fast; each interval is the smallest
 * of (c / lambda) e^(2 lambda tau / 7) over the fast modes; at most 200 points, all before h (1 - 1e-9).
 */
function rule(d: StepData, md: Float64Array, rtol: number, scale: number): number[] {
  const lambdas = Array.from(d.op.lambda);
  const modes = lambdas.flatMap((l, r) => {
    const energy = md[r]! ** 2 / (2 * l * l);
    if (!(l > 0 && energy > 0)) return [];
    const c = Math.max(0.05, 0.5 * ((rtol * scale) / (5e-7 * energy)) ** (1 / 7));
    return l * d.h > c ? [{ l, c }] : [];
  });
  const points: number[] = [];
  if (modes.length === 0) return points;
  let tau = 0;
  while (points.length < 200) {
    tau += Math.min(...modes.map((m) => (m.c / m.l) * Math.exp((2 / 7) * m.l * tau)));
    if (tau >= d.h * (1 - 1e-9)) break;
    points.push(d.t + tau);
  }
  return points;
}

describe('modalEnergy', () => {
  test('sums w^2 / (2 lambda^2) over the modes with lambda > 0', () => {
    expect(modalEnergy(Float64Array.of(0, 2, 4), Float64Array.of(5, 2, 4))).toBe(0.5 + 0.5);
    expect(modalEnergy(Float64Array.of(0, 0), Float64Array.of(1, 1))).toBe(0);
    expect(modalEnergy(Float64Array.of(3), Float64Array.of(-6))).toBe(2);
  });
});

describe('stepMesh', () => {
  test('one relaxing mode: the documented widths, strictly inside the step, increasing', () => {
    const lambda = 4;
    const w = 2; // energy w^2 / (2 lambda^2) = 1/8
    const [t, h, rtol, scale] = [3, 10, 1e-6, 1];
    const d = step([lambda], t, h);
    const points = stepMesh(d, Float64Array.of(w), rtol, scale);
    const expected = rule(d, Float64Array.of(w), rtol, scale);
    expect(expected.length).toBeGreaterThan(3);
    expect([...points]).toEqual(expected);
    expect(points.every((p, i) => p > t && p < t + h && (i === 0 || p > points[i - 1]!))).toBe(true);
  });

  test('two modes: each interval is the narrower of the two rules', () => {
    const [t, h, rtol, scale] = [0, 50, 1e-8, 2];
    const lambdas = [0.5, 20];
    const md = Float64Array.of(0.3, 5);
    const d = step(lambdas, t, h);
    const points = stepMesh(d, md, rtol, scale);
    const expected = rule(d, md, rtol, scale);
    // both modes are fast for this step, and each sets some of the intervals
    const alone = [0, 1].map((r) =>
      rule(
        d,
        Float64Array.from(md, (v, k) => (k === r ? v : 0)),
        rtol,
        scale,
      ),
    );
    expect(alone.every((pts) => pts.length > 0 && pts.length < expected.length)).toBe(true);
    expect([...points]).toEqual(expected);
  });

  test('no points when no mode is fast for the step, has no energy, or has lambda = 0', () => {
    expect(stepMesh(step([4], 0, 0.01), Float64Array.of(2), 1e-6, 1)).toEqual([]); // lambda h below c
    expect(stepMesh(step([4], 0, 10), Float64Array.of(0), 1e-6, 1)).toEqual([]); // no energy
    expect(stepMesh(step([0, 4], 0, 10), Float64Array.of(5, 0), 1e-6, 1)).toEqual([]); // only the null mode moves
  });

  test('no sliver interval: a point within 1e-9 h of the step end is dropped', () => {
    // c = 0.05 (clamped), lambda = 4: the first width is 0.0125, which lies in [h (1 - 1e-9), h) for this h
    const h = 0.0125 * (1 + 5e-10);
    const d = step([4], 0, h);
    expect(4 * h).toBeGreaterThan(0.05); // the mode is fast for the step
    expect(stepMesh(d, Float64Array.of(1e6), 1e-12, 1e-12)).toEqual([]);
  });

  test('a mode with little energy against the scale gets wider intervals (fewer points)', () => {
    const many = stepMesh(step([4], 0, 10), Float64Array.of(2), 1e-6, 1).length;
    const few = stepMesh(step([4], 0, 10), Float64Array.of(2), 1e-6, 1e6).length;
    expect(few).toBeLessThan(many);
    expect(few).toBeGreaterThan(0);
  });

  test('at most 200 points per step (four well separated fast modes), the smallest width 0.05 / lambda', () => {
    // huge energies against the scale: every c is clamped at 0.05; each mode alone would add about 7 / (2 c) = 70 points
    const d = step([1, 1e2, 1e4, 1e6], 0, 1e3);
    const md = Float64Array.of(1e6, 1e8, 1e10, 1e12);
    const points = stepMesh(d, md, 1e-12, 1e-12);
    expect(points.length).toBe(200);
    expect(points[0]).toBe(0.05 / d.op.lambda[3]!);
    expect([...points]).toEqual(rule(d, md, 1e-12, 1e-12));
  });
});
