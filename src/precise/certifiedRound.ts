import type { Decimal } from 'decimal.js';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';
import { decimalContext, DECIMAL_ROUNDING } from './decimalContext.js';

/**
 * One quantity computed at working precision P, with its error budget: the relative error is at most
 * `10^(BASE_LOSS_DIGITS + lostDigits - P)`. `lostDigits` (default 0) accounts for cancellation and for the
 * conditioning of the formula; `Infinity` means "cancelled to nothing, recompute with more digits".
 * A value computed as exactly zero with finite `lostDigits` is taken as an exact zero (a formula whose zero
 * may be an artefact of cancellation must report `lostDigits: Infinity`).
 */
export interface Approx {
  readonly value: Decimal;
  readonly lostDigits?: number;
}

/** Evaluate every quantity at working precision `precision` (significant digits). */
export type Evaluation<K extends string> = (precision: number) => Readonly<Record<K, Approx>>;

/**
 * Rounding errors of a cancellation-free formula of up to ~100 correctly rounded operations
 * (each <= 1/2 unit in the last place) stay below 10^(5 - P) relative: the fixed part of every budget.
 */
export const BASE_LOSS_DIGITS = 5;

/** Guard digits carried beyond the digits asked for, before any extra for `lostDigits`. */
export const GUARD_DIGITS = 20;

/** Attempts (each at about twice the precision of the last) before giving up on a lost-digit shortfall. */
const MAX_ATTEMPTS = 3;

/** No evaluation runs at more working digits than this (about a second per exp in decimal.js). */
const MAX_WORKING_DIGITS = 40_000;

/** Does every real number within relative distance 10^-good of `x` round to the same `digits`-digit value? */
function roundsUniquely(x: Decimal, goodDigits: number, digits: number): boolean {
  const good = Math.floor(goodDigits);
  const wide = decimalContext(2 * (x.precision() + good) + 10);
  const width = new wide(x).abs().times(`1e${-good}`);
  const lo = new wide(x).minus(width).toSignificantDigits(digits, DECIMAL_ROUNDING);
  const hi = new wide(x).plus(width).toSignificantDigits(digits, DECIMAL_ROUNDING);
  return lo.eq(hi);
}

/**
 * Correctly rounded results by Ziv's strategy: evaluate at `digits + GUARD_DIGITS` (more when a quantity
 * reports lost digits); accept a quantity when its whole error interval rounds to one `digits`-digit value;
 * otherwise evaluate again at higher precision. Returns values of `result` (a constructor whose precision is
 * the number of digits wanted), rounded half-even.
 *
 * Guarantee: every returned value is the correctly rounded true value, except when the true value lies
 * within 10^-(P - 5 - lostDigits) (relative, P the last working precision, >= 4 * (digits + 20)) of a
 * rounding boundary, e.g. exactly half-way; then it is still faithful (within one unit in the last place).
 * Throws NtkPrecisionError when a value is not finite, or when the lost digits still leave fewer than
 * `digits + 1` good digits at the last attempt.
 *
 * Reference: A. Ziv, "Fast evaluation of elementary mathematical functions with correctly rounded last bit",
 * ACM TOMS 17(3), 1991, 410-423.
 */
export function certifiedRound<K extends string>(result: Decimal.Constructor, evaluate: Evaluation<K>): Record<K, Decimal> {
  const digits = result.precision;
  let precision = digits + GUARD_DIGITS;
  const done = new Map<K, Decimal>();
  for (let attempt = 1; ; attempt++) {
    const approx = evaluate(precision);
    const keys = Object.keys(approx) as K[];
    let needed = 0;
    let shortfall = '';
    for (const key of keys) {
      // Stryker disable next-line ConditionalExpression: work only: a key rounded uniquely is rounded to the same value at any higher precision
      if (done.has(key)) continue;
      const { value, lostDigits = 0 } = approx[key];
      if (!value.isFinite()) throw new NtkPrecisionError(`${key} is not finite at ${precision} working digits (outside decimal.js range)`, digits);
      const good = precision - BASE_LOSS_DIGITS - lostDigits;
      if (value.isZero() && Number.isFinite(lostDigits)) {
        done.set(key, new result(0));
      } else if (good >= digits + 1 && roundsUniquely(value, good, digits)) {
        done.set(key, new result(value.toSignificantDigits(digits, DECIMAL_ROUNDING)));
      } else if (good >= digits + 1 && attempt === MAX_ATTEMPTS) {
        done.set(key, new result(value.toSignificantDigits(digits, DECIMAL_ROUNDING))); // faithful
      } else {
        const lost = Number.isFinite(lostDigits) ? Math.ceil(lostDigits) : precision;
        needed = Math.max(needed, digits + GUARD_DIGITS + BASE_LOSS_DIGITS + lost);
        if (good < digits + 1) shortfall = `${key} keeps ${Math.floor(good)} of ${precision} digits`;
      }
    }
    if (done.size === keys.length) return Object.fromEntries(keys.map((k) => [k, done.get(k)])) as Record<K, Decimal>;
    if (attempt === MAX_ATTEMPTS) throw new NtkPrecisionError(`${shortfall} (cancellation)`, digits);
    precision = Math.max(2 * precision, needed);
    if (precision > MAX_WORKING_DIGITS) throw new NtkPrecisionError(`${shortfall || 'rounding'}; would need ${precision} working digits`, digits);
  }
}
