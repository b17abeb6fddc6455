import fc from 'fast-check';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import type { Instance } from '../../flow/Instance.js';
import { kappa } from '../../flow/kappa.js';
import { loss, residual } from '../../flow/residual.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';

/** A generated problem of the invariant checks: a quadratic flow instance and the number of steps across [0, T]. */
export interface InvariantCase {
  readonly flow: FlowCase;
  /** Steps of size T / steps; at least {@link stableSteps} of the instance. */
  readonly steps: number;
}

/** Largest step h, in units of the Lipschitz bound L of the right-hand side, that the checks use: h L <= 1/2. */
const STEP_TIMES_LIPSCHITZ = 0.5;
/** Fewest steps of any case. */
const MIN_STEPS = 2;
/** Steps beyond the stable minimum that a case may add (shrinks to 0). */
const MAX_EXTRA_STEPS = 24;

/**
 * Steps that keep h L <= 1/2 with L a bound on the Lipschitz constant of the flow's right-hand side in the ball of
 * Prop 3.1: its Jacobian is -(J^T J) + (1/alpha) sum_k r_k Q_k, so `T L <= T Lip(h)^2 + sqrt(2) kappa` with the
 * certified constants on B(w0, sqrt(T R0) / alpha) (||r|| <= sqrt(2 R0) along the flow). At h L <= 1/2 every
 * classical explicit method is stable and gradient descent decreases the loss, so a non-finite result or a
 * certified violation is the method's fault, not the step size's.
 */
export function stableSteps(instance: Instance): number {
  const { model, alpha, T } = instance;
  const R0 = loss(residual(instance, model.w0));
  const rho = Math.sqrt(T * R0) / alpha;
  const TL = T * model.lipH(rho) ** 2 + Math.SQRT2 * kappa(T, model.lipDh(rho), R0, alpha);
  return Math.max(MIN_STEPS, Math.ceil(TL / STEP_TIMES_LIPSCHITZ));
}

/** What {@link invariantCaseArb} draws. */
export interface InvariantCaseConstraints {
  /** Largest output dimension n. Default 4. */
  readonly maxN?: number;
  /** Largest parameter dimension p. Default 6. */
  readonly maxP?: number;
}

/**
 * Cases of the invariant checks: multi-dimensional quadratic instances (general and structured) from
 * `instanceArb` over its full alpha, T, R0 ranges, with kappa in [1e-2, 2] and tau = T ||J0||^2 in [1e-2, 4]
 * (both regimes of Thm 1.2, a bounded number of stable steps), and a step count from the stable minimum up to 24
 * more. Shrinks towards small n, p and the fewest steps.
 */
export function invariantCaseArb(constraints: InvariantCaseConstraints = {}): fc.Arbitrary<InvariantCase> {
  const flows = instanceArb({
    families: ['quadratic', 'structured'],
    maxN: constraints.maxN ?? 4,
    maxP: constraints.maxP ?? 6,
    kappa: [1e-2, 2],
    tau: [1e-2, 4],
  });
  return fc
    .record({ flow: flows, extra: fc.integer({ min: 0, max: MAX_EXTRA_STEPS }) })
    .map(({ flow, extra }) => ({ flow, steps: stableSteps(flow.instance) + extra }));
}
