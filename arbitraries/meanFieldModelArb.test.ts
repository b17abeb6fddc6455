import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { meanFieldModelArb, type MeanFieldModelConstraints } from './meanFieldModelArb.js';

describe('meanFieldModelArb', () => {
  it('defaults: m even in [2, 16], d in [1, 3], n in [1, 4], both activations, h(w0) = 0, weights in Unif[-1/sqrt m, 1/sqrt m]', () => {
    const models = fc.sample(meanFieldModelArb(), { numRuns: 80, seed: 9 });
    for (const model of models) {
      expect(model.m % 2 === 0 && model.m >= 2 && model.m <= 16).toBe(true);
      expect(model.d >= 1 && model.d <= 3 && model.n >= 1 && model.n <= 4).toBe(true);
      expect(model.p).toBe(model.m * (1 + model.d));
      expect(model.w0.every((v) => Math.abs(v) <= 1 / Math.sqrt(model.m))).toBe(true);
      expect(model.x.every((v) => Math.abs(v) <= 1)).toBe(true);
      expect(model.value(model.w0).every((v) => v === 0)).toBe(true);
    }
    expect(new Set(models.map((m) => m.activation.name))).toEqual(new Set(['sigmoid', 'tanh']));
  });

  it('respects explicit ranges, a single activation, the input scale, and independent (non-symmetric) weights', () => {
    fc.assert(
      fc.property(
        meanFieldModelArb({ minM: 3, maxM: 6, minD: 2, maxD: 2, minN: 5, maxN: 5, activations: ['sigmoid'], symmetric: false, inputScale: 10 }),
        (model) => {
          expect([4, 6]).toContain(model.m);
          expect([model.d, model.n, model.activation.name]).toEqual([2, 5, 'sigmoid']);
          expect(model.x.every((v) => Math.abs(v) <= 10)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
    const values = fc.sample(meanFieldModelArb({ symmetric: false }), { numRuns: 30, seed: 2 }).map((m) => Math.max(...Array.from(m.value(m.w0), Math.abs)));
    expect(values.some((v) => v > 0)).toBe(true);
  });

  it.each<[string, MeanFieldModelConstraints, RegExp]>([
    ['no even m in range', { minM: 3, maxM: 3 }, /^meanFieldModelArb\.constraints\.maxM=3 must be such that/],
    ['minD > maxD', { minD: 3, maxD: 1 }, /^meanFieldModelArb\.constraints\.maxD=1 must be >= /],
    ['an unknown activation', { activations: ['relu' as 'tanh'] }, /^meanFieldModelArb\.constraints\.activations\[0\]="relu" must be one of/],
    ['no activation', { activations: [] }, /^meanFieldModelArb\.constraints\.activations=array\(length 0\) must be a non-empty array/],
    ['inputScale = 0', { inputScale: 0 }, /^meanFieldModelArb\.constraints\.inputScale=0 must be a finite number > 0/],
  ])('rejects %s', (_label, constraints, message) => {
    expect(() => meanFieldModelArb(constraints)).toThrow(NtkInputError);
    expect(() => meanFieldModelArb(constraints)).toThrow(message);
  });
});
