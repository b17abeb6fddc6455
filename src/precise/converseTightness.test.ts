import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { converseTightness } from './converseTightness.js';
import { PreciseConverse } from './PreciseConverse.js';

test('the converse ratio E / (min(kappa, 1) sqrt(R0)) is smallest at kappa = 1, about 0.41 > 1/5', () => {
  const { minRatio, atKappa } = converseTightness({ gridPoints: 61 }); // the default 241-point run is in properties/
  expect(minRatio).toBeGreaterThan(1 / 5);
  expect(minRatio).toBeGreaterThanOrEqual(0.35);
  expect(minRatio).toBeLessThanOrEqual(0.5);
  expect(Math.abs(Math.log10(atKappa))).toBeLessThan(1e-9);
  // At the kink the ratio is E(kappa = 1) / sqrt(R0) = sqrt(2) D(2 sqrt(2)), independently of the search.
  const atOne = new PreciseConverse({ alpha: 1, T: 1, lip: 1, R0: 1 }).E.toNumber();
  expect(minRatio).toBeCloseTo(atOne, 12);
  expect(new Decimal(atOne).toFixed(4)).toBe('0.4094');
});

test('constraints are checked', () => {
  expect(() => converseTightness({ minKappa: 10, maxKappa: 1 })).toThrow('maxKappa=1 must be > minKappa=10');
  expect(() => converseTightness({ gridPoints: 2 })).toThrow('gridPoints=2 must be an integer in [3, 1000000]');
});
