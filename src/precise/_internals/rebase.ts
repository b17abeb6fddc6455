import type { Decimal } from 'decimal.js';

/**
 * Copy exact values into the working constructor `D`. Needed before any arithmetic: decimal.js rounds
 * `x.times(y)` to the precision of x's own constructor, not of the context the caller has in mind.
 */
export function rebase<K extends string>(D: Decimal.Constructor, values: Readonly<Record<K, Decimal>>): Record<K, Decimal> {
  const out = {} as Record<K, Decimal>;
  for (const key of Object.keys(values) as K[]) out[key] = new D(values[key]);
  return out;
}
