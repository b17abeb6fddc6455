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

describe('certifiedRound: the error budget and the attempts', () => {
  /** Run with a fixed value and lostDigits = lost(precision); returns the precisions asked for. */
  const precisionsFor = (digits: number, value: string, lost: (p: number) => number): number[] => {
    const seen: number[] = [];
    certifiedRound(decimalContext(digits), (p) => {
      seen.push(p);
      return { x: { value: new Decimal(value), lostDigits: lost(p) } };
    });
    return seen;
  };

  test('a value is accepted as soon as digits + 1 good digits remain (good = P - 5 - lostDigits)', () => {
    // digits 5, first attempt at 25: 14 lost digits leave 6 good, 15 leave 5.
    expect(precisionsFor(5, '0.25', () => 14)).toEqual([25]);
    expect(precisionsFor(5, '0.25', () => 15)).toEqual([25, 50]);
    expect(precisionsFor(5, '0.25', () => 20)).toEqual([25, 50]);
  });

  test('the next precision is the larger of twice the last and digits + 20 + 5 + lostDigits', () => {
    expect(precisionsFor(5, '0.25', () => 40)).toEqual([25, 70]);
    expect(precisionsFor(5, '0.25', () => 39_970)).toEqual([25, 40_000]); // exactly the cap is allowed
  });

  test('few good digits of a short value: the interval is still rounded correctly', () => {
    // 1 digit, 21 working digits, 14 lost: 2 good digits of the exact 0.2.
    expect(certifiedRound(decimalContext(1), () => ({ x: { value: new Decimal('0.2'), lostDigits: 14 } })).x.toString()).toBe('0.2');
  });

  test('at the last (third) attempt a tie with digits + 1 good digits is rounded faithfully; with digits good ones it throws', () => {
    const tie = (good: number) => {
      const seen: number[] = [];
      const run = () =>
        certifiedRound(decimalContext(1), (p) => {
          seen.push(p);
          return { x: { value: new Decimal('0.15'), lostDigits: p - 5 - good } };
        });
      return { run, seen };
    };
    const faithful = tie(2);
    expect(faithful.run().x.toString()).toBe('0.2');
    expect(faithful.seen).toHaveLength(3);
    const short = tie(1);
    expect(short.run).toThrow(NtkPrecisionError);
    expect(short.seen).toHaveLength(3);
    expect(short.run).toThrow(/x keeps 1 of \d+ digits \(cancellation\)/);
  });

  test('beyond 40 000 working digits it gives up naming the quantity; a non-finite value is named too', () => {
    expect(() => precisionsFor(5, '0.25', () => 50_000)).toThrow(/x keeps -?\d+ of 25 digits; would need 50030 working digits/);
    expect(() => certifiedRound(decimalContext(5), () => ({ y: { value: new Decimal(Number.NaN) } }))).toThrow(/y is not finite at 25 working digits/);
  });

  test('quantities already rounded are kept while the others are recomputed', () => {
    const out = certifiedRound(decimalContext(5), (p) => ({
      easy: { value: decimalContext(p).div(1, 3) },
      hard: { value: decimalContext(p).div(2, 3), lostDigits: p === 25 ? 30 : 0 },
    }));
    expect([out.easy.toString(), out.hard.toString()]).toEqual(['0.33333', '0.66667']);
  });
});
