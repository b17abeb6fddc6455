import type { Decimal } from 'decimal.js';

/** log10 |x| as a float (about 15 correct digits), -Infinity for 0. Cheap: read off the exponential form. */
export function log10Abs(x: Decimal): number {
  // Stryker disable next-line ConditionalExpression: equivalent: 0 reads as mantissa 0, and Math.log10(0) is already -Infinity
  if (x.isZero()) return -Infinity;
  const [mantissa, exponent] = x.abs().toExponential(15).split('e');
  return Math.log10(Number(mantissa)) + Number(exponent);
}

/**
 * Digits lost to cancellation when `sum` was formed from `terms`: `log10(max |term| / |sum|)`, at least 0;
 * 0 when everything is zero, +Infinity when the sum cancelled to zero from nonzero terms.
 */
export function cancellationDigits(sum: Decimal, ...terms: readonly Decimal[]): number {
  // the largest term's magnitude (with the callers' two terms, min would differ by < log10(2) digits: a tolerance,
  // not an equivalence, so that mutant is left to survive in the mutation report)
  const biggest = Math.max(...terms.map(log10Abs));
  if (biggest === -Infinity) return 0;
  return Math.max(0, biggest - log10Abs(sum));
}

/** Digits lost to the conditioning of e^(-z) in z (condition number |z|): log10(2 + |z|). */
export function exponentialConditionDigits(z: Decimal): number {
  // Stryker disable next-line MethodExpression: value-neutral: a 300-digit budget only raises the working precision of certifiedRound
  return Math.log10(2 + Math.min(Number(z.abs().toPrecision(6)), 1e300));
}
