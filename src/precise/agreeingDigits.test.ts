import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { agreeingDigits } from './agreeingDigits.js';

test('-log10 of the relative difference, computed without rounding', () => {
  const D = Decimal.clone({ precision: 10 });
  expect(agreeingDigits(new D('1.000000000001'), new D(1))).toBeCloseTo(12, 9);
  expect(agreeingDigits(new D(3), new D(3))).toBe(Infinity);
  expect(agreeingDigits(2, new D(1))).toBe(0);
  expect(agreeingDigits(1, new D(0))).toBe(0);
});

test("the difference is exact whatever the reference constructor's precision; 0 against 0 agrees everywhere", () => {
  const D = Decimal.clone({ precision: 5 });
  // x - ref = 1.2345678e-5 needs 8 digits: rounded to 5 it would read 1.2346e-5.
  expect(agreeingDigits(new D('1.000012345678'), new D(1))).toBeCloseTo(-Math.log10(1.2345678e-5), 12);
  expect(agreeingDigits(0, new D(0))).toBe(Infinity);
});
