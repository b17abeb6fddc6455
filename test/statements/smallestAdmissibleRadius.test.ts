import { expect, test } from 'vitest';
import { NtkInputError } from '../../src/errors/NtkInputError.js';
import { smallestAdmissibleRadius } from '../../src/statements/smallestAdmissibleRadius.js';

test('the smallest rho with T Lip(h; rho) s <= alpha rho, for an affine Lip(h; rho) = L0 + c rho', () => {
  // T (L0 + c rho) s = alpha rho  <=>  rho = T L0 s / (alpha - T c s).
  const rho = smallestAdmissibleRadius((r) => 2 + 0.5 * r, 1, 3, 4) as number; // 6 / (4 - 1.5) = 2.4
  expect(rho).toBeGreaterThanOrEqual(2.4);
  expect(rho).toBeCloseTo(2.4, 14);
  expect(smallestAdmissibleRadius(() => 2, 1, 3, 4)).toBeCloseTo(1.5, 14); // constant Lip(h): rho = T L s / alpha
});

test('no admissible radius: Lip(h) grows too fast, or overflows (NtkInputError) on every ball that would do', () => {
  expect(smallestAdmissibleRadius((r) => 1 + r, 1, 2, 1)).toBeUndefined(); // T c s = 2 > alpha = 1
  const overflowing = (r: number): number => {
    if (r > 1) throw new NtkInputError('lipH', Infinity, 'finite');
    return 1;
  };
  expect(smallestAdmissibleRadius(overflowing, 1, 10, 1)).toBeUndefined();
  expect(smallestAdmissibleRadius(overflowing, 1, 0.5, 1)).toBeCloseTo(0.5, 14);
  expect(() =>
    smallestAdmissibleRadius(
      () => {
        throw new RangeError('bug');
      },
      1,
      1,
      1,
    ),
  ).toThrow(RangeError);
});

test('a zero time or a zero scale s admits the tiniest ball', () => {
  for (const [T, s] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const rho = smallestAdmissibleRadius(() => 3, T, s, 1) as number;
    expect(rho >= 0 && rho <= Number.MIN_VALUE).toBe(true);
  }
});
