import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';
import { certifiedRound } from './certifiedRound.js';
import { decimalContext } from './decimalContext.js';

describe('certifiedRound (Ziv)', () => {
  test('rounds to the result precision and reports the precisions it needed', () => {
    const seen: number[] = [];
    const R = decimalContext(10);
    const out = certifiedRound(R, (p) => {
      seen.push(p);
      return { third: { value: decimalContext(p).div(1, 3) } };
    });
    expect(out.third.toString()).toBe('0.3333333333');
    expect(out.third).toBeInstanceOf(R);
    expect(seen).toEqual([30]);
  });

  test('a value whose interval straddles a rounding boundary is recomputed at higher precision', () => {
    // 1/8 + 10^-25 at 3 digits: 0.125 exactly would be a tie; the true value rounds up.
    const seen: number[] = [];
    const out = certifiedRound(decimalContext(2), (p) => {
      seen.push(p);
      const D = decimalContext(p);
      return { x: { value: new D('0.125').plus(new D(10).pow(-25)), lostDigits: 0 } };
    });
    expect(out.x.toString()).toBe('0.13');
    expect(seen.length).toBe(2);
  });

  test('lost digits raise the working precision; an exact tie ends faithful after the last attempt', () => {
    const seen: number[] = [];
    certifiedRound(decimalContext(50), (p) => {
      seen.push(p);
      return { x: { value: decimalContext(p).div(2, 7), lostDigits: 40 } };
    });
    expect(seen).toEqual([70, 140]);
    expect(certifiedRound(decimalContext(1), () => ({ x: { value: new Decimal('0.15') } })).x.toString()).toBe('0.2');
  });

  test('non-finite values and unrecoverable cancellation throw NtkPrecisionError', () => {
    expect(() => certifiedRound(decimalContext(5), () => ({ x: { value: new Decimal(Infinity) } }))).toThrow(NtkPrecisionError);
    expect(() => certifiedRound(decimalContext(5), (p) => ({ x: { value: decimalContext(p).div(1, 3), lostDigits: Infinity } }))).toThrow(NtkPrecisionError);
  });
});
