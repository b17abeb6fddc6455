import { Decimal } from 'decimal.js';
import { expect, test } from 'vitest';
import { NtkInputError } from '../errors/NtkInputError.js';
import { decimalContext } from './decimalContext.js';
import { readDecimal } from './DecimalInput.js';

const D = decimalContext(5);

test('numbers, strings and Decimals are read exactly (never rounded to the context precision)', () => {
  expect(readDecimal('x', 0.1, D).toString()).toBe('0.1');
  expect(readDecimal('x', ' 1.234567890123456789 ', D).toString()).toBe('1.234567890123456789');
  expect(readDecimal('x', new Decimal('1e-400'), D, 'positive').toString()).toBe('1e-400');
  expect(readDecimal('x', -0, D, 'nonNegative').isNeg()).toBe(false);
  expect(readDecimal('x', '7', D)).toBeInstanceOf(D);
});

test('bad values throw NtkInputError name=value must be ...', () => {
  expect(() => readDecimal('x', 'abc', D)).toThrow('x="abc" must be a finite number');
  expect(() => readDecimal('x', Number.NaN, D)).toThrow('x=NaN must be a finite number');
  expect(() => readDecimal('x', new Decimal(-2), D, 'positive')).toThrow('x=-2 must be a finite number > 0');
  expect(() => readDecimal('x', '-1e-9', D, 'nonNegative')).toThrow('x="-1e-9" must be a finite number >= 0');
  expect(() => readDecimal('x', new Decimal(Infinity), D)).toThrow(NtkInputError);
  expect(() => readDecimal('x', null, D)).toThrow('x=null must be a finite number');
});

test('-0 reads as 0 under every requirement; infinite strings are rejected; Decimals show as their text when not a double', () => {
  for (const requirement of ['finite', 'nonNegative'] as const) expect(readDecimal('x', -0, D, requirement).isNeg()).toBe(false);
  expect(readDecimal('x', -0, D).isNeg()).toBe(false);
  expect(() => readDecimal('x', 'Infinity', D)).toThrow('x="Infinity" must be a finite number');
  expect(() => readDecimal('x', '-Infinity', D, 'nonNegative')).toThrow(NtkInputError);
  expect(() => readDecimal('x', new Decimal('-1e-400'), D, 'nonNegative')).toThrow('x="-1e-400" must be a finite number >= 0');
});
