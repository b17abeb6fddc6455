const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The smallest double greater than x (IEEE 754 nextUp; C `nextafter(x, +Infinity)`), x finite. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  // Stryker disable next-line EqualityOperator: equivalent for `>=`: x = 0 has returned above
  u64[0] = x > 0 ? (u64[0] as bigint) + 1n : (u64[0] as bigint) - 1n;
  return f64[0] as number;
}
