import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniform } from './uniform.js';

/** The shrunk counterexample of a property that fails on every value. */
function shrunk(arb: fc.Arbitrary<number>): number {
  const result = fc.check(
    fc.property(arb, () => false),
    { seed: 1 },
  );
  return (result.counterexample as [number])[0];
}

describe('uniform', () => {
  it('is uniform on [min, max] (unlike fc.double) and shrinks towards 0', () => {
    const samples = fc.sample(uniform(-3, 4), { numRuns: 4000, seed: 3 });
    expect(samples.every((x) => x >= -3 && x <= 4)).toBe(true);
    const inside = samples.filter((x) => x >= 1).length / samples.length; // 3/7 = 0.43 if exactly uniform
    expect(inside).toBeGreaterThan(0.3);
    expect(shrunk(uniform(-3, 4))).toBe(0);
    expect(shrunk(uniform(2, 4))).toBe(2);
    expect(() => uniform(1, 0)).toThrow(/^uniform\.max=0 must be >= uniform\.min=1/);
  });
});
