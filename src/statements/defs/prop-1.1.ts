import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import type { Run } from '../../flow/Run.js';
import { kappa } from '../../flow/kappa.js';
import { loss, residual } from '../../flow/residual.js';
import type { FlowCase } from '../../../arbitraries/FlowCase.js';
import { flowStatement } from '../flowStatement.js';
import { smallestAdmissibleRadius } from '../smallestAdmissibleRadius.js';
import type { Bound } from '../Statement.js';

/** Constants on the smallest ball B(w0, rho) admitted by a time limit T <= alpha rho / (Lip(h) s). */
interface Ball {
  readonly rho: number;
  readonly lipH: number;
  readonly lipDh: number;
}

/** What Prop 1.1 measures on a run: E, the scales, and the constants on the ball of each reading's time limit. */
export interface Prop11Measure {
  readonly E: number;
  readonly T: number;
  readonly alpha: number;
  readonly R0: number;
  /** Ball of reading (a), s = sqrt(R0); of reading (b), s = ||r(0)|| (Chizat et al.'s own limit). */
  readonly ballA?: Ball;
  readonly ballB?: Ball;
  readonly trajectoryRadius: number;
  /** Operand scale of E (Run.residualScale). */
  readonly rScale: number;
}

function ball(run: Run, s: number): Ball | undefined {
  const { model, T, alpha } = run.instance;
  const rho = smallestAdmissibleRadius((r) => model.lipH(r), T, s, alpha);
  return rho === undefined ? undefined : { rho, lipH: model.lipH(rho), lipDh: model.lipDh(rho) };
}

/** Prop 1.1's measurement of a solved run (its readings' `bound` takes it; shared with `runBounds`). */
export function prop11Measure(run: Run): Prop11Measure {
  const sqrtR0 = Math.sqrt(run.R0);
  const ballA = ball(run, sqrtR0);
  const ballB = ball(run, Math.SQRT2 * sqrtR0);
  const { T, alpha } = run.instance;
  return {
    E: run.E,
    T,
    alpha,
    R0: run.R0,
    trajectoryRadius: run.trajectoryRadius,
    rScale: Math.max(Math.SQRT2 * sqrtR0, run.residualScale),
    ...(ballA && { ballA }),
    ...(ballB && { ballB }),
  };
}

/** Outside a reading's own time limit its claim is vacuous. */
const VACUOUS = (E: number): Bound => ({ lhs: E, rhs: Infinity, branch: 'outside-limit' });

/** (a) E <= c T Lip(h)^2 kappa R0^(power/2) on ball A; power 1 restored (dimensional), 2 literal. */
function boundA(c: number, power: number): (m: Prop11Measure) => Bound {
  return (m) => {
    if (m.ballA === undefined) return VACUOUS(m.E);
    const k = kappa(m.T, m.ballA.lipDh, m.R0, m.alpha);
    return { lhs: m.E, rhs: c * m.T * m.ballA.lipH ** 2 * k * m.R0 ** (power / 2), branch: 'limit-a', scale: m.rScale };
  };
}

/** The constant of reading (b), Chizat et al.'s: 1 in front of T^2 Lip(h)^2 Lip(Dh) ||r(0)||^2 / alpha. */
const C_B = 1;

/** (b) E <= T^2 Lip(h)^2 Lip(Dh) ||r(0)||^2 / alpha on ball B. */
function boundB(m: Prop11Measure): Bound {
  if (m.ballB === undefined) return VACUOUS(m.E);
  return { lhs: m.E, rhs: (C_B * m.T ** 2 * m.ballB.lipH ** 2 * m.ballB.lipDh * 2 * m.R0) / m.alpha, branch: 'limit-b', scale: m.rScale };
}

/** Hypothesis of the weaker limit (a): some ball admits T <= alpha rho / (Lip(h) sqrt(R0)). */
function applies(c: FlowCase): boolean {
  const { model, T, alpha } = c.instance;
  const R0 = loss(residual(c.instance, model.w0));
  return smallestAdmissibleRadius((r) => model.lipH(r), T, Math.sqrt(R0), alpha) !== undefined;
}

/**
 * Prop 1.1, eq. (5) (Chizat, Oyallon & Bach's bound): for T <= alpha rho / (Lip(h) sqrt(R0)),
 * E(T) <= T Lip(h)^2 kappa sqrt(R0) = T^2 Lip(h)^2 Lip(Dh) R0 / alpha.
 */
export const prop11 = flowStatement<Prop11Measure>({
  id: 'prop-1.1',
  source: 'Prop. 1.1, eq. (5)',
  relation: '<=',
  summary: 'Chizat et al.: E(T) <= T^2 Lip(h)^2 Lip(Dh) R0 / alpha for T <= alpha rho / (Lip(h) sqrt(R0))',
  readings: [
    { name: 'restored-a', formula: 'E(T) <= T Lip(h)^2 kappa sqrt(R0)  for T <= alpha rho / (Lip(h) sqrt(R0))', expected: 'refuted', bound: boundA(1, 1) },
    {
      name: 'restored-b',
      formula: 'E(T) <= T^2 Lip(h)^2 Lip(Dh) ||r(0)||^2 / alpha  for T <= alpha rho / (Lip(h) ||r(0)||)',
      expected: 'holds',
      bound: boundB,
      constants: [{ branch: 'limit-b', symbol: '1', value: C_B }],
    },
    { name: 'literal', formula: 'E(T) <= T Lip(h)^2 kappa R0', expected: 'refuted', bound: boundA(1, 2) },
  ],
  mutant: { name: 'mutant', formula: 'E(T) <= T Lip(h)^2 kappa sqrt(R0) / 4  (constant / 4)', expected: 'refuted', bound: boundA(1 / 4, 1) },
  arbitrary: (size) => instanceArb(size),
  applies,
  extract: (run) => prop11Measure(run),
  labels: (m) => ({ leftBall: m.ballA !== undefined && m.trajectoryRadius > m.ballA.rho ? 'yes' : 'no' }),
  requiredCoverage: { family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
