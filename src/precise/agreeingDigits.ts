import type { Decimal } from 'decimal.js';
import { log10Abs } from './_internals/magnitude.js';

/**
 * Number of significant decimal digits on which `x` agrees with the reference `ref`:
 * `-log10(|x - ref| / |ref|)` (+Infinity when equal; 0 at worst, and when ref = 0 != x). Exact: the
 * difference is formed without rounding (decimal.js subtraction at the operands' combined length).
 * Use it to audit a float or decimal integrator against the closed forms of this module.
 */
export function agreeingDigits(x: Decimal | number, ref: Decimal): number {
  const C = ref.constructor as Decimal.Constructor;
  const exact = C.clone({ precision: 1e9 });
  const diff = new exact(x).minus(new exact(ref));
  if (diff.isZero()) return Infinity;
  // Stryker disable next-line ConditionalExpression: equivalent: log10Abs(0) = -Infinity, and max(0, -Infinity) = 0
  if (ref.isZero()) return 0;
  return Math.max(0, log10Abs(ref) - log10Abs(diff));
}
