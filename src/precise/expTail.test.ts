import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { agreeingDigits } from './agreeingDigits.js';
import { decimalContext } from './decimalContext.js';
import { expTail } from './expTail.js';

/** Reference: exp minus the polynomial, with 2 |log10 x| + 80 digits to absorb the cancellation. */
function reference(x: string, order: 1 | 2): Decimal {
  const H = Decimal.clone({ precision: 80 + 2 * Math.ceil(Math.abs(Math.log10(Math.abs(Number(x))))) });
  const e = H.exp(x).minus(1);
  return order === 1 ? e : e.minus(x);
}

describe('expTail', () => {
  const D = decimalContext(60);
  for (const x of ['1e-100', '-3.7e-45', '1e-7', '-0.001', '0.4999', '-0.5', '0.5000001', '-2', '3', '40', '-700']) {
    for (const order of [1, 2] as const) {
      test(`order ${order}, x = ${x}: >= 58 digits at precision 60`, () => {
        expect(agreeingDigits(expTail(D, new D(x), order), reference(x, order))).toBeGreaterThanOrEqual(58);
      });
    }
  }

  test('exact zero at x = 0; sign follows the tail', () => {
    expect(expTail(D, new D(0), 2).isZero()).toBe(true);
    expect(expTail(D, new D('-1e-3'), 1).isNegative()).toBe(true);
    expect(expTail(D, new D('-1e-3'), 2).isPositive()).toBe(true);
  });
});
