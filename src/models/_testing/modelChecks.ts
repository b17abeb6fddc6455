/**
 * Shared checks of the model unit tests (test-only): Jacobian against finite differences, vjp against J^T r,
 * and sampled Lipschitz ratios against the certified constants.
 */
import { matTVec, norm2 } from '../../linalg/dense.js';
import { opNorm } from '../../linalg/opNorm.js';
import type { SmoothModel } from '../SmoothModel.js';

/** A uniformly random direction scaled to length `radius`. */
export function randomVector(rng: () => number, length: number, radius: number): Float64Array {
  const v = Float64Array.from({ length }, () => rng() * 2 - 1);
  const len = norm2(v) || 1;
  return v.map((x) => (x / len) * radius);
}

export function add(x: Float64Array, y: Float64Array, c = 1): Float64Array {
  return x.map((v, i) => v + c * (y[i] as number));
}

/**
 * dh/dw by central differences with one Richardson step, (4 D(h/2) - D(h)) / 3, D(h) the central quotient
 * (truncation O(h^4)); step relative to |w_j| + 1. Returns n x p row-major.
 */
export function finiteDifferenceJacobian(model: SmoothModel, w: Float64Array, step = 1e-3): Float64Array {
  const { n, p } = model;
  const J = new Float64Array(n * p);
  const central = (j: number, h: number): Float64Array => {
    const plus = Float64Array.from(w);
    const minus = Float64Array.from(w);
    plus[j] = (plus[j] as number) + h;
    minus[j] = (minus[j] as number) - h;
    const fp = model.value(plus);
    const fm = model.value(minus);
    return fp.map((v, k) => (v - (fm[k] as number)) / (2 * h));
  };
  for (let j = 0; j < p; j++) {
    const h = step * (Math.abs(w[j] as number) + 1);
    const coarse = central(j, h);
    const fine = central(j, h / 2);
    for (let k = 0; k < n; k++) J[k * p + j] = (4 * (fine[k] as number) - (coarse[k] as number)) / 3;
  }
  return J;
}

/** ||A - B||_F / max(||B||_F, floor). */
export function relativeError(A: Float64Array, B: Float64Array, floor = 1e-300): number {
  return norm2(add(A, B, -1)) / Math.max(norm2(B), floor);
}

/** J(w)^T r through the explicit Jacobian. */
export function vjpViaJacobian(model: SmoothModel, w: Float64Array, r: Float64Array): Float64Array {
  return matTVec(model.jacobian(w), model.n, model.p, r);
}

/**
 * The sampled ratio ||J(u) - J(v)|| / ||u - v|| (operator norm) and `slack`, a bound on its float error: J(u) and
 * J(v) carry rounding errors of order (p + 8) eps times their size, which the subtraction does not cancel (it
 * matters when J(u) - J(v) is tiny next to J). A sound check compares `ratio - slack` (a certified lower estimate
 * of the true ratio) with a certified constant, and `ratio + slack` for "the constant is attained".
 */
export function jacobianLipschitzRatio(model: SmoothModel, u: Float64Array, v: Float64Array): { ratio: number; slack: number } {
  const Ju = model.jacobian(u);
  const Jv = model.jacobian(v);
  const step = norm2(add(u, v, -1));
  const ratio = opNorm(add(Ju, Jv, -1), model.n, model.p) / step;
  const slack = ((model.p + 8) * Number.EPSILON * (norm2(Ju) + norm2(Jv))) / step;
  return { ratio, slack };
}

/** ||J(w)||. */
export function jacobianNorm(model: SmoothModel, w: Float64Array): number {
  return opNorm(model.jacobian(w), model.n, model.p);
}
