import type { StepData } from './exponentialInterpolant.js';

/** Relative error of the 3-point Gauss-Legendre rule on e^(-x) over an interval of length L is about 5e-7 L^7. */
const GAUSS3_CONSTANT = 5e-7;
/** Smallest interval, in units of 1 / lambda. */
const MIN_WIDTH = 0.05;
/** Cap on interior points per step (a safety net: the rule below gives at most a few dozen per mode). */
const MAX_POINTS = 200;
const NONE: readonly number[] = Object.freeze([]);

/**
 * Energy V^T B f(y_n) puts in each mode of the linear part: a mode with eigenvalue lambda and modal velocity
 * w = (V^T B f(y_n))_k relaxes like e^(-lambda tau), and its share of int |y'|^2 dt from t_n on is w^2 / (2 lambda^2).
 * Returns the total (for the reference scale of {@link stepMesh}).
 */
export function modalEnergy(lambda: Float64Array, modalDerivative: Float64Array): number {
  let e = 0;
  for (const [r, l] of lambda.entries()) if (l > 0) e += (modalDerivative[r] as number) ** 2 / (2 * l * l);
  return e;
}

/**
 * Interior mesh points for one exponential step, so that a 3-point Gauss rule per mesh interval integrates smooth
 * functionals of the solution (such as |y'|^2) to about rtol times `energyScale` (the largest modal energy seen so
 * far, a proxy for int_0^T |y'|^2). An exponential step may be long compared with 1 / lambda while a mode still
 * relaxes inside it (the method integrates that exactly; a polynomial quadrature does not). A mode with energy E
 * ({@link modalEnergy}) decays like e^(-2 lambda tau), and the Gauss error on an interval of length L is about
 * 5e-7 (2 lambda L)^7 of the integral there; intervals of length (c / lambda) e^(2 lambda tau / 7) with
 * c = 0.5 (rtol energyScale / (5e-7 E))^(1/7) (at least 0.05) keep the total error of the mode near rtol energyScale
 * while the widths grow geometrically. Modes with lambda h <= c, or too little energy to matter, add no points.
 * Returns absolute times strictly inside (t_n, t_n + h), increasing.
 */
export function stepMesh(d: StepData, modalDerivative: Float64Array, rtol: number, energyScale: number): readonly number[] {
  const { op, h, t } = d;
  let modes: { lambda: number; c: number }[] | undefined; // allocated only for a step that needs points
  for (const [r, lambda] of op.lambda.entries()) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: for lambda = 0 the energy is w^2 / 0 = Infinity (or NaN), so c = 0.05 (or NaN) and `lambda h > c` is false: the mode adds no points anyway
    if (!(lambda > 0)) continue;
    const energy = (modalDerivative[r] as number) ** 2 / (2 * lambda * lambda);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: for energy 0, c = max(0.05, x / 0) = Infinity (NaN when rtol energyScale = 0), and `lambda h > c` is false: the mode adds no points anyway
    if (!(energy > 0)) continue;
    const c = Math.max(MIN_WIDTH, 0.5 * ((rtol * energyScale) / (GAUSS3_CONSTANT * energy)) ** (1 / 7));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: a mode with lambda h <= c has widths (c / lambda) e^(...) >= h, so it never sets an interval that ends inside the step
    if (lambda * h > c) {
      modes ??= [];
      modes.push({ lambda, c });
    }
  }
  if (modes === undefined) return NONE;
  const points: number[] = [];
  let tau = 0;
  while (points.length < MAX_POINTS) {
    let width = Infinity;
    for (const m of modes) width = Math.min(width, (m.c / m.lambda) * Math.exp((2 / 7) * m.lambda * tau));
    tau += width;
    if (tau >= h * (1 - 1e-9)) break;
    points.push(t + tau);
  }
  return points;
}
