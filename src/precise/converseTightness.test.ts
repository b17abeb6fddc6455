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

/** E / (min(kappa, 1) sqrt(R0)) at one kappa, by the closed form at 20 digits (the search's own accuracy). */
const ratioAt = (kappa: number): number => new PreciseConverse({ alpha: 1, T: 1, lip: kappa, R0: 1 }, { digits: 20 }).E.toNumber() / Math.min(kappa, 1);

test('the golden-section refinement finds the kink at kappa = 1 when no grid point lies on it', () => {
  // 60 points over [1e-3, 1e3]: log10 kappa = -3 + 6 i / 59, never 0. The best grid point is ~0.05 decades off.
  const { minRatio, atKappa } = converseTightness({ gridPoints: 60 });
  expect(Math.abs(Math.log10(atKappa))).toBeLessThan(1e-9);
  expect(minRatio).toBeCloseTo(ratioAt(1), 9);
  expect(minRatio).toBeLessThan(Math.min(ratioAt(10 ** (-3 + (6 * 29) / 59)), ratioAt(10 ** (-3 + (6 * 30) / 59))));
});

test('a minimum at an end of the range stays at that end, inside [minKappa, maxKappa]', () => {
  // kappa >= 1: the ratio E / sqrt(R0) increases with kappa, so the minimum is minKappa.
  const low = converseTightness({ minKappa: 2, maxKappa: 50, gridPoints: 5 });
  expect(low.atKappa).toBeGreaterThanOrEqual(2 * (1 - 1e-12));
  expect(low.atKappa).toBeCloseTo(2, 9);
  expect(low.minRatio).toBeLessThanOrEqual(ratioAt(2) * (1 + 1e-15));
  expect(low.minRatio).toBeCloseTo(ratioAt(2), 12);
  // kappa < 1: E / kappa decreases with kappa, so the minimum is maxKappa.
  const high = converseTightness({ minKappa: 0.01, maxKappa: 0.5, gridPoints: 5 });
  expect(high.atKappa).toBeLessThanOrEqual(0.5 * (1 + 1e-12));
  expect(high.atKappa).toBeCloseTo(0.5, 9);
  expect(high.minRatio).toBeCloseTo(ratioAt(0.5), 12);
});

test('every constraint is validated by name', () => {
  expect(() => converseTightness({ minKappa: 0 })).toThrow('minKappa=0 must be a finite number > 0');
  expect(() => converseTightness({ maxKappa: -1 })).toThrow('maxKappa=-1 must be a finite number > 0');
  expect(() => converseTightness({ minKappa: 3, maxKappa: 3 })).toThrow('maxKappa=3 must be > minKappa=3');
  expect(() => converseTightness({ digits: 0 })).toThrow('digits=0 must be an integer in [1, 1000]');
});
