import { expect, test } from 'vitest';
import { smallestAdmissibleRadius } from '../../src/statements/smallestAdmissibleRadius.js';

const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

test('the equality T Lip(h; rho) s = alpha rho is admissible: a constant Lip(h) returns its rho = 0 estimate exactly', () => {
  expect(smallestAdmissibleRadius(() => 2, 1, 3, 4)).toBe(1.5); // T L s / alpha = 6 / 4
  expect(smallestAdmissibleRadius(() => 3, 1, 1, 1e6)).toBe(3 / 1e6);
});

test('the documented relative accuracy 1e-18 (to the last float) holds for small radii far from the search start', () => {
  // Constant Lip(h) = 3, alpha = 1e6: the answer is 3e-6; affine Lip(h) = 1e-10 + 0.3 rho: rho = 1e-10 / 0.7.
  const constant = smallestAdmissibleRadius(() => 3, 1, 1e-3, 7e5) as number;
  expect(rel(constant, 3e-3 / 7e5)).toBeLessThan(1e-15);
  const affine = smallestAdmissibleRadius((r) => 1e-10 + 0.3 * r, 1, 1, 1) as number;
  expect(rel(affine, 1e-10 / 0.7)).toBeLessThan(1e-15);
  expect(1e-10 + 0.3 * affine).toBeLessThanOrEqual(affine); // admissible
});

test('rho = 1e300 itself is still searched (undefined only when no rho up to 1e300 is admissible)', () => {
  // Lip(h; 0) = 2.5e299, Lip(h; rho) = 1e300 for rho > 0: doubling from 2.5e299 reaches 1e300 exactly, admissible.
  const step = (r: number): number => (r === 0 ? 1e300 / 4 : 1e300);
  expect(smallestAdmissibleRadius(step, 1, 1, 1)).toBe(1e300);
});

test('an error other than NtkInputError from Lip(h) on a ball is not taken for inadmissibility: it propagates', () => {
  const failing = (r: number): number => {
    if (r > 0) throw new RangeError('bug in Lip(h)');
    return 1;
  };
  expect(() => smallestAdmissibleRadius(failing, 1, 1, 1)).toThrow(RangeError);
});
