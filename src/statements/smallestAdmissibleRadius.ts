import { NtkInputError } from '../errors/NtkInputError.js';

/**
 * The smallest rho > 0 with T Lip(h; rho) s <= alpha rho — Prop 1.1's time limit T <= alpha rho / (Lip(h) s),
 * s = sqrt(R0) or ||r(0)|| — or undefined when no rho up to 1e300 satisfies it. Lip(h; rho) is non-decreasing in
 * rho, so the admissible set is found by doubling from the rho = 0 estimate and refined by bisection (60 halvings:
 * relative accuracy 1e-18, then rounded up to the admissible end).
 */
export function smallestAdmissibleRadius(lipH: (rho: number) => number, T: number, s: number, alpha: number): number | undefined {
  const admissible = (rho: number): boolean => {
    try {
      return T * lipH(rho) * s <= alpha * rho;
    } catch (error) {
      if (error instanceof NtkInputError) return false; // Lip(h) overflows on this ball: not admissible
      throw error;
    }
  };
  let hi = Math.max((T * lipH(0) * s) / alpha, Number.MIN_VALUE);
  let lo = 0;
  while (!admissible(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return undefined;
  }
  for (let i = 0; i < 60 && hi - lo > 1e-18 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (admissible(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
