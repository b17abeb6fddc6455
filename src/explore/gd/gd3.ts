import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { NtkSolveError } from '../../errors/NtkSolveError.js';
import { solveRunPair } from '../../flow/Run.js';
import { norm2 } from '../../linalg/dense.js';
import { instanceToJson } from '../../flow/instanceToJson.js';
import { searchSpaceOf } from '../../../arbitraries/searchSpaceOf.js';
import { FLOW_RTOL, reviveFlowCase } from '../../statements/flowStatement.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';
import type { Bound, Measured, Reference, Statement } from '../../statements/Statement.js';
import { GD_INSTANCES, lambdaMax } from './GdCase.js';
import { gradientDescent } from './gradientDescent.js';
import { preciseDescent } from './preciseDescent.js';

/** Rungs of the step ladder eta_j = eta_0 / 2^j, j = 0..LADDER-1. */
export const LADDER = 5;
/** eta_0 lambda_max(K0) <= this: the coarsest rung is well inside the linearized descent's stability region. */
export const COARSEST_ETA_LAMBDA = 0.25;
/** The conjecture's slack: the finest rung's constant may exceed the coarser rungs' largest by this factor. */
export const GD3_SLACK = 2;

/** The finest rung's |E_GD - E_GF| must exceed its resolution this many times to be measured at all. */
const RESOLVED_FACTOR = 100;

/** What GD-3 measures: d_j = |E_GD(T; eta_j) - E_GF(T)| on the ladder, and the operand scale. */
export interface GdLadder {
  readonly etas: readonly number[];
  readonly d: readonly number[];
  readonly rScale: number;
}

/** Step counts of the ladder: K_0 = max(2, ceil(T lambda_max / COARSEST_ETA_LAMBDA)), K_j = K_0 2^j. */
export function ladderSteps(c: FlowCase): number[] {
  const K0 = Math.max(2, Math.ceil((c.instance.T * lambdaMax(c)) / COARSEST_ETA_LAMBDA));
  return Array.from({ length: LADDER }, (_, j) => K0 * 2 ** j);
}

/**
 * lhs = d_J / eta_J^power (the finest rung), rhs = slack * max_{j<J} d_j / eta_j^power: "d(eta) = O(eta^power)"
 * read on the ladder — the constant estimated at the finest step may not exceed `slack` times the coarser ones'.
 */
function ladderBound(power: number, slack: number): (m: GdLadder) => Bound {
  return (m) => {
    const c = m.d.map((d, j) => d / (m.etas[j] as number) ** power);
    const J = c.length - 1;
    return { lhs: c[J] as number, rhs: slack * Math.max(...c.slice(0, J)), scale: m.rScale / (m.etas[J] as number) ** power };
  };
}

/**
 * Measure a case: the flow pair (working and 100x tighter solve: E_GF and its error) and the float descents on the
 * ladder; on demand, the decimal descents (each E_GD moved away from the float one by its own error estimate).
 */
function measureLadder(c: FlowCase): Measured<GdLadder> {
  const { instance } = c;
  const { primary, tight } = solveRunPair(instance, { rtol: FLOW_RTOL });
  const steps = ladderSteps(c);
  const etas = steps.map((K) => instance.T / K);
  const runs = steps.map((K, j) => gradientDescent(instance, etas[j] as number, K));
  const egd = runs.map((run) => norm2(run.r.map((x, i) => x - (run.rbar[i] as number))));
  const rScale = Math.max(tight.residualScale, ...runs.map((run) => run.maxResidual));
  // The finest rung's d must stand 100x above the error of E_GF (working vs tight solve) and the rounding floor:
  // below that the ladder measures noise, which is evidence neither way (counted as unsolved).
  const resolution = Math.abs(primary.E - tight.E) + (FLOW_RTOL / 100 + 64 * Number.EPSILON) * rScale;
  const finest = Math.abs((egd[LADDER - 1] as number) - tight.E);
  if (!(finest > RESOLVED_FACTOR * resolution)) {
    throw new NtkSolveError('no-convergence', `E_GD - E_GF = ${finest} at the finest step is not resolved (error ${resolution})`, {
      t: instance.T,
      steps: steps[LADDER - 1] as number,
    });
  }
  const at = (egdj: readonly number[], egf: number): GdLadder => ({ etas, d: egdj.map((e) => Math.abs(e - egf)), rScale });
  let reference: Reference<GdLadder> | undefined;
  return {
    primary: at(egd, primary.E),
    tight: at(egd, tight.E),
    tightAccuracy: FLOW_RTOL / 100,
    cost: primary.nonlinear.rhsEvaluations + steps.reduce((a, b) => a + b, 0),
    // Each rung's decimal descent, moved by its own error estimate towards the float value; the largest estimate,
    // relative to the operand scale, is the reference's error bound.
    reference: () => {
      if (reference === undefined) {
        const precise = steps.map((K, j) => preciseDescent(instance, etas[j] as number, K));
        const measurement = at(
          precise.map((d, j) => d.E + Math.sign(d.E - (egd[j] as number)) * d.error),
          tight.E,
        );
        const errorBound = Math.max(...precise.map((d) => d.error)) / rScale;
        reference = { measurement, method: 'decimal-descent', digits: Math.min(...precise.map((d) => d.digits)), errorBound };
      }
      return reference;
    },
  };
}

const arbitrary = instanceArb({ ...GD_INSTANCES, kappa: [1e-3, 1], tau: [1e-2, 4] });

/**
 * GD-3: E_GD(T) - E_GF(T) = O(eta) at fixed T, read on a ladder of five steps eta_j = eta_0 / 2^j with
 * eta_0 lambda_max(K0) <= 1/4 (kappa <= 1, so the kernel stays near K0): with d_j = |E_GD(eta_j) - E_GF|, the
 * constant d_4 / eta_4 at the finest step is at most 2 max_{j<4} d_j / eta_j. Refuted by a case whose finest-step
 * constant is more than twice every coarser one's (certified): d would then shrink slower than eta. The mutant
 * claims O(eta^2) (slack 1): first-order GD errors refute it (their d / eta^2 doubles at each rung).
 */
export const gd3: Statement<FlowCase, GdLadder> = {
  id: 'GD-3',
  source: 'Sec. 4 (open question: finite step size)',
  relation: '<=',
  summary: 'E_GD(T) - E_GF(T) = O(eta) at fixed T: on a 5-rung ladder eta_j = eta_0 / 2^j (eta_0 lambda_max(K0) <= 1/4, kappa <= 1)',
  readings: [
    {
      name: 'conjecture',
      formula: 'd_4 / eta_4 <= 2 max_{j<4} d_j / eta_j,  d_j = |E_GD(T; eta_j) - E_GF(T)|',
      expected: 'open',
      bound: ladderBound(1, GD3_SLACK),
    },
  ],
  mutant: { name: 'mutant', formula: 'd_4 / eta_4^2 <= max_{j<4} d_j / eta_j^2  (O(eta^2))', expected: 'refuted', bound: ladderBound(2, 1) },
  arbitrary: () => arbitrary,
  applies: () => true,
  measure: measureLadder,
  labels: (c) => ({ family: c.family }),
  describe: (c) => ({ family: c.family, direction: c.direction, steps: ladderSteps(c), instance: instanceToJson(c.instance) }),
  revive: reviveFlowCase,
  requiredCoverage: { family: ['quadratic', 'structured', 'scalar'] },
  search: searchSpaceOf(arbitrary),
};
