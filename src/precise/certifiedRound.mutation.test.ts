import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';
import { certifiedRound } from './certifiedRound.js';
import { decimalContext } from './decimalContext.js';

describe('certifiedRound: exact zeros, and the quantity named when it gives up', () => {
  test('a zero with a finite budget is an exact zero: accepted on the first attempt, however many digits it claims lost', () => {
    const seen: number[] = [];
    // lostDigits = P leaves no good digit at any precision: only the exact-zero rule can accept it.
    const out = certifiedRound(decimalContext(5), (p) => {
      seen.push(p);
      return { z: { value: new Decimal(0), lostDigits: p } };
    });
    expect(out.z.isZero()).toBe(true);
    expect(seen).toEqual([25]);
  });

  test('the cap message names the quantity short of digits, not a later one that merely failed to round uniquely', () => {
    // a: hopelessly short (50 000 lost digits). b (after a): exactly digits + 1 = 6 good digits, a tie at 5 digits,
    // so it is recomputed too, but it is not short of digits.
    const run = () =>
      certifiedRound(decimalContext(5), () => ({
        a: { value: new Decimal('0.25'), lostDigits: 50_000 },
        b: { value: new Decimal('0.123455'), lostDigits: 25 - 5 - 6 },
      }));
    expect(run).toThrow(NtkPrecisionError);
    expect(run).toThrow('a keeps -49980 of 25 digits; would need 50030 working digits');
  });

  test("past 40 000 working digits with no quantity short of digits, the reason is 'rounding'", () => {
    // 20 000 digits asked for: the first attempt runs at 20 020, the second would need 40 040 > 40 000. The value is an
    // exact tie at 20 000 digits (1.000...05), so it never rounds uniquely, yet it always keeps enough good digits.
    const digits = 20_000;
    const tie = new Decimal(`1.${'0'.repeat(digits - 1)}5`);
    const run = () => certifiedRound(decimalContext(digits), () => ({ x: { value: tie } }));
    expect(run).toThrow(NtkPrecisionError);
    expect(run).toThrow(/^precision lost \(20000 digits requested\): rounding; would need 40040 working digits$/);
  });
});
