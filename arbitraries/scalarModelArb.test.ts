import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { scalarModelArb } from './scalarModelArb.js';

describe('scalarModelArb', () => {
  it('defaults: |a|, |b| in [1e-3, 1e3] with both signs, w0 in [-1, 1]', () => {
    const models = fc.sample(scalarModelArb(), { numRuns: 200, seed: 4 });
    for (const m of models) {
      expect(Math.abs(m.a) >= 1e-3 && Math.abs(m.a) <= 1e3 && Math.abs(m.b) >= 1e-3 && Math.abs(m.b) <= 1e3).toBe(true);
      expect(Math.abs(m.w0[0] as number)).toBeLessThanOrEqual(1);
      expect(m.converse).toBeUndefined();
    }
    for (const key of ['a', 'b'] as const) {
      expect(models.some((m) => m[key] < 0) && models.some((m) => m[key] > 0)).toBe(true);
      expect(models.some((m) => Math.abs(m[key]) < 1e-1) && models.some((m) => Math.abs(m[key]) > 10)).toBe(true);
    }
  });

  it('converse: a = 1/sqrt(T), b = lip >= 0, w0 = 0, with T and lip in their ranges', () => {
    fc.assert(
      fc.property(scalarModelArb({ converse: true, T: { min: 1e-2, max: 1e2 }, b: { min: 0.5, max: 2 } }), (m) => {
        const c = m.converse!;
        expect(c.T >= 1e-2 && c.T <= 1e2 && c.lip >= 0.5 && c.lip <= 2).toBe(true);
        expect([m.a, m.b, m.w0[0]]).toEqual([1 / Math.sqrt(c.T), c.lip, 0]);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects impossible ranges', () => {
    expect(() => scalarModelArb({ a: { min: -1, max: 1 } })).toThrow(/^scalarModelArb\.constraints\.a\.min=-1 must be a finite number > 0/);
    expect(() => scalarModelArb({ w0: { min: 1, max: -1 } })).toThrow(NtkInputError);
    expect(() => scalarModelArb({ T: { min: 0, max: 1 }, converse: true })).toThrow(/^scalarModelArb\.constraints\.T\.min=0/);
  });
});
