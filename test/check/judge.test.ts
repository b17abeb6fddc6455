import { describe, expect, it } from 'vitest';
import { isUndecided, judge, NOISE_FLOOR } from '../../src/check/judge.js';
import type { Measured, Reading, Reference } from '../../src/statements/Statement.js';

/** A measurement that is just a number x, and the reading x <= c at operand scale 1. */
const below = (c: number, scale = 1): Reading<number> => ({
  name: 'below',
  formula: `x <= ${c}`,
  expected: 'holds',
  bound: (x) => ({ lhs: x, rhs: c, scale }),
});
const measured = (primary: number, tight: number, extra: Partial<Measured<number>> = {}): Measured<number> => ({
  primary,
  tight,
  tightAccuracy: 1e-10,
  ...extra,
});
const decimal = (x: number) => () => ({ measurement: x, method: 'decimal-test', digits: 30, errorBound: 1e-28 });

describe('judge', () => {
  it('a vacuous bound (rhs = Infinity) is a pass without any re-check', () => {
    let asked = 0;
    const m = measured(1, 1, {
      second: () => {
        asked++;
        return 1;
      },
      reference: (): Reference<number> | undefined => {
        asked++;
        return;
      },
    });
    expect(judge('<=', below(Infinity), m)).toEqual({ status: 'pass', ratio: 0, bound: { lhs: 1, rhs: Infinity, scale: 1 } });
    expect(asked).toBe(0);
  });

  it('a violation below the rounding level of the operands is a pass, however the methods agree', () => {
    const margin = 0.5 * NOISE_FLOOR;
    const outcome = judge('<=', below(1), measured(1 + margin, 1 + margin, { second: () => 1 + margin, reference: decimal(1 + margin) }));
    expect(outcome).toMatchObject({ status: 'pass', ratio: 1, nearEquality: { confirmed: true } });
  });

  it('the second method of another order exposes two solves that agree bit for bit; the decimal reference decides', () => {
    const fooled = measured(1.001, 1.001, { second: () => 0.999 });
    const undecided = judge('<=', below(1), fooled);
    expect(undecided).toMatchObject({ status: 'violation', certified: false });
    expect(isUndecided(undecided)).toBe(true);
    expect(judge('<=', below(1), { ...fooled, reference: decimal(0.9995) })).toMatchObject({
      status: 'pass',
      nearEquality: { confirmed: true, decidedBy: { method: 'decimal-test', digits: 30 } },
    });
    expect(judge('<=', below(1), { ...fooled, reference: decimal(1.0005) })).toMatchObject({
      status: 'violation',
      certified: true,
      decidedBy: { method: 'decimal-test' },
    });
  });

  it('a clear float violation is certified by the floats; a close one is sent to the reference', () => {
    let asked = 0;
    const reference = () => {
      asked++;
      return { measurement: 1.5, method: 'decimal-test', digits: 30, errorBound: 1e-28 };
    };
    expect(judge('<=', below(1), measured(1.5, 1.5, { second: () => 1.5, reference }))).toMatchObject({
      status: 'violation',
      certified: true,
      decidedBy: { method: 'float' },
    });
    expect(asked).toBe(0);
    expect(judge('<=', below(1), measured(1.5, 1.5, { second: () => 1.1, reference }))).toMatchObject({
      status: 'violation',
      certified: true,
      decidedBy: { method: 'decimal-test' },
    });
    expect(asked).toBe(1);
    // Without the reference (checkReading while shrinking) the floats decide, and the reference is not asked.
    expect(judge('<=', below(1), measured(1.5, 1.5, { second: () => 1.1, reference }), false)).toMatchObject({
      status: 'violation',
      certified: true,
      decidedBy: { method: 'float' },
    });
    expect(asked).toBe(1);
  });
});
