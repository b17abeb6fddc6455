import { expect, test } from 'vitest';
import { converseTightness } from './converseTightness.js';
import { PreciseConverse } from './PreciseConverse.js';

/** E / (min(kappa, 1) sqrt(R0)) at one kappa, by the closed form at `digits` digits. */
const ratioAt = (kappa: number, digits = 20): number =>
  new PreciseConverse({ alpha: 1, T: 1, lip: kappa, R0: 1 }, { digits }).E.toNumber() / Math.min(kappa, 1);

test('each evaluation of E is made at the digits asked for: at 2 digits the minimum ratio is E(kappa = 1) to 2 digits, 0.41', () => {
  // On [1, 10] the ratio is E / sqrt(R0) itself, increasing in kappa: the minimum is at kappa = 1, 0.4094 to 4 digits.
  const { minRatio, atKappa } = converseTightness({ minKappa: 1, maxKappa: 10, gridPoints: 3, digits: 2 });
  expect(minRatio).toBe(0.41);
  expect(minRatio).toBe(ratioAt(1, 2));
  expect(ratioAt(1, 20)).toBeCloseTo(0.4094, 4);
  expect(atKappa).toBeGreaterThanOrEqual(1);
});

test('a coarse grid (4 points over [1e-3, 1e3]: none within 0.9 decades of the kink) is refined to the kink by golden section', () => {
  // Grid log10 kappa = -3, -1, 1, 3: the best grid point is kappa = 0.1 or 10, with a ratio far above the minimum.
  const { minRatio, atKappa } = converseTightness({ gridPoints: 4 });
  expect(Math.abs(Math.log10(atKappa))).toBeLessThan(1e-9);
  expect(minRatio).toBeCloseTo(ratioAt(1), 12);
  expect(minRatio).toBeLessThan(Math.min(ratioAt(0.1), ratioAt(10)) - 0.05);
});
