import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { loss } from '../../flow/residual.js';
import type { Run } from '../../flow/Run.js';
import { flowStatement, IDENTITY_TOLERANCE } from '../flowStatement.js';
import { integrateOverMesh, quadraturePanels } from '../gaussLegendre.js';
import type { Bound } from '../Statement.js';
import { trajectoryPoint } from '../trajectoryPoint.js';

/** Relative residuals of the energy identity and of the monotonicity of R, for the power `power` of alpha. */
interface EnergyMeasure {
  /** R0 - R(T) and int_0^T ||dw/dt||^2 dt. */
  readonly decrease: number;
  readonly dissipation: number;
  readonly alpha: number;
  readonly R0: number;
  /** Largest increase of R between consecutive mesh points. */
  readonly maxIncrease: number;
  /**
   * 2 + 4 int_0^T ||K_s|| ds, the condition of the identity: a trajectory r + delta with ||delta(t)|| <= eps ||r(0)||
   * changes R(T) by <= eps ||r(0)||^2 = 2 eps R0 and alpha^2 int ||dw/dt||^2 = int r^T K_s r by
   * <= 2 eps ||r(0)||^2 int ||K_s|| = 4 eps R0 int ||K_s||: the identity's relative residual is divided by it, so
   * that it measures eps (a stiff flow, T ||K|| ~ 100, would otherwise amplify the solver's error 100-fold).
   */
  readonly condition: number;
}

function measure(run: Run, reference: Run): EnergyMeasure {
  const { ts } = run.nonlinear.trajectory;
  const acc = new Float64Array(2); // int ||dw/dt||^2 dt, int ||K_s|| ds
  integrateOverMesh(
    ts,
    (t) => {
      const q = trajectoryPoint(run, t);
      return Float64Array.of(q.speed ** 2, q.kernelNorm);
    },
    acc,
    quadraturePanels(run, reference),
  );
  let maxIncrease = 0;
  let previous = run.R0;
  for (let i = 1; i < ts.length; i++) {
    const R = loss(run.nonlinear.trajectory.residual(ts[i] as number));
    maxIncrease = Math.max(maxIncrease, R - previous);
    previous = R;
  }
  const decrease = run.R0 - loss(run.nonlinear.rT);
  return { decrease, dissipation: acc[0] as number, alpha: run.instance.alpha, R0: run.R0, maxIncrease, condition: 2 + 4 * (acc[1] as number) };
}

function bound(power: number): (m: EnergyMeasure) => Bound {
  return (m) => {
    const identity = Math.abs(m.decrease - m.alpha ** power * m.dissipation) / (m.R0 * m.condition);
    const increase = m.maxIncrease / m.R0;
    return { lhs: Math.max(identity, increase), rhs: IDENTITY_TOLERANCE, branch: identity >= increase ? 'identity' : 'monotone' };
  };
}

/** Proof of (18): R(alpha h(w(t))) is non-increasing and R0 - R(T) = alpha^2 int_0^T ||dw/dt||^2 dt. */
export const flowEnergy = flowStatement<EnergyMeasure>({
  id: 'flow.energy',
  source: 'proof of (18)',
  relation: '<=',
  summary: 'Energy identity: R non-increasing and R0 - R(T) = alpha^2 int ||dw/dt||^2 (relative residual <= 100 x the working rtol 1e-8)',
  readings: [
    {
      name: 'restored',
      formula: '|R0 - R(T) - alpha^2 int_0^T ||dw/dt||^2 dt| / (R0 (2 + 4 int ||K_s|| ds)) <= 1e-6 (100 x the working rtol), R non-increasing',
      expected: 'holds',
      bound: bound(2),
    },
  ],
  mutant: { name: 'mutant', formula: 'R0 - R(T) = alpha int_0^T ||dw/dt||^2 dt  (wrong power of alpha)', expected: 'refuted', bound: bound(1) },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
