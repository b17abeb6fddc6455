/** A relative error or other small positive number in messages: two significant digits, exponent form. */
export function sci(x: number): string {
  return Number.isFinite(x) ? x.toExponential(1) : String(x);
}

/** An order of convergence in messages: two decimals. */
export function fixed2(x: number): string {
  return x.toFixed(2);
}
