import { Decimal } from 'decimal.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { finiteNumber, nonNegativeNumber, positiveNumber } from '../validate/validators.js';
import { shownValue } from './_internals/shownValue.js';

/**
 * A real input to a precise computation: a `number` (taken as the decimal its `toString` prints, e.g.
 * `0.1` is exactly 1/10), a decimal string (`'0.1000000000000000000001'`, `'1e-400'`; read exactly, any
 * length), or a finite decimal.js `Decimal` from any constructor (copied exactly, never rounded).
 */
export type DecimalInput = number | string | Decimal;

/** What a {@link readDecimal} call requires of the value. */
export type DecimalRequirement = 'finite' | 'positive' | 'nonNegative';

const MESSAGE: Record<DecimalRequirement, string> = {
  finite: 'a finite number',
  positive: 'a finite number > 0',
  nonNegative: 'a finite number >= 0',
};

function parsed(name: string, value: unknown, ctor: Decimal.Constructor): Decimal {
  if (typeof value === 'string') {
    try {
      const x = new ctor(value.trim());
      if (x.isFinite()) return x;
    } catch {
      // reported below, as for any other unreadable value
    }
    throw new NtkInputError(name, value, MESSAGE.finite);
  }
  if (Decimal.isDecimal(value)) {
    if (value.isFinite()) return new ctor(value);
    throw new NtkInputError(name, shownValue(value), MESSAGE.finite);
  }
  throw new NtkInputError(name, value, MESSAGE.finite);
}

/**
 * Read one {@link DecimalInput} exactly into `ctor` (no rounding: decimal.js constructors never round),
 * checking it with the shared validators. Throws NtkInputError `name=value must be ...`; `-0` reads as 0.
 */
// Stryker disable next-line StringLiteral: equivalent: every requirement other than 'positive' and 'nonNegative' is checked as 'finite'
export function readDecimal(name: string, value: unknown, ctor: Decimal.Constructor, requirement: DecimalRequirement = 'finite'): Decimal {
  if (typeof value === 'number') {
    const checked =
      requirement === 'positive' ? positiveNumber(name, value) : requirement === 'nonNegative' ? nonNegativeNumber(name, value) : finiteNumber(name, value);
    return new ctor(checked === 0 ? 0 : checked);
  }
  const x = parsed(name, value, ctor);
  const ok = requirement === 'positive' ? x.gt(0) : requirement === 'nonNegative' ? x.gte(0) : true;
  if (!ok) throw new NtkInputError(name, shownValue(value), MESSAGE[requirement]);
  return x.isZero() ? new ctor(0) : x;
}
