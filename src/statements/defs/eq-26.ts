import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import { frozenKernelQuantities, type FrozenKernelQuantities } from '../frozenKernel.js';
import type { Bound } from '../Statement.js';
import { worstOf } from '../worstOf.js';

/**
 * Both links of eq. (26), the second with constant c in front of sqrt(T R0) / alpha (1 in the theory). Operand scale:
 * Lip(Dh) rho, and the operands of the differences J(w(T)) - J0 and w(T) - w0 (`jacobianScale`): on a scalar model
 * the first link is an equality, and only the rounding of those differences separates its sides.
 */
function bound(c: number): (q: FrozenKernelQuantities) => Bound {
  return (q) => {
    const scale = Math.max(q.lipDh * q.rho, q.jacobianScale);
    return worstOf('<=', [
      { lhs: q.jacobianChange, rhs: q.lipDh * q.weightChange, branch: 'lipschitz', scale },
      { lhs: q.jacobianChange, rhs: (c * q.lipDh * Math.sqrt(q.T * q.R0)) / q.alpha, branch: 'prop-3.1', scale },
    ]);
  };
}

/** Eq. (26): ||J(w(T)) - J0|| <= Lip(Dh) ||w(T) - w0|| <= Lip(Dh) sqrt(T R0) / alpha. */
export const eq26 = flowStatement<FrozenKernelQuantities>({
  id: 'eq-26',
  source: 'eq. (26)',
  relation: '<=',
  summary: 'Jacobian movement: ||J(w(T)) - J0|| <= Lip(Dh) ||w(T) - w0|| <= Lip(Dh) sqrt(T R0) / alpha',
  readings: [{ name: 'restored', formula: '||J(w(T)) - J0|| <= Lip(Dh) ||w(T) - w0|| <= Lip(Dh) sqrt(T R0) / alpha', expected: 'holds', bound: bound(1) }],
  mutant: { name: 'mutant', formula: '||J(w(T)) - J0|| <= Lip(Dh) sqrt(T R0) / (4 alpha)  (constant / 4)', expected: 'refuted', bound: bound(1 / 4) },
  arbitrary: (size) => instanceArb(size),
  extract: (run) => frozenKernelQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { kappa: ['kappa<1', 'kappa>=1'], family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
