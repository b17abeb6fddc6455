import type { StepData } from './ExponentialDenseSolution.js';

/** Relative error of the 3-point Gauss-Legendre rule on e^(-x) over [0, L] is about 5e-7 L^7 (A&S 25.4.30). */
const GAUSS3_CONSTANT = 5e-7;
/** Cap on interior points per step (a safety net; the rule below gives at most a few dozen). */
const MAX_POINTS = 400;

/**
 * Interior mesh points for one exponential step, so that a 3-point Gauss rule per mesh interval integrates smooth
 * functionals of the solution (such as |y'|^2) to about rtol relative accuracy. A mode of the linear part with
 * eigenvalue lambda and amplitude zeta = |(V^T B f(y_n))_k| / lambda^(3/2) (the distance it still has to relax) is
 * active while zeta e^(-lambda tau) exceeds the tolerance (atol + rtol |y|, Euclidean); while it is, intervals
 * are at most c e^(2 lambda tau / 7) / lambda with c = 0.5 (rtol / 5e-7)^(1/7) in [0.05, 0.5] (the integrand
 * decays like e^(-2 lambda tau): the Gauss error on an interval of length L is ~5e-7 (2 lambda L)^7 of its value,
 * which the geometric growth keeps summable). Steps whose modes are all relaxed, or slow (lambda h <= c), get
 * no interior points. Returns absolute times strictly inside (t_n, t_n + h), increasing.
 */
export function stepMesh(d: StepData, modalDerivative: Float64Array, y: Float64Array, rtol: number, atol: Float64Array): number[] {
  const { op, h, t } = d;
  let tol2 = 0;
  for (let i = 0; i < y.length; i++) tol2 += ((atol[i] as number) + rtol * Math.abs(y[i] as number)) ** 2;
  const tol = Math.sqrt(tol2);
  const c = Math.min(0.5, Math.max(0.05, 0.5 * (rtol / GAUSS3_CONSTANT) ** (1 / 7)));
  const active: { lambda: number; until: number }[] = [];
  for (let r = 0; r < op.rows; r++) {
    const lambda = op.lambda[r] as number;
    if (!(lambda * h > c)) continue;
    const zeta = Math.abs(modalDerivative[r] as number) / lambda ** 1.5;
    if (!(zeta > tol)) continue;
    active.push({ lambda, until: tol > 0 ? Math.log(zeta / tol) / lambda : Infinity });
  }
  const points: number[] = [];
  let tau = 0;
  while (active.length > 0 && points.length < MAX_POINTS) {
    let width = Infinity;
    for (const m of active) if (tau < m.until) width = Math.min(width, (c / m.lambda) * Math.exp((2 / 7) * m.lambda * tau));
    if (width === Infinity) break;
    tau += width;
    if (tau >= h * (1 - 1e-9)) break;
    points.push(t + tau);
  }
  return points;
}
