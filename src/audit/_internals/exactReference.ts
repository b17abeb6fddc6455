import type { Decimal } from 'decimal.js';

/**
 * Relative distance ||y - ref|| / ||scale|| in decimal.js (`D`), for a double vector y and a decimal reference:
 * no rounding of the reference to double gets in the way of errors near 1e-16.
 */
export function relativeDistance(D: Decimal.Constructor, y: ArrayLike<number>, ref: readonly Decimal[], scale: readonly Decimal[]): number {
  const norm = (v: readonly Decimal[]) => D.sqrt(v.reduce((s, x) => s.plus(x.times(x)), new D(0)));
  const diff = ref.map((r, i) => new D(y[i] as number).minus(r));
  return norm(diff).div(norm(scale)).toNumber();
}
