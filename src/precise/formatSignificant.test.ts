import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { formatSignificant } from './formatSignificant.js';

test('exactly D significant digits, in the notation Number#toPrecision would choose', () => {
  const cases: [string, number][] = [
    ['2', 4],
    ['0.40935530252', 4],
    ['123456', 3],
    ['1e21', 3],
    ['1e20', 25],
    ['0.000001234', 2],
    ['1.234e-7', 2],
    ['-5.4134113294645e-41', 5],
    ['0.9999', 3],
    ['99.96', 3],
    ['0', 3],
    ['-0', 2],
    ['1', 1],
    ['1000', 3],
    ['45678', 4],
    ['999.6', 3], // exponent = digits after rounding: exponential notation
  ];
  for (const [value, digits] of cases) {
    expect([value, digits, formatSignificant(new Decimal(value), digits)]).toEqual([
      value,
      digits,
      Number(value)
        .toPrecision(digits)
        .replace(/^-0(\.0*)?$/, '0$1'),
    ]);
  }
});

test("many digits, independent of the constructor's own toExpNeg/toExpPos; round-trips through Decimal", () => {
  const D = Decimal.clone({ precision: 60, toExpNeg: -1, toExpPos: 1 });
  const x = new D(2).sqrt().times('1e-30');
  const text = formatSignificant(x, 50);
  expect(text).toMatch(/^1\.4142135623730950488016887242096980785696718753769e-30$/);
  expect(formatSignificant(new D('12.5'), 5)).toBe('12.500');
  expect(new D(text).toSignificantDigits(50).eq(x.toSignificantDigits(50))).toBe(true);
});

test('rejects bad digits and non-finite values', () => {
  expect(() => formatSignificant(new Decimal(1), 0)).toThrow('digits=0 must be an integer in [1, 1000]');
  expect(() => formatSignificant(new Decimal(Number.NaN), 3)).toThrow('x="NaN" must be a finite Decimal');
});
