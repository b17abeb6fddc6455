import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { quadraticModelArb, type QuadraticModelConstraints } from './quadraticModelArb.js';

const within = (x: number, range: { min: number; max: number }) => x >= range.min * (1 - 1e-9) && x <= range.max * (1 + 1e-9);

describe('quadraticModelArb', () => {
  it('defaults: 1 <= n <= 8, 1 <= p <= 32, finite data, symmetric Q, unit-scale entries', () => {
    const models = fc.sample(quadraticModelArb(), { numRuns: 60, seed: 5 });
    for (const model of models) {
      expect(model.n >= 1 && model.n <= 8 && model.p >= 1 && model.p <= 32).toBe(true);
      expect(model.lipDhIsExact).toBe(false);
      const { p, Q } = model;
      for (const x of [...model.h0, ...model.G, ...Q, ...model.w0]) expect(Math.abs(x)).toBeLessThanOrEqual(Math.sqrt(3));
      for (let k = 0; k < model.n; k++) for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) expect(Q[(k * p + i) * p + j]).toBe(Q[(k * p + j) * p + i]);
    }
    expect(new Set(models.map((m) => m.p)).size).toBeGreaterThan(10);
    const entries = models.flatMap((m) => Array.from(m.G));
    expect(entries.reduce((s, g) => s + g * g, 0) / entries.length).toBeGreaterThan(0.5); // variance 1, not fc.double's tiny values
  });

  it('respects explicit sizes and the log-uniform ||G|| and Lip(Dh) scales, general and structured', () => {
    const gNorm = { min: 1e-2, max: 1e2 };
    const lipDh = { min: 1e-3, max: 1e3 };
    for (const structured of [false, true]) {
      fc.assert(
        fc.property(quadraticModelArb({ minN: 2, maxN: 3, minP: 4, maxP: 5, structured, gNorm, lipDh }), (model) => {
          expect(model.n >= 2 && model.n <= 3 && model.p >= 4 && model.p <= 5).toBe(true);
          expect(model.lipDhIsExact).toBe(structured);
          expect(within(model.lipH(0), gNorm)).toBe(true);
          expect(within(model.lipDh(Infinity), lipDh)).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
  });

  it.each<[string, QuadraticModelConstraints, RegExp]>([
    ['minN > maxN', { minN: 3, maxN: 2 }, /^quadraticModelArb\.constraints\.maxN=2 must be >= quadraticModelArb\.constraints\.minN=3/],
    ['p = 0', { minP: 0 }, /^quadraticModelArb\.constraints\.minP=0 must be an integer in \[1, 256\]/],
    ['a non-positive scale', { lipDh: { min: 0, max: 1 } }, /^quadraticModelArb\.constraints\.lipDh\.min=0 must be a finite number > 0/],
    ['an inverted scale', { gNorm: { min: 2, max: 1 } }, /^quadraticModelArb\.constraints\.gNorm\.max=1 must be >= /],
  ])('rejects %s', (_label, constraints, message) => {
    expect(() => quadraticModelArb(constraints)).toThrow(NtkInputError);
    expect(() => quadraticModelArb(constraints)).toThrow(message);
  });
});
