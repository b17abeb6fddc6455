import { describe, expect, it } from 'vitest';
import { compact, fixed, scientific, seconds, significant } from '../../src/format/numbers.js';

describe('the number forms of src/format/numbers.ts', () => {
  it('significant keeps exactly `digits` significant digits, trailing zeros included, and spells non-finite values', () => {
    expect(significant(0.5, 4)).toBe('0.5000');
    expect(significant(1234567, 3)).toBe('1.23e+6');
    expect(significant(1.23456e-7, 3)).toBe('1.23e-7');
    expect(significant(Infinity, 4)).toBe('Infinity');
    expect(significant(Number.NaN, 4)).toBe('NaN');
  });

  it('compact drops trailing zeros, writes "-" for a missing or NaN value and inf / -inf', () => {
    expect(compact(0.5)).toBe('0.5');
    expect(compact(2 / 3)).toBe('0.6667');
    expect(compact(12345.678, 3)).toBe('12300');
    expect(compact(undefined)).toBe('-');
    expect(compact(Number.NaN)).toBe('-');
    expect(compact(-Infinity)).toBe('-inf');
  });

  it('scientific is exponent form with two significant digits by default', () => {
    expect(scientific(3.21e-9)).toBe('3.2e-9');
    expect(scientific(0.000123456, 4)).toBe('1.235e-4');
    expect(scientific(Infinity)).toBe('Infinity');
  });

  it('fixed and seconds write a set number of decimals', () => {
    expect(fixed(1.23456, 2)).toBe('1.23');
    expect(fixed(49.6, 0)).toBe('50');
    expect(seconds(12.345)).toBe('12.3 s');
    expect(seconds(0)).toBe('0.0 s');
  });
});
