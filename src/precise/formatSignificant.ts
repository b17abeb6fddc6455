import type { Decimal } from 'decimal.js';
import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange } from '../validate/validators.js';
import { DECIMAL_ROUNDING } from './decimalContext.js';
import { MAX_DIGITS } from './PrecisionOptions.js';

/**
 * `x` rounded half-even to `digits` significant digits, as a string in the format of JavaScript's
 * `Number.prototype.toPrecision`, whatever `x`'s constructor is configured with:
 * - exactly `digits` significant digits, trailing zeros kept (`'2.000'`, `'0.4094'`; zero is `'0.000'`);
 * - positional notation when the decimal exponent e (x = d.ddd x 10^e after rounding) has -7 < e < digits;
 * - otherwise exponential notation with one digit before the point and an explicit sign: `'5.413e-41'`,
 *   `'2.828e+16'`;
 * - a leading `-` for negative values only (never `-0`).
 * Both `Number(s)` and `new Decimal(s)` read the result back.
 *
 * Reference: ECMA-262, Number.prototype.toPrecision; decimal.js `toPrecision`.
 */
export function formatSignificant(x: Decimal, digits: number): string {
  integerInRange('digits', digits, 1, MAX_DIGITS);
  if (!x.isFinite()) throw new NtkInputError('x', x.toString(), 'a finite Decimal');
  const y = x.isZero() ? x.abs() : x.toSignificantDigits(digits, DECIMAL_ROUNDING);
  const e = y.isZero() ? 0 : y.e;
  if (e <= -7 || e >= digits) {
    const text = y.toExponential(digits - 1, DECIMAL_ROUNDING);
    return text.includes('e-') ? text : text.replace('e', 'e+').replace('e++', 'e+');
  }
  return y.toFixed(Math.max(0, digits - 1 - e), DECIMAL_ROUNDING);
}
