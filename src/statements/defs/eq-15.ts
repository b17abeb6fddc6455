import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { norm2 } from '../../linalg/dense.js';
import type { Run } from '../../flow/Run.js';
import { flowStatement } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { dot, sampleTimes, trajectoryPoint } from '../trajectoryPoint.js';
import { worstOf } from '../worstOf.js';

/** The constants of eq. (15): 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0) (literal: sqrt(R0)). */
const C = { factor: 2, r0Squared: 2, literalR0Squared: 1 } as const;

/** Per sample time: d/dt ||e||, ||K_t - K0|| ||r||, and the certified constants on B(w0, ||w(t) - w0||). */
interface Eq15Point {
  readonly rate: number;
  readonly kernelTerm: number;
  readonly lipH: number;
  readonly lipDh: number;
  readonly distance: number;
  readonly R0: number;
  /** Magnitude of the operands of the rate: (||K_t|| + ||K0||) times the residual's operand scale. */
  readonly scale: number;
}

function measure(run: Run, reference: Run): Eq15Point[] {
  const { model } = run.instance;
  return sampleTimes(reference).flatMap((t) => {
    const q = trajectoryPoint(run, t);
    const eNorm = norm2(q.e);
    if (eNorm === 0) return [];
    // d/dt ||e|| = <e, de/dt> / ||e||, de/dt = dr/dt - drbar/dt = rDot + K0 rbar (both from right-hand sides).
    const eDot = q.rDot.map((x, i) => x + (q.K0rbar[i] as number));
    return [{ rate: dot(q.e, eDot) / eNorm, kernelTerm: q.kernelChange * norm2(q.r), lipH: model.lipH(q.distance), lipDh: model.lipDh(q.distance), distance: q.distance, R0: run.R0, scale: (q.kernelNorm + q.kernel0Norm) * Math.max(norm2(q.r), run.residualScale) }];
  });
}

function bound(r0Squared: number): (points: Eq15Point[]) => Bound {
  return (points) =>
    worstOf(
      '<=',
      points.flatMap((q) => {
        const last = C.factor * q.lipH * q.lipDh * q.distance * Math.sqrt(r0Squared * q.R0);
        return [
          { lhs: q.rate, rhs: q.kernelTerm, branch: 'kernel', scale: q.scale },
          { lhs: q.rate, rhs: last, branch: 'lipschitz', scale: q.scale },
        ];
      }),
    );
}

/** Eq. (15): d/dt ||r - rbar|| <= ||K_t - K0|| ||r|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0), along the trajectory. */
export const eq15 = flowStatement<Eq15Point[]>({
  id: 'eq-15',
  source: 'eq. (15)',
  relation: '<=',
  summary: 'Growth rate of the gap: d/dt ||r - rbar|| <= ||K_t - K0|| ||r|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0)',
  readings: [
    { name: 'restored', formula: 'd/dt ||r - rbar|| <= ||K_t - K0|| ||r|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(2 R0)', expected: 'holds', bound: bound(C.r0Squared) },
    { name: 'literal', formula: 'd/dt ||r - rbar|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(R0)', expected: 'refuted', bound: bound(C.literalR0Squared) },
  ],
  mutant: { name: 'mutant', formula: 'd/dt ||r - rbar|| <= 2 Lip(h) Lip(Dh) ||w - w0|| sqrt(R0) / 4  (constant / 4)', expected: 'refuted', bound: bound(C.literalR0Squared / 16) },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: ['quadratic', 'structured', 'scalar'], horizon: HORIZON_CLASSES },
});
