import { integerInRange } from '../validate/validators.js';

/** Digits of a precise computation. */
export interface PrecisionOptions {
  /** Significant decimal digits of every result, an integer in [1, 1000]. Default 50. */
  readonly digits?: number;
}

/** Default number of significant digits of a precise result. */
export const DEFAULT_DIGITS = 50;

/** Largest number of significant digits a precise result may ask for. */
export const MAX_DIGITS = 1000;

/** The checked `digits` of a {@link PrecisionOptions} (NtkInputError `digits=... must be an integer in [1, 1000]`). */
export function readDigits(options: PrecisionOptions | undefined, fallback: number = DEFAULT_DIGITS): number {
  return integerInRange('digits', options?.digits ?? fallback, 1, MAX_DIGITS);
}
