import { NtkInputError } from '../errors/NtkInputError.js';
import { integerInRange, positiveNumber } from '../validate/validators.js';
import { decimalToNumber } from './decimalToNumber.js';
import { MAX_DIGITS } from './PrecisionOptions.js';
import { PreciseConverse } from './PreciseConverse.js';

/** Search range and effort of {@link converseTightness}. */
export interface TightnessConstraints {
  /** Smallest kappa of the grid, > 0. Default 1e-3. */
  readonly minKappa?: number;
  /** Largest kappa of the grid, > minKappa. Default 1e3. */
  readonly maxKappa?: number;
  /** Grid points, log-spaced (endpoints included), >= 3. Default 241 (40 per decade on the default range). */
  readonly gridPoints?: number;
  /** Significant digits of each evaluation of E. Default 20. */
  readonly digits?: number;
}

/** Where the converse model is tightest against the Thm. 1.3 bound. */
export interface Tightness {
  /** min over kappa of E / (min(kappa, 1) sqrt(R0)). */
  readonly minRatio: number;
  /** The kappa where it is attained. */
  readonly atKappa: number;
}

/** Golden-section iterations: the bracket (two grid cells) shrinks by 0.618^60 ~ 3e-13 in log10 kappa. */
const GOLDEN_ITERATIONS = 60;

/**
 * How tight Thm. 1.3 is on its own converse model: the minimum over kappa of `E(T) / (min(kappa, 1) sqrt(R0))`,
 * which depends on kappa only (E / sqrt(R0) = sqrt(2) D(2 sqrt(2) kappa), docs/theory.md). Thm. 1.3 claims it is
 * >= 1/5; docs/theory.md says about 0.41 near kappa = 1. Found by a log-spaced grid, then golden-section search on
 * the two grid cells around the best point (the ratio is unimodal in log kappa: g/kappa decreases for
 * kappa < 1 and g increases, so the minimum is the kink at kappa = 1 itself).
 *
 * Reference: J. Kiefer, "Sequential minimax search for a maximum", Proc. AMS 4 (1953) (golden section).
 */
export function converseTightness(constraints: TightnessConstraints = {}): Tightness {
  const minKappa = positiveNumber('minKappa', constraints.minKappa ?? 1e-3);
  const maxKappa = positiveNumber('maxKappa', constraints.maxKappa ?? 1e3);
  if (!(maxKappa > minKappa)) throw new NtkInputError('maxKappa', maxKappa, `> minKappa=${minKappa}`);
  const gridPoints = integerInRange('gridPoints', constraints.gridPoints ?? 241, 3, 1e6);
  const digits = integerInRange('digits', constraints.digits ?? 20, 1, MAX_DIGITS);
  const ratio = (log10Kappa: number): number => {
    const kappa = 10 ** log10Kappa;
    const E = new PreciseConverse({ alpha: 1, T: 1, lip: kappa, R0: 1 }, { digits }).E;
    return decimalToNumber(E) / Math.min(kappa, 1);
  };
  const lo = Math.log10(minKappa);
  const step = (Math.log10(maxKappa) - lo) / (gridPoints - 1);
  let best = 0;
  let bestValue = Infinity;
  for (let i = 0; i < gridPoints; i++) {
    const value = ratio(lo + i * step);
    if (value < bestValue) [best, bestValue] = [i, value];
  }
  let a = lo + Math.max(0, best - 1) * step;
  let b = lo + Math.min(gridPoints - 1, best + 1) * step;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = ratio(x1);
  let f2 = ratio(x2);
  for (let k = 0; k < GOLDEN_ITERATIONS; k++) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = ratio(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = ratio(x2);
    }
  }
  const [x, f] = f1 <= f2 ? [x1, f1] : [x2, f2];
  return f <= bestValue ? { minRatio: f, atKappa: 10 ** x } : { minRatio: bestValue, atKappa: 10 ** (lo + best * step) };
}
