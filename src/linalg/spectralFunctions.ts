/**
 * Scalar spectral functions of the linearized flow (docs/theory.md, exact linear side):
 * rbar(t) = exp(-K0 t) r(0), wbar(t) = w0 + (1/alpha) J0^T phi_t(K0) r(0).
 */

/** exp(-lambda t). */
export function expDecay(t: number): (lambda: number) => number {
  return (lambda) => Math.exp(-lambda * t);
}

/**
 * phi_t(lambda) = (1 - exp(-lambda t)) / lambda, = t at lambda = 0; evaluated as -expm1(-lambda t)/lambda,
 * which has no cancellation for small lambda t (and is exact in the limit).
 */
export function phi(t: number): (lambda: number) => number {
  return (lambda) => (lambda * t === 0 ? t : -Math.expm1(-lambda * t) / lambda);
}
