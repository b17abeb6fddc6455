import { NtkSolveError } from '../../errors/NtkSolveError.js';
import type { Instance } from '../../flow/Instance.js';
import { residual } from '../../flow/residual.js';
import { gram, matVec, norm2 } from '../../linalg/dense.js';
import { integerInRange, positiveNumber } from '../../validate/validators.js';

/** Iterates whose residual grows past this multiple of ||r(0)|| (plus one) count as diverged: no measurement. */
export const DIVERGENCE_FACTOR = 1e8;

/** Both gradient descents of one instance after `steps` steps of size `eta` (T = steps * eta). */
export interface DescentPair {
  /** r_K = y* - alpha h(w_K): gradient descent on the model. */
  readonly r: Float64Array;
  /** rbar_K = (I - eta K0)^K r(0): gradient descent on the linearization hbar, from the same w0. */
  readonly rbar: Float64Array;
  /** r(0) = y* - alpha h(w0). */
  readonly r0: Float64Array;
  /** Largest ||r_k|| along the iterates (k = 0..K). */
  readonly maxResidual: number;
}

/**
 * Gradient descent with step eta on R(alpha h(w)) = 1/2 ||y* - alpha h(w)||^2, scaled by 1/alpha^2 like the flow (1):
 * w_{k+1} = w_k - (eta / alpha^2) grad R(alpha h(w_k)) = w_k + (eta / alpha) J(w_k)^T r_k, against the same descent on
 * the linearization: wbar_{k+1} = wbar_k + (eta / alpha) J0^T rbar_k, i.e. rbar_{k+1} = (I - eta K0) rbar_k (iterated
 * on the residual, which avoids the cancellation in y* - alpha hbar). Float arithmetic; the decimal twin is
 * `preciseDescent`. Throws NtkSolveError('non-finite') when the iterates diverge (||r_k|| > 1e8 (||r(0)|| + 1)).
 */
export function gradientDescent(instance: Instance, eta: number, steps: number): DescentPair {
  positiveNumber('eta', eta);
  integerInRange('steps', steps, 0, 1e7);
  const { model, alpha } = instance;
  const { n, p } = model;
  const w = Float64Array.from(model.w0);
  const r0 = residual(instance, w);
  const r = Float64Array.from(r0);
  const g = new Float64Array(p);
  const K0 = gram(model.jacobian(model.w0), n, p);
  const rbar = Float64Array.from(r0);
  const Kr = new Float64Array(n);
  const limit = DIVERGENCE_FACTOR * (norm2(r0) + 1);
  let maxResidual = norm2(r0);
  for (let k = 0; k < steps; k++) {
    model.vjp(w, r, g);
    for (let j = 0; j < p; j++) w[j] = (w[j] as number) + (eta / alpha) * (g[j] as number);
    residual(instance, w, r);
    matVec(K0, n, n, rbar, Kr);
    for (let i = 0; i < n; i++) rbar[i] = (rbar[i] as number) - eta * (Kr[i] as number);
    const size = Math.max(norm2(r), norm2(rbar));
    if (!(size <= limit)) throw new NtkSolveError('non-finite', `gradient descent diverged (||r_k|| = ${size})`, { t: (k + 1) * eta, steps: k + 1 });
    maxResidual = Math.max(maxResidual, size);
  }
  return { r, rbar, r0, maxResidual };
}
