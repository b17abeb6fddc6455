import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { fitPowerLaw, t975 } from './fitPowerLaw.js';

describe('fitPowerLaw', () => {
  it('recovers an exact exponent with a zero standard error, each group with its own prefactor', () => {
    const xs = [1, 2, 4, 8, 16];
    const fit = fitPowerLaw([xs.map((x) => [x, 3 * x ** -1] as const), xs.map((x) => [x, 0.2 * x ** -1] as const)]);
    expect(fit.slope).toBeCloseTo(-1, 12);
    expect(fit.standardError).toBeLessThan(1e-12);
    expect(fit.groups).toBe(2);
    expect(fit.dof).toBe(10 - 2 - 1);
  });

  it('widens the interval with noise and drops non-positive values', () => {
    const pts = [
      [1, 1.1],
      [2, 3.7],
      [4, 17],
      [8, 60],
      [16, 0],
    ] as const;
    const fit = fitPowerLaw([pts]);
    expect(fit.points).toBe(4);
    expect(fit.slope).toBeGreaterThan(1.5);
    expect(fit.ci95[0]).toBeLessThan(fit.slope);
    expect(fit.ci95[1]).toBeGreaterThan(fit.slope);
  });

  it('refuses a fit without residual degrees of freedom', () => {
    expect(() =>
      fitPowerLaw([
        [
          [1, 1],
          [2, 2],
        ],
      ]),
    ).toThrow(NtkInputError);
  });

  it('t quantiles within 1% from 3 degrees of freedom (Student tables: 3.182, 2.571, 2.228, 2.042)', () => {
    for (const [dof, exact] of [
      [3, 3.182],
      [5, 2.571],
      [10, 2.228],
      [30, 2.042],
    ] as const)
      expect(Math.abs(t975(dof) / exact - 1)).toBeLessThan(0.01);
  });
});
