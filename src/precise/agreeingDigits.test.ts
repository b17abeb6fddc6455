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
