import { instanceArb } from '../../../arbitraries/instanceArb.js';
import type { Run } from '../../flow/Run.js';
import { integrateAdaptive } from '../../integrators/integrateAdaptive.js';
import { tableaus } from '../../integrators/tableaus/index.js';
import { distance, matVec, norm2 } from '../../linalg/dense.js';
import { flowStatement, IDENTITY_TOLERANCE_RTOLS } from '../flowStatement.js';
import { integrateOverMesh, quadraturePanels } from '../gaussLegendre.js';
import type { Bound } from '../Statement.js';
import { sampleTimes, trajectoryPoint } from '../trajectoryPoint.js';

/** What flow.residual measures, for a kernel factor c (1 in the theory). */
interface ResidualMeasure {
  /** Pointwise: max ||dr/dt + c K_t r|| / (||K_t|| ||r||) with dr/dt from the right-hand side. */
  readonly pointwise: (c: number) => number;
  /** Integral form: ||r(T) - r(0) + c int_0^T K_s r(s) ds|| / ||r(0)|| over the solved trajectory. */
  readonly integral: (c: number) => number;
  /** ||rbar(T) - (ODE solution of rbar' = -K0 rbar)(T)|| / ||r(0)||: the exact linear side against a solver. */
  readonly linear: number;
  readonly rtol: number;
}

function measure(run: Run, reference: Run): ResidualMeasure {
  const { n } = run.instance.model;
  const points = sampleTimes(reference).map((t) => trajectoryPoint(run, t));
  const r0 = norm2(run.linear.r0) || 1;
  const Kr = new Float64Array(n);
  integrateOverMesh(run.nonlinear.trajectory.ts, (t) => trajectoryPoint(run, t).Ktr, Kr, quadraturePanels(run, reference));
  const change = run.nonlinear.rT.map((x, i) => x - (run.linear.r0[i] as number));
  const rtol = run.nonlinear.rtol;
  const K0 = run.linear.K0;
  const ode = integrateAdaptive(tableaus.dopri5, (_t, y, dy) => matVec(K0, n, n, y, dy).forEach((x, i) => (dy[i] = -x)), 0, run.linear.r0, run.instance.T, {
    rtol,
    atol: rtol * r0,
  });
  return {
    pointwise: (c) =>
      Math.max(0, ...points.map((q) => distance(q.rDot, q.Ktr.map((x) => -c * x)) / (q.kernelNorm * norm2(q.r) || 1))),
    integral: (c) => norm2(change.map((x, i) => x + c * (Kr[i] as number))) / r0,
    linear: distance(ode.y, run.rbarT) / r0,
    rtol,
  };
}

function bound(c: number): (m: ResidualMeasure) => Bound {
  return (m) => {
    const parts: [string, number][] = [['pointwise', m.pointwise(c)], ['integral', m.integral(c)], ['linear', m.linear]];
    const [branch, lhs] = parts.reduce((a, b) => (b[1] > a[1] ? b : a));
    return { lhs, rhs: IDENTITY_TOLERANCE_RTOLS * m.rtol, branch };
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
  summary: 'Residual dynamics dr/dt = -K_t r and drbar/dt = -K0 rbar (relative residual <= 100 rtol)',
  readings: [{ name: 'restored', formula: 'dr/dt = -K_t r along the trajectory; rbar = exp(-K0 t) r(0)', expected: 'holds', bound: bound(1) }],
  mutant: { name: 'mutant', formula: 'dr/dt = -K_t r / 2  (kernel halved)', expected: 'refuted', bound: bound(1 / 2) },
  arbitrary: () => instanceArb(),
  extract: measure,
  requiredCoverage: { family: ['quadratic', 'structured', 'scalar'] },
});
