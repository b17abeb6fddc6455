import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';
import { decimalToNumber } from './decimalToNumber.js';

test('the nearest double; out of range is an NtkPrecisionError, never Infinity or a silent 0', () => {
  expect(decimalToNumber(new Decimal('0.1000000000000000055511151231257827'))).toBe(0.1);
  expect(decimalToNumber(new Decimal('-2.5e-310'))).toBe(-2.5e-310);
  expect(decimalToNumber(new Decimal('-0'))).toBe(0);
  expect(() => decimalToNumber(new Decimal('1e400'))).toThrow(NtkPrecisionError);
  expect(() => decimalToNumber(new Decimal('1e-400'))).toThrow(NtkPrecisionError);
  expect(() => decimalToNumber(new Decimal(Number.NaN))).toThrow(NtkPrecisionError);
});

test('the error says which of the three failures it is', () => {
  expect(() => decimalToNumber(new Decimal(Number.NaN))).toThrow('NaN is not finite');
  expect(() => decimalToNumber(new Decimal(-Infinity))).toThrow('-Infinity is not finite');
  expect(() => decimalToNumber(new Decimal('-2e400'))).toThrow('-2.000000e+400 overflows a double');
  expect(() => decimalToNumber(new Decimal('3e-400'))).toThrow('3.000000e-400 underflows a double');
});
