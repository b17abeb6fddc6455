import { searchSpaceOf } from '../../../arbitraries/searchSpaceOf.js';
import type { Bound, Measured, Reading, Statement } from '../../statements/Statement.js';
import { describeLogisticCase, logisticCaseArb, reviveLogisticCase, type LogisticCase } from './LogisticCase.js';
import { logisticFlow } from './logisticFlow.js';

/** Working relative tolerance of the cross-entropy flows; the tight measurement re-solves at 1/100 of it. */
export const LOGISTIC_RTOL = 1e-8;

/** What CE-1 measures: E(T) and the scale T Lip(Dh) L / alpha, L = n = sup ||grad R||^2 (the loss scale). */
export interface CeQuantities {
  readonly E: number;
  /** T Lip(Dh) n / alpha with the global certified Lip(Dh). */
  readonly scale: number;
  /** Operand scale of E: E + T ||J0||^2 sqrt(n) (how far alpha h can move at |dR/dy_i| < 1 while J stays near J0). */
  readonly operands: number;
}

/** The candidate constant of CE-1 (the searched-for C is the worst ratio E / (T Lip(Dh) n / alpha)). */
export const CE_CONSTANT = 1;

function ceBound(constant: number, power: number): (q: CeQuantities) => Bound {
  return (q) => ({ lhs: q.E, rhs: constant * q.scale ** power, scale: q.operands });
}

/** Measure a cross-entropy case: the flows at LOGISTIC_RTOL and at LOGISTIC_RTOL / 100. */
export function measureCe(c: LogisticCase): Measured<CeQuantities> {
  const { model, alpha, T } = c;
  const primary = logisticFlow(c, LOGISTIC_RTOL);
  const tight = logisticFlow(c, LOGISTIC_RTOL / 100);
  const scale = (T * model.lipDh(Infinity) * model.n) / alpha;
  const J0 = model.jacobian(model.w0);
  const move = T * J0.reduce((s, x) => s + x * x, 0) * Math.sqrt(model.n);
  const at = (E: number): CeQuantities => ({ E, scale, operands: E + move });
  return { primary: at(primary.E), tight: at(tight.E), tightAccuracy: LOGISTIC_RTOL, cost: primary.rhsEvaluations + tight.rhsEvaluations };
}

/**
 * CE-1 over cross-entropy cases with tau = T ||J0||^2 in `tau`: E(T) <= C T Lip(Dh) L / alpha with L = n (sup ||grad R||^2 of the
 * summed logistic loss, the analogue of 2 R0 = ||r(0)||^2 in Thm 1.2's kappa sqrt(R0) = T Lip(Dh) R0 / alpha) and
 * the candidate C = 1; its worst ratio is the constant C the search needed. Mutant: the square of the scale
 * (wrong power of T / alpha), refuted wherever the scale is small.
 */
export function ceConjecture(id: string, tau: readonly [number, number]): Statement<LogisticCase, CeQuantities> {
  const arbitrary = logisticCaseArb(tau);
  const reading: Reading<CeQuantities> = {
    name: 'conjecture',
    formula: 'E(T) <= C T Lip(Dh) n / alpha,  C = 1 (n = sup ||grad R||^2)',
    expected: 'open',
    bound: ceBound(CE_CONSTANT, 1),
  };
  return {
    id,
    source: 'Sec. 4 (open question: general losses)',
    relation: '<=',
    summary: `Cross-entropy NTK error: E(T) <= C T Lip(Dh) n / alpha, logistic loss summed over n outputs, T ||J0||^2 in [${tau[0]}, ${tau[1]}]`,
    readings: [reading],
    mutant: { name: 'mutant', formula: 'E(T) <= (T Lip(Dh) n / alpha)^2  (wrong power)', expected: 'refuted', bound: ceBound(CE_CONSTANT, 2) },
    arbitrary: () => arbitrary,
    applies: () => true,
    measure: measureCe,
    labels: (c) => ({ family: c.family }),
    describe: describeLogisticCase,
    revive: reviveLogisticCase,
    requiredCoverage: { family: ['quadratic', 'structured', 'scalar'] },
    search: searchSpaceOf(arbitrary),
  };
}
