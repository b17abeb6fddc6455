import { instanceToJson } from '../../flow/instanceToJson.js';
import { reviveFlowCase } from '../../statements/flowStatement.js';
import { NtkInputError } from '../../errors/NtkInputError.js';
import { searchSpaceOf } from '../../../arbitraries/searchSpaceOf.js';
import { thm12Bound } from '../../statements/defs/thm-1.2.js';
import type { Bound, Reading, Statement } from '../../statements/Statement.js';
import { caseKappa, gdCaseArb, lambdaMax, type GdCase } from './GdCase.js';
import { measureGd, type GdQuantities } from './gdQuantities.js';

/** E_GD(T) against Thm 1.2's bound min(6 kappa sqrt(R0), sqrt(8 R0)) (the constants live in thm-1.2), times `factor`. */
function thm12Against(factor: number): (q: GdQuantities) => Bound {
  return (q) => {
    const { value, branch } = thm12Bound(q.kappa, q.R0);
    return { lhs: q.E, rhs: factor * value, branch, scale: q.rScale };
  };
}

/** Step-size regime label of a case (coverage of the eta lambda_max(K0) axis). */
export function stepRegime(etaLambda: number): string {
  return etaLambda <= 0.5 ? 'eta*lambda<=0.5' : etaLambda <= 1 ? 'eta*lambda<=1' : 'eta*lambda>1';
}

/** Rebuild a GD case from `describe`'s output. */
function reviveGdCase(description: unknown): GdCase {
  const flow = reviveFlowCase(description);
  const { steps, eta } = description as Record<string, unknown>;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) throw new NtkInputError('case.steps', steps, 'an integer >= 1');
  if (typeof eta !== 'number' || !(eta > 0) || !Number.isFinite(eta)) throw new NtkInputError('case.eta', eta, 'a finite number > 0');
  return { ...flow, steps, eta, etaLambda: eta * lambdaMax(flow) };
}

/**
 * A GD conjecture: Thm 1.2's bound for gradient descent, at steps eta lambda_max(K0) in `range` (and kappa in
 * `kappa`, default the instance generator's range).
 */
export function gdConjecture(
  id: string,
  range: readonly [number, number],
  rangeText: string,
  kappa?: readonly [number, number],
): Statement<GdCase, GdQuantities> {
  const arbitrary = gdCaseArb({ etaLambda: range, ...(kappa && { kappa }) });
  const reading: Reading<GdQuantities> = {
    name: 'conjecture',
    formula: `E_GD(T) <= min(6 kappa sqrt(R0), sqrt(8 R0))  for ${rangeText}`,
    expected: 'open',
    bound: thm12Against(1),
  };
  return {
    id,
    source: 'Sec. 4 (open question: finite step size)',
    relation: '<=',
    summary: `Thm 1.2 for gradient descent w_{k+1} = w_k - (eta/alpha^2) grad R(alpha h(w_k)), T = K eta, ${rangeText}`,
    readings: [reading],
    mutant: { name: 'mutant', formula: 'E_GD(T) <= min(6 kappa sqrt(R0), sqrt(8 R0)) / 4  (bound / 4)', expected: 'refuted', bound: thm12Against(1 / 4) },
    arbitrary: () => arbitrary,
    // The case's own kappa (its horizon T = K eta may differ from the drawn one) must lie in the stated range.
    applies: (c) => kappa === undefined || (caseKappa(c) >= kappa[0] && caseKappa(c) <= kappa[1]),
    measure: measureGd,
    labels: (c) => ({ family: c.family, step: stepRegime(c.etaLambda) }),
    describe: (c) => ({ family: c.family, direction: c.direction, steps: c.steps, eta: c.eta, etaLambda: c.etaLambda, instance: instanceToJson(c.instance) }),
    revive: reviveGdCase,
    requiredCoverage: { family: ['quadratic', 'structured', 'scalar'], branch: ['kappa', 'saturated'] },
    search: searchSpaceOf(arbitrary),
  };
}

/** GD-1: Thm 1.2's bound for gradient descent with eta lambda_max(K0) <= 1. */
export const gd1 = gdConjecture('GD-1', [0.02, 1], 'eta lambda_max(K0) <= 1');

/** GD-2: the same up to the stability limit of linearized GD, eta lambda_max(K0) < 2. */
export const gd2 = gdConjecture('GD-2', [0.02, 1.98], 'eta lambda_max(K0) < 2');

/** GD-2 restricted to the lazy regime kappa <= 1 (a refinement, after GD-1 and GD-2 fell to large-kappa cases). */
export const gd2Lazy = gdConjecture('GD-2-lazy', [0.02, 1.98], 'eta lambda_max(K0) < 2 and kappa <= 1', [1e-3, 1]);
