import { PreciseConverse, type DecimalInput } from '../precise/index.js';

/**
 * The converse model of Thm. 1.3 normalized to alpha = T = R0 = 1, so that Lip(Dh) = kappa and every output
 * (E, the bounds) is already divided by sqrt(R0): E / sqrt(R0) depends on kappa only (docs/theory.md).
 */
export function converseAt(kappa: DecimalInput, digits: number): PreciseConverse {
  return new PreciseConverse({ alpha: 1, T: 1, lip: kappa, R0: 1 }, { digits });
}
