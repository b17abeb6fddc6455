import { matTVec, gram, norm2 } from '../linalg/dense.js';
import { addInto, divideInto } from '../linalg/elementwise.js';
import { expDecay, phi } from '../linalg/spectralFunctions.js';
import { symmetricEigen, type SymmetricEigen } from '../linalg/symmetricEigen.js';
import { symmetricFunctionApply } from '../linalg/symmetricFunction.js';
import type { Instance } from './Instance.js';
import { residual } from './residual.js';
import { validateInstance } from './validateInstance.js';

/** The exact solution of the linearized flow (2)-(3), from the eigendecomposition of K0 — no ODE solver. */
export interface LinearizedFlow {
  /** J0 = J(w0), n x p row-major. */
  readonly J0: Float64Array;
  /** K0 = J0 J0^T, n x n, and its eigendecomposition. */
  readonly K0: Float64Array;
  readonly K0eig: SymmetricEigen;
  /** r(0) = y* - alpha h(w0). */
  readonly r0: Float64Array;
  /** rbar(t) = exp(-K0 t) r(0). */
  residual(t: number, out?: Float64Array): Float64Array;
  /** wbar(t) = w0 + (1/alpha) J0^T phi_t(K0) r(0), phi_t(lambda) = (1 - e^(-lambda t))/lambda. */
  weights(t: number, out?: Float64Array): Float64Array;
  /** ||wbar(t) - w0||. */
  weightChange(t: number): number;
}

/** Solve the linearized gradient flow of `instance` exactly (docs/theory.md, "Exact linear side"). */
export function linearizedFlow(instance: Instance): LinearizedFlow {
  validateInstance(instance);
  const { model, alpha } = instance;
  const { n, p, w0 } = model;
  const J0 = model.jacobian(w0, new Float64Array(n * p));
  const K0 = gram(J0, n, p);
  const K0eig = symmetricEigen(K0, n);
  const r0 = residual(instance, w0);
  const scratch = new Float64Array(n);

  const displacement = (t: number, out: Float64Array): Float64Array => {
    symmetricFunctionApply(K0eig, phi(t), r0, scratch);
    return divideInto(matTVec(J0, n, p, scratch, out), alpha, p);
  };
  return {
    J0,
    K0,
    K0eig,
    r0,
    residual: (t, out: Float64Array = new Float64Array(n)) => symmetricFunctionApply(K0eig, expDecay(t), r0, out),
    weights: (t, out: Float64Array = new Float64Array(p)) => addInto(displacement(t, out), w0, p),
    weightChange: (t) => norm2(displacement(t, new Float64Array(p))),
  };
}
