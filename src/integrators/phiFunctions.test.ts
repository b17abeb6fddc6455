import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { MAX_PHI, phiFunctions } from './phiFunctions.js';

const D = Decimal.clone({ precision: 120 });

/** phi_k(z) = (e^z - sum_{j<k} z^j / j!) / z^k at 120 digits (enough for the cancellation at |z| >= 1e-3). */
function reference(z: number, k: number): number {
  const x = new D(z);
  if (x.isZero()) return 1 / [1, 1, 2, 6, 24, 120, 720, 5040, 40320][k]!;
  let partial = new D(0);
  let term = new D(1);
  for (let j = 0; j < k; j++) {
    partial = partial.plus(term);
    term = term.times(x).div(j + 1);
  }
  return x.exp().minus(partial).div(x.pow(k)).toNumber();
}

describe('phiFunctions', () => {
  const zs = [0, 1e-3, -1e-3, -0.3, 0.7, -0.999, -1, -1.001, -2.5, -3.5, -6.9, -7.1, -20, -100, -745, -1e4, 2, 5, 30];
  test.each(zs)('z = %s: phi_0..phi_8 within 4e-15 relative of decimal.js', (z) => {
    const out = phiFunctions(z, MAX_PHI);
    for (let k = 0; k <= MAX_PHI; k++) {
      const exact = reference(z, k);
      const rel = exact === 0 ? Math.abs(out[k]!) : Math.abs(out[k]! - exact) / Math.abs(exact);
      expect(rel, `phi_${k}(${z})`).toBeLessThan(4e-15);
    }
  });

  test('phi_k(0) = 1/k! exactly and the recurrence phi_k = 1/k! + z phi_(k+1) holds', () => {
    expect(Array.from(phiFunctions(0, 4))).toEqual([1, 1, 0.5, 1 / 6, 1 / 24]);
    for (const z of [-0.5, -3, -40]) {
      const p = phiFunctions(z, 5);
      for (let k = 0; k < 5; k++) expect(p[k]! - [1, 1, 0.5, 1 / 6, 1 / 24][k]! - z * p[k + 1]!).toBeCloseTo(0, 14);
    }
  });

  test('writes into out without allocating, and rejects bad input', () => {
    const out = new Float64Array(3);
    expect(phiFunctions(-1, 2, out)).toBe(out);
    expect(() => phiFunctions(Number.NaN, 2)).toThrow(NtkInputError);
    expect(() => phiFunctions(-1, MAX_PHI + 1)).toThrow(NtkInputError);
    expect(() => phiFunctions(-1, 1.5)).toThrow(NtkInputError);
  });
});
