import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { flowQuantities, type FlowQuantities } from '../flowQuantities.js';
import { flowStatement, kappaRegime } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { worstOf } from '../worstOf.js';

/** The constant of Prop 3.1 in front of sqrt(T R0) / alpha. */
const C = 1;

/** Prop 3.1's weight bound at horizon T: ||w(T) - w0|| <= sqrt(T R0) / alpha (shared with src/audit). */
export function prop31WeightBound(T: number, R0: number, alpha: number): number {
  return (C * Math.sqrt(T * R0)) / alpha;
}

/** Both weight bounds of Prop 3.1 with constant c; the worse of the two is the bound. */
function bound(c: number): (q: FlowQuantities) => Bound {
  return (q) => {
    const rhs = (c * Math.sqrt(q.T * q.R0)) / q.alpha;
    return worstOf('<=', [
      { lhs: q.weightChange, rhs, branch: 'nonlinear', scale: q.rho },
      { lhs: q.linearWeightChange, rhs, branch: 'linearized', scale: q.rho },
    ]);
  };
}

/**
 * Prop 3.1, eqs. (17)-(18): ||w(T) - w0|| <= sqrt(T R0) / alpha and ||wbar(T) - w0|| <= sqrt(T R0) / alpha
 * (Cauchy-Schwarz on the energy identity R0 - R(T) = alpha^2 int ||dw/dt||^2).
 */
export const prop31 = flowStatement<FlowQuantities>({
  id: 'prop-3.1',
  source: 'Prop. 3.1, eqs. (17)-(18)',
  relation: '<=',
  summary: 'Weight movement: ||w(T) - w0||, ||wbar(T) - w0|| <= sqrt(T R0) / alpha',
  readings: [
    { name: 'restored', formula: '||w(T) - w0|| <= sqrt(T R0) / alpha and ||wbar(T) - w0|| <= sqrt(T R0) / alpha', expected: 'holds', bound: bound(C) },
  ],
  mutant: { name: 'mutant', formula: '||w(T) - w0|| <= sqrt(T R0) / (2 alpha)  (constant halved)', expected: 'refuted', bound: bound(C / 2) },
  arbitrary: () => instanceArb(),
  extract: (run) => flowQuantities(run),
  labels: (q) => ({ kappa: kappaRegime(q.kappa) }),
  requiredCoverage: { branch: ['nonlinear', 'linearized'], kappa: ['kappa<1', 'kappa>=1'], family: ['quadratic', 'structured', 'scalar'] },
});
