import { nonNegativeNumber, positiveNumber } from '../validate/validators.js';

/** kappa = T Lip(Dh) sqrt(R0) / alpha: the dimensionless quantity of docs/theory.md that every bound is stated in. */
export function kappa(T: number, lipDh: number, R0: number, alpha: number): number {
  const value = (nonNegativeNumber('T', T) * nonNegativeNumber('lipDh', lipDh) * Math.sqrt(nonNegativeNumber('R0', R0))) / positiveNumber('alpha', alpha);
  return Number.isFinite(value) ? value : positiveNumber('kappa', value); // overflow is reported, never returned
}
