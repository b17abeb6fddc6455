import { Decimal } from 'decimal.js';

/**
 * How an input appears in an NtkInputError message: a Decimal that is exactly the shortest form of a double
 * shows as that number (`x=-2`), any other Decimal as its decimal text (`x="1e-400"`); other values as given.
 */
export function shownValue(value: unknown): unknown {
  if (!Decimal.isDecimal(value)) return value;
  const n = value.toNumber();
  return String(n) === value.toString() ? n : value.toString();
}
