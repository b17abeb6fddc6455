import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NtkInputError } from '../src/errors/NtkInputError.js';
import { logUniform } from './logUniform.js';

/** The shrunk counterexample of a property that fails on every value. */
function shrunk(arb: fc.Arbitrary<number>): number {
  const result = fc.check(
    fc.property(arb, () => false),
    { seed: 1 },
  );
  return (result.counterexample as [number])[0];
}

describe('logUniform', () => {
  it('stays in [min, max], hits both ends, and spreads evenly over the decades', () => {
    const samples = fc.sample(logUniform(1e-3, 1e4), { numRuns: 4000, seed: 42 });
    expect(samples.every((x) => x >= 1e-3 && x <= 1e4)).toBe(true);
    const decades = new Array<number>(7).fill(0);
    for (const x of samples) decades[Math.min(6, Math.floor(Math.log10(x) + 3))]! += 1;
    for (const count of decades) expect(count / samples.length).toBeGreaterThan(0.07); // 1/7 = 0.14 if exactly even
    expect(fc.sample(logUniform(1e-3, 1e4), { numRuns: 4000, seed: 7 }).some((x) => x === 1e-3 || x === 1e4)).toBe(true);
  });

  it('shrinks towards 1, or towards the end nearest 1', () => {
    expect(shrunk(logUniform(1e-3, 1e4))).toBe(1);
    expect(shrunk(logUniform(10, 100))).toBe(10);
    expect(shrunk(logUniform(1e-5, 1e-2))).toBe(1e-2);
    expect(fc.sample(logUniform(3, 3), 5)).toEqual([3, 3, 3, 3, 3]);
  });

  it.each([
    [0, 1, /^logUniform\.min=0 must be a finite number > 0/],
    [2, 1, /^logUniform\.max=1 must be >= logUniform\.min=2/],
    [1, Infinity, /^logUniform\.max=Infinity must be a finite number/],
  ])('rejects [%s, %s]', (min, max, message) => {
    expect(() => logUniform(min, max)).toThrow(NtkInputError);
    expect(() => logUniform(min, max)).toThrow(message);
  });
});
