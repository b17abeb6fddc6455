import type { Activation } from '../../src/models/activation.js';

/**
 * One neuron's Hessian block of f restricted to span(e_{a_i}, x_j / |x_j| in u_i): [[0, b], [b, c]] with
 * b = sigma'(z) |x_j|, c = A sigma''(z) |x_j|^2, A = sqrt(m) a_i (docs/theory.md, Lemma 2.1). Returns the eigenvalue of
 * largest magnitude and its unit eigenvector (components along a_i and along x_j / |x_j| in u_i).
 */
export function neuronBlockTop(activation: Activation, z: number, A: number, xNorm: number): { lambda: number; along: readonly [number, number] } {
  const s = activation.value(z);
  const b = activation.slopeFromValue(s) * xNorm;
  const c = A * activation.curvatureFromValue(s) * xNorm * xNorm;
  const lambda = c / 2 + (c < 0 ? -1 : 1) * Math.sqrt((c * c) / 4 + b * b);
  // (b, lambda) solves the first row 0 * v1 + b v2 = lambda v1; at b = 0 the block is diagonal, e_{u} is the top.
  const len = Math.hypot(b, lambda);
  if (len === 0) return { lambda: 0, along: [1, 0] };
  return b === 0 ? { lambda, along: [0, 1] } : { lambda, along: [b / len, lambda / len] };
}

/** Pre-activations searched for the largest block norm: a grid on [-Z_MAX, Z_MAX] (sigma'' vanishes beyond). */
const Z_MAX = 12;
const GRID = 2400;

/**
 * The pre-activation z maximizing |lambda| of {@link neuronBlockTop} (grid search on [-12, 12], step 0.01, then a
 * few golden-section steps): where one neuron's Hessian, and so ||Dh(u) - Dh(v)|| / ||u - v||, is largest.
 */
export function worstPreactivation(activation: Activation, A: number, xNorm: number): number {
  const norm = (z: number) => Math.abs(neuronBlockTop(activation, z, A, xNorm).lambda);
  let best = 0;
  for (let k = 0; k <= GRID; k++) {
    const z = -Z_MAX + (2 * Z_MAX * k) / GRID;
    if (norm(z) > norm(best)) best = z;
  }
  const h = (2 * Z_MAX) / GRID;
  let [lo, hi] = [best - h, best + h];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 40; it++) {
    const [p, q] = [hi - g * (hi - lo), lo + g * (hi - lo)];
    if (norm(p) >= norm(q)) hi = q;
    else lo = p;
  }
  const refined = 0.5 * (lo + hi);
  return norm(refined) >= norm(best) ? refined : best;
}
