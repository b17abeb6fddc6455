/** ExponentialCoefficients.copyPhis and phiFunctions' argument checks (what the stepper's dense output relies on). */
import { describe, expect, test } from 'vitest';
import { ExponentialCoefficients } from './ExponentialCoefficients.js';
import { exponentialMethodFloat } from './exponentialMethodFloat.js';
import { exponentialMethods } from './exponentialMethods/index.js';
import { MAX_PHI, phiFunctions } from './phiFunctions.js';

const method = exponentialMethodFloat(exponentialMethods.zb43);
const lambda = Float64Array.of(0, 0.3, 2.5, 40);
const h = 0.7;

describe('copyPhis', () => {
  const co = new ExponentialCoefficients(method, lambda.length);
  co.update(h, lambda);
  test('gamma = 1: phi_0..phi_(count-1)(-h lambda_r), row by row, as phiFunctions computes them', () => {
    for (const count of [1, 3, method.kMax + 2]) {
      const out = new Float64Array(lambda.length * count).fill(Number.NaN);
      expect(co.copyPhis(1, count, out)).toBe(out);
      lambda.forEach((l, r) => {
        const phis = phiFunctions(-h * l, count - 1);
        for (let k = 0; k < count; k++) expect(out[r * count + k]).toBeCloseTo(phis[k]!, 14);
      });
    }
  });
  test('an unknown gamma or too many functions: RangeError naming both', () => {
    const out = new Float64Array(64);
    expect(() => co.copyPhis(0.123, 2, out)).toThrow(new RangeError('no phi table for gamma=0.123, count=2'));
    expect(() => co.copyPhis(1, method.kMax + 3, out)).toThrow(`no phi table for gamma=1, count=${method.kMax + 3}`);
  });
});

describe('phiFunctions: arguments', () => {
  test('z must be finite; kMax an integer in [0, MAX_PHI] (0 included: phi_0 = e^z only)', () => {
    expect(() => phiFunctions(Number.NaN, 2)).toThrow('z=NaN must be a finite number');
    expect(() => phiFunctions(Number.POSITIVE_INFINITY, 2)).toThrow('z=Infinity must be a finite number');
    expect(() => phiFunctions(0.5, -1)).toThrow(`kMax=-1 must be an integer in [0, ${MAX_PHI}]`);
    expect(() => phiFunctions(0.5, MAX_PHI + 1)).toThrow(`kMax=${MAX_PHI + 1} must be an integer in [0, ${MAX_PHI}]`);
    expect(() => phiFunctions(0.5, 1.5)).toThrow('kMax=1.5');
    const out = Float64Array.of(Number.NaN, 7);
    expect(Array.from(phiFunctions(0.5, 0, out))).toEqual([Math.exp(0.5), 7]);
  });
});
