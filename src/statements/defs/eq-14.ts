import { COVERED_FAMILIES } from '../../../arbitraries/instanceFromParams.js';
import { instanceArb } from '../../../arbitraries/instanceArb.js';
import { HORIZON_CLASSES } from '../../../arbitraries/horizons.js';
import { norm2 } from '../../linalg/dense.js';
import type { Run } from '../../flow/Run.js';
import { QuadraticModel } from '../../models/quadratic.js';
import { ScalarModel } from '../../models/scalar.js';
import { certifiedRadius } from '../certifiedRadius.js';
import { flowStatement, IDENTITY_TOLERANCE } from '../flowStatement.js';
import type { Bound } from '../Statement.js';
import { dot, sampleTimes, trajectoryPoint, type TrajectoryPoint } from '../trajectoryPoint.js';
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

/**
 * The identity's side at one sample time, at a centre c (the sample time, moved into [h, T - h]): the central
 * difference (||e(c + h)||^2 - ||e(c - h)||^2) / (2h) of the solved trajectory's dense output, the rate
 * -2 <e, K_t r - K0 rbar> at c with K_t from the explicit Jacobian, and the difference's error bound.
 */
interface IdentityPoint {
  readonly difference: number;
  readonly rate: number;
  readonly tolerance: number;
  /** Operand scale of the identity: 4 ||r(0)|| s (1/h + L^2), the size e's rounding is multiplied by. */
  readonly identityScale: number;
}

/** The inequality's points, and the identity's, computed on first use (dense-output evaluations the inequality does not need). */
interface Eq14Measure {
  readonly points: readonly Eq14Point[];
  identity(): readonly IdentityPoint[];
}

/** Step h and error bound of the central difference of ||e||^2 on one run (see {@link differenceRule}). */
interface DifferenceRule {
  readonly h: number;
  /** The error bound for a half-width `half` (h, or a hair less where c +- h was clipped to [0, T]). */
  tolerance(half: number): number;
  readonly identityScale: number;
}

/**
 * The central difference's step and error bound, derived from certified constants: L = Lip(h), M = Lip(Dh) on the
 * certified radius at T (`certifiedRadius`), rho = ||r(0)|| (||r|| and ||rbar|| never grow, so ||e|| <= 2 rho), and
 * the solver's global error, which the identity checks bound by IDENTITY_TOLERANCE (100 x the working rtol) per unit
 * of ||r(0)|| (2 + int ||K_s||) on r (flow.residual) and of the radius (2 + int ||K_s||) on w; int ||K_s|| <= T L^2.
 * Derivatives along the flow (K_t = J J^T, dw/dt = J^T r / alpha, dr/dt = -K_t r, drbar/dt = -K0 rbar):
 * ||K_t|| <= L^2, ||dw/dt|| <= L rho / alpha, ||K_t'|| <= K1 = 2 L^2 M rho / alpha, ||e'|| <= E1 = 2 L^2 rho,
 * ||e''|| <= E2 = K1 rho + 2 L^4 rho (e'' = K_t^2 r - K_t' r - K0^2 rbar).
 * - f = ||e||^2: f'' = 2 ||e'||^2 + 2 <e, e''>, so |f''| <= F2 = 2 E1^2 + 4 rho E2. When D^2 h is constant (h
 *   quadratic: the quadratic and scalar models), J'' = D^2 h[w''] with ||w''|| <= (M L rho^2 / alpha + L^3 rho) / alpha,
 *   so ||K_t''|| <= K2 = 2 L M ||w''|| + 2 M^2 (L rho / alpha)^2, ||r'''|| <= K2 rho + 3 K1 L^2 rho + L^6 rho, and
 *   f''' = 6 <e', e''> + 2 <e, e'''> gives |f'''| <= F3 = 6 E1 E2 + 4 rho (||r'''|| + L^6 rho).
 * - Difference rule: (f(c + h) - f(c - h)) / (2h) - f'(c) is h^2 (f'''(x1) + f'''(x2)) / 12, at most h^2 F3 / 6
 *   (Taylor); without a bound on f''' it is (1/2h) int_{-h}^{h} (f'(c + u) - f'(c)) du, at most h F2 / 2.
 * - Solve error: ||e~ - e|| <= de moves f by <= df = de (4 rho + de), the difference by <= df / h; the rate
 *   -2 <e, K_t r - K0 rbar> at c moves by <= 8 L^2 rho de (through e and r) + 8 L M rho^2 dw (through K_t).
 * h minimizes the sum (h = (3 df / F3)^(1/3), or sqrt(2 df / F2)), at most T / 2 so that [c - h, c + h] fits in [0, T].
 */
function differenceRule(run: Run): DifferenceRule {
  const { model, alpha, T } = run.instance;
  const radius = certifiedRadius(model, run.R0, alpha, T);
  const L = model.lipH(radius);
  const M = model.lipDh(radius);
  const rho = norm2(run.linear.r0);
  if (rho === 0) return { h: T / 2, tolerance: () => 0, identityScale: 0 }; // r = rbar = 0: both sides vanish
  const condition = 2 + T * L * L;
  const de = IDENTITY_TOLERANCE * rho * condition;
  const dw = IDENTITY_TOLERANCE * radius * condition;
  const df = de * (4 * rho + de);
  const rateError = 8 * L * L * rho * de + 8 * L * M * rho * rho * dw;
  const K1 = (2 * L * L * M * rho) / alpha;
  const E1 = 2 * L * L * rho;
  const E2 = K1 * rho + 2 * L ** 4 * rho;
  const identityScale = (step: number) => 4 * rho * Math.max(run.residualScale, rho) * (1 / step + L * L);
  if (model instanceof QuadraticModel || model instanceof ScalarModel) {
    const wSecond = ((M * L * rho * rho) / alpha + L ** 3 * rho) / alpha;
    const K2 = 2 * L * M * wSecond + 2 * ((M * L * rho) / alpha) ** 2;
    const rThird = K2 * rho + 3 * K1 * L * L * rho + L ** 6 * rho;
    const F3 = 6 * E1 * E2 + 4 * rho * (rThird + L ** 6 * rho);
    const h = Math.min(T / 2, Math.cbrt((3 * df) / F3)) || T / 2;
    return { h, tolerance: (half) => (half * half * F3) / 6 + df / half + rateError, identityScale: identityScale(h) };
  }
  const F2 = 2 * E1 * E1 + 4 * rho * E2;
  const h = Math.min(T / 2, Math.sqrt((2 * df) / F2)) || T / 2;
  return { h, tolerance: (half) => (half * F2) / 2 + df / half + rateError, identityScale: identityScale(h) };
}

/** ||r(t) - rbar(t)||^2 from the dense output of both flows. */
function gapSquared(run: Run, t: number): number {
  const r = run.nonlinear.trajectory.residual(t);
  const rbar = run.linear.residual(t);
  let s = 0;
  for (let i = 0; i < r.length; i++) s += ((r[i] as number) - (rbar[i] as number)) ** 2;
  return s;
}

/** -2 <e, K_t r - K0 rbar>, with K_t from the explicit Jacobian. */
function kernelRate(q: TrajectoryPoint): number {
  return -2 * (dot(q.e, q.Ktr) - dot(q.e, q.K0rbar));
}

function measure(run: Run, reference: Run): Eq14Measure {
  const times = sampleTimes(reference);
  const points = times.map((t) => {
    const q = trajectoryPoint(run, t);
    // D = 2 <e, de/dt>, de/dt = rDot + K0 rbar, rDot = -alpha J dw/dt from the flow's right-hand side (vjp).
    const eDot = q.rDot.map((x, i) => x + (q.K0rbar[i] as number));
    const s = Math.max(norm2(q.r), norm2(q.rbar), run.residualScale);
    const coupling = dot(q.e, q.Ktr) - dot(q.e, q.K0r);
    return { derivative: 2 * dot(q.e, eDot), coupling, scale: 2 * s * (q.kernelNorm + q.kernel0Norm) * s };
  });
  let memo: readonly IdentityPoint[] | undefined;
  return {
    points,
    identity: () => {
      memo ??= identityPoints(run, times);
      return memo;
    },
  };
}

/** The identity's points at the sample times `times` of `run`. */
function identityPoints(run: Run, times: readonly number[]): IdentityPoint[] {
  const { h, tolerance, identityScale } = differenceRule(run);
  const { T } = run.instance;
  return times.map((t) => {
    // [a, b] = [c - h, c + h] around the sample time moved into [h, T - h], clipped to [0, T] (rounding).
    const c = Math.min(Math.max(t, h), T - h);
    const a = Math.max(0, c - h);
    const b = Math.min(T, c + h);
    const half = (b - a) / 2;
    return {
      difference: (gapSquared(run, b) - gapSquared(run, a)) / (b - a),
      rate: kernelRate(trajectoryPoint(run, a + half)),
      tolerance: tolerance(half),
      identityScale,
    };
  });
}

/**
 * D <= -c <e, (K_t - K0) r>, a sign-indefinite inequality, written with positive sides as
 * lhs = D + c P + S <= rhs = S, where S is the operand scale (so the ratio is 1 + violation / S).
 */
function bound(c: number): (m: Eq14Measure) => Bound {
  return (m) =>
    worstOf(
      '<=',
      m.points.map((q) => ({ lhs: q.derivative + c * q.coupling + q.scale, rhs: q.scale, scale: q.scale })),
    );
}

/** The identity d/dt ||e||^2 = sign x (-2 <e, K_t r - K0 rbar>) on finite differences: |difference - sign x rate| <= tolerance. */
function identity(sign: number): (m: Eq14Measure) => Bound {
  return (m) =>
    worstOf(
      '<=',
      m.identity().map((q) => ({ lhs: Math.abs(q.difference - sign * q.rate), rhs: q.tolerance, scale: q.identityScale })),
    );
}

/**
 * Eq. (14): d/dt ||r - rbar||^2 = -2 <r - rbar, K_t r - K0 rbar> <= -2 <r - rbar, (K_t - K0) r>, along the
 * trajectory. The inequality takes the derivative from the right-hand side and the kernels from explicit Jacobians
 * (its restored form reduces to -2 <e, K0 e> <= 0); the identity reading checks the equality against central
 * differences of the solved trajectory, within the difference rule's and the solver's error bound.
 */
export const eq14 = flowStatement<Eq14Measure>({
  id: 'eq-14',
  source: 'eq. (14)',
  relation: '<=',
  summary: 'd/dt ||r - rbar||^2 = -2 <r - rbar, K_t r - K0 rbar> <= -2 <r - rbar, (K_t - K0) r>',
  readings: [
    { name: 'restored', formula: 'd/dt ||r - rbar||^2 <= -2 <r - rbar, (K_t - K0) r>', expected: 'holds', bound: bound(C.restored) },
    { name: 'literal', formula: 'd/dt ||r - rbar||^2 <= -<r - rbar, (K_t - K0) r>', expected: 'refuted', bound: bound(C.literal) },
    {
      name: 'identity',
      formula:
        '|(||e(c+h)||^2 - ||e(c-h)||^2) / 2h + 2 <e, K_t r - K0 rbar>(c)| <= difference-rule error + solve error, on the solved trajectory (e = r - rbar)',
      expected: 'holds',
      bound: identity(1),
    },
  ],
  // The identity with its sign flipped: the finite differences then miss by 2 |d/dt ||e||^2|, of the size of the
  // operands once e has grown (kappa >~ 1), far beyond the difference rule's error bound.
  mutant: {
    name: 'mutant',
    formula: 'd/dt ||r - rbar||^2 = +2 <r - rbar, K_t r - K0 rbar>  (sign flipped), on the same finite differences',
    expected: 'refuted',
    bound: identity(-1),
  },
  arbitrary: (size) => instanceArb(size),
  extract: measure,
  requiredCoverage: { family: COVERED_FAMILIES, horizon: HORIZON_CLASSES },
});
