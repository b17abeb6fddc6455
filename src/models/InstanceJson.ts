/**
 * The JSON instance format (what `parseInstance` reads and `instanceToJson` writes). All matrices are nested
 * arrays, row by row; numbers are finite. `d = w - w0`.
 */
import type { ActivationName } from './activation.js';

/** h(w) = h0 + G d + Q[d, d] / 2; h0: [n], G: [n][p], Q: [n][p][p] with each Q[k] symmetric. */
export interface QuadraticSpec {
  kind: 'quadratic';
  h0: number[];
  G: number[][];
  Q: number[][][];
}

/** h(w) = a w + b w^2 / 2 (p = n = 1), in absolute w (not w - w0). */
export interface ScalarSpec {
  kind: 'scalar';
  a: number;
  b: number;
}

/**
 * Mean-field 2-layer net, eq. (8): x: [n][d] inputs, a: [m] output weights, U: [m][d] input weights
 * (row i = u_i). The reference point is w0 = (a, U), so the instance carries no separate `w0`.
 */
export interface MeanFieldSpec {
  kind: 'meanField';
  activation: ActivationName;
  x: number[][];
  a: number[];
  U: number[][];
}

/** The `model` field of an instance: one object per model family, told apart by `kind`. */
export type ModelSpec = QuadraticSpec | ScalarSpec | MeanFieldSpec;

/** A whole instance. `w0` ([p]) is required for 'quadratic' and 'scalar' ([1]) and absent for 'meanField'. */
export interface InstanceJson {
  model: ModelSpec;
  w0?: number[];
  yStar: number[];
  alpha: number;
  T: number;
}
