import type { Decimal } from 'decimal.js';
import { expTail } from '../expTail.js';

/**
 * `e^(-z)` and `expm1(-z) = e^(-z) - 1` for `z >= 0`, both to a few ulps: the series branch of
 * {@link expTail} for small z (where `1 + expm1` does not cancel), decimal.js `exp` otherwise (where
 * `e^(-z) - 1 <= -0.39` does not cancel). `e^(-z)` underflows to 0 beyond z ~ 2e16 (decimal.js range).
 */
export function expPair(D: Decimal.Constructor, z: Decimal): { readonly exp: Decimal; readonly expm1: Decimal } {
  if (z.lte(0.5)) {
    const expm1 = expTail(D, z.neg(), 1);
    return { exp: expm1.plus(1), expm1 };
  }
  const exp = D.exp(z.neg());
  return { exp, expm1: exp.minus(1) };
}
