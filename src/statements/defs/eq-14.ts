import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { norm2 } from '../../linalg/dense.js';
import type { Run } from '../../flow/Run.js';
import { flowStatement } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { dot, sampleTimes, trajectoryPoint } from '../trajectoryPoint.js';
import { worstOf } from '../worstOf.js';

/** The factor 2 of eq. (14) (literal reading: without it). */
const C = { restored: 2, literal: 1 } as const;

/**
 * Per sample time: D = d/dt ||e||^2 from the right-hand sides, P = <e, (K_t - K0) r>, and the operand scale of both:
 * e = r - rbar is a difference of residuals whose operands have the size s = max(||r||, ||rbar||, Run.residualScale),
 * so its rounding (and solve) error scales with s, not with ||e||; D and P multiply it by kernel terms of size
 * (||K_t|| + ||K0||) s. Scale: 2 s (||K_t|| + ||K0||) s.
 */
interface Eq14Point {
  readonly derivative: number;
  readonly coupling: number;
  readonly scale: number;
}

function measure(run: Run, reference: Run): Eq14Point[] {
  return sampleTimes(reference).map((t) => {
    const q = trajectoryPoint(run, t);
    // D = 2 <e, de/dt>, de/dt = rDot + K0 rbar, rDot = -alpha J dw/dt from the flow's right-hand side (vjp).
    const eDot = q.rDot.map((x, i) => x + (q.K0rbar[i] as number));
    const s = Math.max(norm2(q.r), norm2(q.rbar), run.residualScale);
    const coupling = dot(q.e, q.Ktr) - dot(q.e, q.K0r);
    return { derivative: 2 * dot(q.e, eDot), coupling, scale: 2 * s * (q.kernelNorm + q.kernel0Norm) * s };
  });
}

/**
 * D <= -c <e, (K_t - K0) r>, a sign-indefinite inequality, written with positive sides as
 * lhs = D + c P + S <= rhs = S, where S is the operand scale (so the ratio is 1 + violation / S).
 */
function bound(c: number): (points: Eq14Point[]) => Bound {
  return (points) => worstOf('<=', points.map((q) => ({ lhs: q.derivative + c * q.coupling + q.scale, rhs: q.scale, scale: q.scale })));
}

/**
 * Eq. (14): d/dt ||r - rbar||^2 = -2 <r - rbar, K_t r - K0 rbar> <= -2 <r - rbar, (K_t - K0) r>, along the
 * trajectory; the derivative comes from the right-hand side, the kernels from explicit Jacobians.
 */
export const eq14 = flowStatement<Eq14Point[]>({
  id: 'eq-14',
  source: 'eq. (14)',
  relation: '<=',
  summary: 'd/dt ||r - rbar||^2 = -2 <r - rbar, K_t r - K0 rbar> <= -2 <r - rbar, (K_t - K0) r>',
  readings: [
    { name: 'restored', formula: 'd/dt ||r - rbar||^2 <= -2 <r - rbar, (K_t - K0) r>', expected: 'holds', bound: bound(C.restored) },
    { name: 'literal', formula: 'd/dt ||r - rbar||^2 <= -<r - rbar, (K_t - K0) r>', expected: 'refuted', bound: bound(C.literal) },
  ],
  // The coupling's sign flipped: e' = -K0 e - (K_t - K0) r makes <e, (K_t - K0) r> negative along the flow (of
  // the size of the operands once kappa >~ 1), so this fails by a wide margin. (The doubled factor -4 <e, (K_t - K0) r>
  // is false only by rounding noise of the operands on most cases.)
  mutant: { name: 'mutant', formula: 'd/dt ||r - rbar||^2 <= +2 <r - rbar, (K_t - K0) r>  (sign of the coupling flipped)', expected: 'refuted', bound: bound(-C.restored) },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: ['quadratic', 'structured', 'scalar'], horizon: HORIZON_CLASSES },
});
