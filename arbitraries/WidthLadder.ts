import type { Instance } from '../src/flow/Instance.js';
import type { ActivationName } from '../src/models/activation.js';
import { meanFieldNet } from '../src/models/meanField.js';
import { symmetricInit } from '../src/models/symmetricInit.js';
import { createRng } from '../src/random/rng.js';

/**
 * A case of the NTK-parametrization statement: one data set, one horizon T, and a ladder of widths
 * m_0 < m_1 < ... trained with alpha = sqrt(m) from the symmetric initialization.
 */
export interface WidthLadder {
  readonly activation: ActivationName;
  /** Inputs x_j, n rows of length d. */
  readonly x: readonly (readonly number[])[];
  /** Labels y_j; the targets are y* = y / sqrt(n) (eq. 10). */
  readonly y: readonly number[];
  readonly T: number;
  /** Even widths, increasing. */
  readonly widths: readonly number[];
  /** Seed of the raw uniform draws of the initialization (see {@link ladderInstance}). */
  readonly seed: number;
}

/**
 * The instance of rung `k`: the width-m net with the symmetric initialization drawn from the seed's stream, so the
 * rungs are nested — the first m/2 mirrored pairs of every wider net reuse the raw draws of the narrower one,
 * scaled to Unif[-1/sqrt(m), 1/sqrt(m)] (one sequence of nets converging to the mean-field limit, not unrelated
 * draws) — with y* = y / sqrt(n), alpha = sqrt(m) and horizon T.
 */
export function ladderInstance(c: WidthLadder, k: number): Instance {
  const m = c.widths[k] as number;
  const d = c.x[0]?.length ?? 0;
  const rng = createRng(c.seed);
  const { a, U } = symmetricInit({ m, d, rng: rng.uniform });
  const model = meanFieldNet({ activation: c.activation, x: c.x, a, U });
  const n = c.y.length;
  return { model, yStar: Float64Array.from(c.y, (y) => y / Math.sqrt(n)), alpha: Math.sqrt(m), T: c.T };
}

/**
 * True when no two inputs are parallel: |cos(x_j, x_k)| <= maxCosine for j != k (and no x_j = 0). The hypothesis
 * under which the limiting NTK is positive definite (Jacot et al. 2018, Prop. 2): with parallel inputs and
 * conflicting labels part of r(0) lies in ker K0 for every width, neither flow moves it, and E is rounding.
 */
export function nonParallelInputs(c: WidthLadder, maxCosine: number): boolean {
  const norms = c.x.map((row) => Math.hypot(...row));
  if (norms.some((len) => len === 0)) return false;
  for (let j = 0; j < c.x.length; j++) {
    for (let k = j + 1; k < c.x.length; k++) {
      const dot = (c.x[j] as readonly number[]).reduce((s, v, i) => s + v * ((c.x[k] as readonly number[])[i] as number), 0);
      if (Math.abs(dot) > maxCosine * (norms[j] as number) * (norms[k] as number)) return false;
    }
  }
  return true;
}
