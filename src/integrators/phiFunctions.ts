import { NtkInputError } from '../errors/NtkInputError.js';
import { phiInto } from './_internals/phiInto.js';

/** Largest k for which {@link phiFunctions} evaluates phi_k. */
export const MAX_PHI = 8;

/**
 * The phi-functions of exponential integrators, phi_0(z) = e^z and phi_{k+1}(z) = (phi_k(z) - 1/k!) / z
 * (phi_k(0) = 1/k!; equivalently phi_k(z) = int_0^1 e^((1-s) z) s^(k-1) / (k-1)! ds for k >= 1), written into
 * out[0..kMax] for one real z (Hochbruck & Ostermann, "Exponential integrators", Acta Numerica 19 (2010) 209-286,
 * Sec. 2.1). phi_0 = exp(z). For |z| < 1: the Taylor series of phi_kMax, then phi_k = 1/k! + z phi_(k+1)
 * downwards (each step multiplies the error by |z| < 1). For |z| >= 1: phi_1 = expm1(z) / z and the recurrence
 * upwards while |z| >= k - 1, where one step multiplies the relative error by at most (k - 1) / |z| <= 1, and
 * the Taylor series sum_j z^j / (j + k)! above that (terms shrink, at most about a digit of cancellation). Relative accuracy ~1e-15 for every k <= MAX_PHI (checked against decimal.js in the tests).
 * For z <= -745, phi_0 underflows to 0 and phi_k ~ -1 / ((k-1)! z), as it should. Allocates nothing when
 * `out` (length >= kMax + 1) is given. Throws NtkInputError for a non-finite z or kMax outside [0, MAX_PHI].
 */
export function phiFunctions(z: number, kMax: number, out: Float64Array = new Float64Array(kMax + 1)): Float64Array {
  if (!Number.isFinite(z)) throw new NtkInputError('z', z, 'a finite number');
  if (!(Number.isInteger(kMax) && kMax >= 0 && kMax <= MAX_PHI)) throw new NtkInputError('kMax', kMax, `an integer in [0, ${MAX_PHI}]`);
  out[0] = Math.exp(z);
  if (kMax > 0) phiInto(z, kMax, out, 0);
  return out;
}
