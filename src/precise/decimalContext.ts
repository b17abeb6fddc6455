import { Decimal } from 'decimal.js';

/** Round-half-even: the rounding every ntk-check decimal computation uses (IEEE 754 default). */
export const DECIMAL_ROUNDING = Decimal.ROUND_HALF_EVEN;

/**
 * A fresh decimal.js constructor for one computation: `precision` significant digits, round-half-even,
 * the widest exponent range decimal.js allows (|e| <= 9e15), and the `Number#toString` thresholds for
 * exponential notation (`toExpNeg = -7`, `toExpPos = 21`). Never touches the global `Decimal` config, and
 * hands out a new clone every call, so a caller that `set`s its constructor cannot affect anyone else.
 *
 * Reference: decimal.js 10 API, `Decimal.clone` (https://mikemcl.github.io/decimal.js/#Dclone).
 */
export function decimalContext(precision: number): Decimal.Constructor {
  return Decimal.clone({
    precision,
    rounding: DECIMAL_ROUNDING,
    toExpNeg: -7,
    toExpPos: 21,
    minE: -9e15,
    maxE: 9e15,
  });
}
