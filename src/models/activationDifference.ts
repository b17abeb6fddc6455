import type { ActivationName } from './activation.js';

/** sigma(z1) - sigma(z0) and sigma'(z1) - sigma'(z0), each accurate to a few ulps of itself (no cancellation). */
export interface ActivationDifference {
  readonly value: number;
  readonly slope: number;
}

/** Beyond this |z1 - z0| the closed forms below would overflow; the plain difference then has no cancellation to fear. */
const LARGE_STEP = 300;

/**
 * tanh(z1) - tanh(z0) = sinh(dz) / (cosh z1 cosh z0), dz = z1 - z0, written without overflow or cancellation:
 * -2 e^(dz - |z1| - |z0|) expm1(-2 dz) / ((1 + e^(-2|z1|)) (1 + e^(-2|z0|))). Every factor is evaluated to a few
 * ulps (dz - |z1| - |z0| <= 0), so the result is accurate to a few ulps relative to itself, given an accurate dz.
 */
function tanhDifference(z1: number, z0: number, dz: number): number {
  if (Math.abs(dz) > LARGE_STEP) return Math.tanh(z1) - Math.tanh(z0);
  const a = Math.abs(z1);
  const b = Math.abs(z0);
  return (-2 * Math.exp(dz - a - b) * Math.expm1(-2 * dz)) / ((1 + Math.exp(-2 * a)) * (1 + Math.exp(-2 * b)));
}

/**
 * The differences of sigma and sigma' between z1 and z0, given dz = z1 - z0 computed accurately by the caller
 * (e.g. from a weight difference, not as the difference of two rounded z's). Used to form J(v) - J(u) of the
 * mean-field net without the cancellation of subtracting two rounded Jacobians.
 * - tanh: dt from `tanhDifference`; t' = 1 - t^2, so dt' = -dt (t1 + t0).
 * - sigmoid: s(z) = (1 + tanh(z/2)) / 2, so ds = dtanh(z/2) / 2; s' = s(1 - s), so ds' = ds (1 - s1 - s0) with
 *   1 - s1 - s0 = -(tanh(z1/2) + tanh(z0/2)) / 2 (no cancellation near s = 1/2).
 */
export function activationDifference(name: ActivationName, z1: number, z0: number, dz: number): ActivationDifference {
  if (name === 'tanh') {
    const dt = tanhDifference(z1, z0, dz);
    return { value: dt, slope: -dt * (Math.tanh(z1) + Math.tanh(z0)) };
  }
  const ds = 0.5 * tanhDifference(0.5 * z1, 0.5 * z0, 0.5 * dz);
  return { value: ds, slope: -0.5 * ds * (Math.tanh(0.5 * z1) + Math.tanh(0.5 * z0)) };
}
