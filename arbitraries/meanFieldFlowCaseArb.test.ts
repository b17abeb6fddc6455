import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gram, norm2 } from '../src/linalg/dense.js';
import { opNorm } from '../src/linalg/opNorm.js';
import { meanFieldFlowCaseArb } from './meanFieldFlowCaseArb.js';

describe('meanFieldFlowCaseArb', () => {
  it('symmetric nets (h(w0) = 0), |y*|^2 / 2 = R0 in range, T within the cost and radius limits, all directions', () => {
    const cases = fc.sample(meanFieldFlowCaseArb(), { numRuns: 80, seed: 5 });
    for (const { instance, family } of cases) {
      const { model, yStar, alpha, T } = instance;
      const R0 = 0.5 * norm2(yStar) ** 2;
      expect(family).toBe('meanField');
      expect(model.value(model.w0).every((h) => h === 0)).toBe(true);
      expect(R0 >= 1e-6 * (1 - 1e-12) && R0 <= 1e2 * (1 + 1e-12)).toBe(true);
      expect(Math.sqrt(T * R0) / alpha).toBeLessThanOrEqual(10 * (1 + 1e-12));
      expect(T * opNorm(gram(model.jacobian(model.w0), model.n, model.p), model.n, model.n)).toBeLessThanOrEqual(100 * (1 + 1e-12));
      expect(T >= 1e-3 * (1 - 1e-12) && T <= 1e4).toBe(true);
    }
    expect(new Set(cases.map((c) => c.direction))).toEqual(new Set(['random', 'top', 'bottom']));
    expect(cases.some((c) => c.instance.T < c.instance.alpha) && cases.some((c) => c.instance.T > c.instance.alpha)).toBe(true);
  });
});
