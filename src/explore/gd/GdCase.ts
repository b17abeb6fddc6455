import fc from 'fast-check';
import { instanceFromParams, type InstanceParams } from '../../../arbitraries/instanceFromParams.js';
import { instanceParamBlocks, instanceParamsArb, instanceRanges, type InstanceConstraints } from '../../../arbitraries/instanceParamsArb.js';
import { uniform } from '../../../arbitraries/uniform.js';
import { kappa } from '../../flow/kappa.js';
import { loss, residual } from '../../flow/residual.js';
import { gram } from '../../linalg/dense.js';
import { symmetricEigen } from '../../linalg/symmetricEigen.js';
import { parametricArbitrary } from '../../../arbitraries/searchSpaceOf.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';

/** A gradient-descent case: a flow instance (its horizon T) cut into `steps` steps of size eta = T / steps. */
export interface GdCase extends FlowCase {
  readonly steps: number;
  readonly eta: number;
  /** eta lambda_max(K0): the step in units of the linearized descent's stability limit 2. */
  readonly etaLambda: number;
}

/** kappa = T Lip(Dh) sqrt(R0) / alpha of a case, with the global certified Lip(Dh) (the iterates may leave any ball). */
export function caseKappa(c: FlowCase): number {
  const { model, alpha, T } = c.instance;
  const R0 = loss(residual(c.instance, model.w0));
  return kappa(T, model.lipDh(Infinity), R0, alpha);
}

/** lambda_max(K0), K0 = J0 J0^T. */
export function lambdaMax(c: FlowCase): number {
  const { model } = c.instance;
  const values = symmetricEigen(gram(model.jacobian(model.w0), model.n, model.p), model.n).values;
  return Math.max(0, values[values.length - 1] as number);
}

/**
 * The GD case of a flow case at the step eta lambda_max(K0) = `etaLambda` exactly: eta = etaLambda / lambda_max,
 * steps K = max(1, round(T / eta)), and the horizon moved to T = K eta (within a factor 3/2 of the drawn one when
 * T >= eta; a single step when T < eta / 2 lengthens it, and kappa with it: conjectures restricted to a kappa range
 * check the case's own kappa). A kernel K0 = 0 (lambda_max = 0) keeps T and takes one step.
 */
export function gdCaseOf(c: FlowCase, etaLambda: number): GdCase {
  const { T } = c.instance;
  const lambda = lambdaMax(c);
  if (!(lambda > 0)) return { ...c, steps: 1, eta: T, etaLambda: 0 };
  const eta = etaLambda / lambda;
  const steps = Math.max(1, Math.round(T / eta));
  return { ...c, instance: { ...c.instance, T: steps * eta }, steps, eta, etaLambda: eta * lambda };
}

/** Constraints of {@link gdCaseArb}: the instance ranges and the box of the target eta lambda_max(K0). */
export interface GdCaseConstraints extends InstanceConstraints {
  /** [min, max] of the target eta lambda_max(K0), drawn uniformly. */
  readonly etaLambda: readonly [number, number];
}

/**
 * Instance defaults of the GD experiments: the polynomial families (decimal re-evaluation possible), n, p <= 3 and
 * tau = T lambda_max(K0) <= 10, so that K = ceil(tau / (eta lambda)) stays in the hundreds at eta lambda >= 0.02.
 */
export const GD_INSTANCES: InstanceConstraints = { families: ['quadratic', 'structured', 'scalar', 'converse'], maxN: 3, maxP: 3, tau: [1e-2, 10] };

/**
 * GD cases: `instanceArb`'s parameter points with one more coordinate, the target eta lambda_max(K0) (uniform in
 * its box), decoded by {@link gdCaseOf}; carries the parametric view for the targeted search.
 */
export function gdCaseArb(constraints: GdCaseConstraints): fc.Arbitrary<GdCase> {
  const instance = { ...GD_INSTANCES, ...constraints };
  const ranges = instanceRanges(instance);
  const [lo, hi] = constraints.etaLambda;
  const points = fc
    .tuple(instanceParamsArb(instance), uniform(lo, hi))
    .map(([point, etaLambda]): InstanceParams => ({ discrete: point.discrete, x: [...point.x, etaLambda] }));
  return parametricArbitrary(points, {
    blocks: (point) => [...instanceParamBlocks(point.discrete, ranges), { name: 'etaLambda', group: 'dimensionless', length: 1, min: lo, max: hi, log: false }],
    decode: (point) => gdCaseOf(instanceFromParams({ discrete: point.discrete, x: point.x.slice(0, -1) }), point.x[point.x.length - 1] as number),
    niche: ({ discrete: d }) => `${d.family}/${d.n > 1 ? 'n>1' : 'n=1'}`,
  });
}
