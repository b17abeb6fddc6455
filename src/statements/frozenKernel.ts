import type { Run } from '../flow/Run.js';
import { distance, gram, norm2 } from '../linalg/dense.js';
import { opNorm } from '../linalg/opNorm.js';
import { expDecay } from '../linalg/spectralFunctions.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { symmetricFunctionApply } from '../linalg/symmetricFunction.js';
import { flowQuantities, type FlowQuantities } from './flowQuantities.js';

/** Quantities of the proof of Thm 3.2 (eqs. (26)-(27)), measured at w(T). */
export interface FrozenKernelQuantities extends FlowQuantities {
  /** ||J(w(T)) - J0|| (operator norm). */
  readonly jacobianChange: number;
  /**
   * Operand scale of eq. (26)'s sides: ||J(w(T))|| + ||J0|| for the difference J(w(T)) - J0, and
   * Lip(Dh) (||w(T)|| + ||w0||) for Lip(Dh) ||w(T) - w0|| (both differences round relative to their operands).
   */
  readonly jacobianScale: number;
  /** ||r'(T) - rbar(T)|| with r'(T) = exp(-K_T T) r(0), K_T = J(w(T)) J(w(T))^T: the flow frozen at K_T. */
  readonly frozenGap: number;
}

/** Measure eqs. (26)-(27) on a run: the Jacobian at w(T) and the linear flow with the kernel frozen there. */
export function frozenKernelQuantities(run: Run): FrozenKernelQuantities {
  const { model, T } = run.instance;
  const { n, p } = model;
  const JT = model.jacobian(run.nonlinear.wT, new Float64Array(n * p));
  const dJ = JT.map((x, i) => x - (run.linear.J0[i] as number));
  const rPrime = symmetricFunctionApply(symmetricEigen(gram(JT, n, p), n), expDecay(T), run.linear.r0);
  const q = flowQuantities(run);
  return {
    ...q,
    jacobianChange: opNorm(dJ, n, p),
    jacobianScale: opNorm(JT, n, p) + opNorm(run.linear.J0, n, p) + q.lipDh * (norm2(run.nonlinear.wT) + norm2(model.w0)),
    frozenGap: distance(rPrime, run.rbarT),
  };
}
