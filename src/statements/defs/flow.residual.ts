import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import type { Run } from '../../flow/Run.js';
import { integrateAdaptive } from '../../integrators/integrateAdaptive.js';
import { tableaus } from '../../integrators/tableaus/index.js';
import { distance, matVec, norm2 } from '../../linalg/dense.js';
import { flowStatement, IDENTITY_TOLERANCE } from '../flowStatement.js';
import { integrateOverMesh, quadraturePanels } from '../gaussLegendre.js';
import type { Bound } from '../Statement.js';
import { sampleTimes, trajectoryPoint } from '../trajectoryPoint.js';

/** What flow.residual measures, for a kernel factor c (1 in the theory). */
interface ResidualMeasure {
  /** Pointwise: max ||dr/dt + c K_t r|| / (||K_t|| ||r||) with dr/dt from the right-hand side. */
  readonly pointwise: (c: number) => number;
  /**
   * Integral form over the solved trajectory: ||r(T) - r(0) + c int_0^T K_s r(s) ds|| / (||r(0)|| (2 + int_0^T ||K_s|| ds)).
   * The divisor is the condition of the identity: a trajectory r + delta with ||delta(t)|| <= eps ||r(0)|| leaves
   * a residual ||delta(T) - delta(0) + int K delta|| <= eps ||r(0)|| (2 + int ||K_s|| ds), so the relative residual
   * measures eps, the quantity the tolerance is about (without it, a stiff flow, T ||K|| ~ 100, amplifies the
   * solver's error 100-fold: the search found 3.4e-6 at rtol 1e-8 with T ||K|| = 75).
   */
  readonly integral: (c: number) => number;
  /** 2 + int_0^T ||K_s|| ds, the divisor of `integral`. */
  readonly condition: number;
  /** ||rbar(T) - (ODE solution of rbar' = -K0 rbar)(T)|| / ||r(0)||: the exact linear side against a solver. */
  readonly linear: number;
}

function measure(run: Run, reference: Run): ResidualMeasure {
  const { n } = run.instance.model;
  const points = sampleTimes(reference).map((t) => trajectoryPoint(run, t));
  const r0 = norm2(run.linear.r0) || 1;
  // int K_s r(s) ds (first n entries) and int ||K_s|| ds (entry n), one quadrature.
  const integrals = new Float64Array(n + 1);
  integrateOverMesh(
    run.nonlinear.trajectory.ts,
    (t) => {
      const q = trajectoryPoint(run, t);
      return Float64Array.of(...q.Ktr, q.kernelNorm);
    },
    integrals,
    quadraturePanels(run, reference),
  );
  const Kr = integrals.subarray(0, n);
  const condition = 2 + (integrals[n] as number);
  const change = run.nonlinear.rT.map((x, i) => x - (run.linear.r0[i] as number));
  const rtol = run.nonlinear.rtol;
  const K0 = run.linear.K0;
  const ode = integrateAdaptive(
    tableaus.dopri5,
    (_t, y, dy) =>
      matVec(K0, n, n, y, dy).forEach((x, i) => {
        dy[i] = -x;
      }),
    0,
    run.linear.r0,
    run.instance.T,
    {
      rtol,
      atol: rtol * r0,
    },
  );
  return {
    pointwise: (c) =>
      Math.max(
        0,
        ...points.map(
          (q) =>
            distance(
              q.rDot,
              q.Ktr.map((x) => -c * x),
            ) / (q.kernelNorm * norm2(q.r) || 1),
        ),
      ),
    integral: (c) => norm2(change.map((x, i) => x + c * (Kr[i] as number))) / (r0 * condition),
    condition,
    linear: distance(ode.y, run.rbarT) / r0,
  };
}

function bound(c: number): (m: ResidualMeasure) => Bound {
  return (m) => {
    const parts: [string, number][] = [
      ['pointwise', m.pointwise(c)],
      ['integral', m.integral(c)],
      ['linear', m.linear],
    ];
    const [branch, lhs] = parts.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { lhs, rhs: IDENTITY_TOLERANCE, branch };
  };
}

/**
 * Eq. (13): dr/dt = -K_t r along the solved trajectory (pointwise from the right-hand side, and in integral
 * form over the dense solution), and rbar(t) = exp(-K0 t) r(0) agrees with an ODE solve of rbar' = -K0 rbar.
 */
export const flowResidual = flowStatement<ResidualMeasure>({
  id: 'flow.residual',
  source: 'eq. (13)',
  relation: '<=',
  summary: 'Residual dynamics dr/dt = -K_t r and drbar/dt = -K0 rbar (relative residual <= 100 x the working rtol 1e-8)',
  readings: [
    {
      name: 'restored',
      formula: 'dr/dt = -K_t r along the trajectory (pointwise; integrated, relative to 2 + int ||K_s|| ds); rbar = exp(-K0 t) r(0)',
      expected: 'holds',
      bound: bound(1),
    },
  ],
  mutant: { name: 'mutant', formula: 'dr/dt = -K_t r / 2  (kernel halved)', expected: 'refuted', bound: bound(1 / 2) },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
