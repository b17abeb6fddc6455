import type { Decimal } from 'decimal.js';
import { NtkPrecisionError } from '../errors/NtkPrecisionError.js';

/**
 * The double nearest to `x` (round-to-nearest, as `Number(x.toString())` reads the decimal string).
 * Throws NtkPrecisionError when `x` is not finite, overflows the double range (|x| > ~1.798e308), or is
 * a nonzero value that underflows to 0; subnormal results are returned (with their reduced precision).
 */
export function decimalToNumber(x: Decimal): number {
  if (!x.isFinite()) throw new NtkPrecisionError(`${x.toString()} is not finite`, 17);
  const value = Number(x.toString());
  if (!Number.isFinite(value)) throw new NtkPrecisionError(`${x.toExponential(6)} overflows a double`, 17);
  if (value === 0 && !x.isZero()) throw new NtkPrecisionError(`${x.toExponential(6)} underflows a double`, 17);
  // Stryker disable next-line ConditionalExpression: equivalent: decimal.js prints -0 as '0', so value is never -0 here (kept as a guard)
  return value === 0 ? 0 : value;
}
