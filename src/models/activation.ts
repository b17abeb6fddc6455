import type { Static } from '@sinclair/typebox';
import type { ActivationNameSchema } from './instanceSchema.js';
import { roundUp } from './_internals/certified.js';

/** Names of the activations of the mean-field net (the `activation` field of the JSON format). */
export type ActivationName = Static<typeof ActivationNameSchema>;

/**
 * A smooth activation sigma with the sup-norm constants Lemma 2.1 needs (docs/theory.md, "The models the generators
 * produce"). The derivatives are given as functions of the value s = sigma(z), so the hot loop of the
 * mean-field net evaluates one transcendental per (neuron, input).
 */
export interface Activation {
  readonly name: ActivationName;
  /** sigma(z). (The three functions do not use `this`: hot loops hold them in locals.) */
  readonly value: (z: number) => number;
  /** sigma'(z), given s = sigma(z). */
  readonly slopeFromValue: (s: number) => number;
  /** sigma''(z), given s = sigma(z). */
  readonly curvatureFromValue: (s: number) => number;
  /**
   * Batch form for hot loops: value[j] = sigma(z[j]), slope[j] = sigma'(z[j]) for j < length, bitwise equal to
   * `value` and `slopeFromValue`. One call per neuron keeps the per-element work monomorphic inside the
   * activation (a shared call site over two activations would otherwise be polymorphic: measured 1.5-2x).
   */
  readonly evaluate: (z: Float64Array, value: Float64Array, slope: Float64Array, length: number) => void;
  /** Batch slopes from values: slope[j] = sigma'(z) given value[offset + j] = sigma(z), for j < length; as `slopeFromValue`. */
  readonly slopes: (value: Float64Array, offset: number, slope: Float64Array, length: number) => void;
  /** sup_z |sigma(z)| (certified upper bound). */
  readonly supAbs: number;
  /** ||sigma'||_inf (certified upper bound). */
  readonly supSlope: number;
  /** ||sigma''||_inf (certified upper bound). */
  readonly supCurvature: number;
}

/**
 * Logistic sigmoid s = 1 / (1 + e^-z): s' = s(1 - s) <= 1/4 (at s = 1/2); s'' = s(1 - s)(1 - 2s), maximal in
 * absolute value where s'''= 0, i.e. s(1 - s) = 1/6, giving |s''| = (1/6)(1/sqrt 3) = 1/(6 sqrt 3).
 * The irrational constants are rounded up by a few ulps so they stay upper bounds.
 */
const sigmoid: Activation = Object.freeze({
  name: 'sigmoid' as const,
  value: (z: number) => 1 / (1 + Math.exp(-z)),
  slopeFromValue: (s: number) => s * (1 - s),
  curvatureFromValue: (s: number) => s * (1 - s) * (1 - 2 * s),
  evaluate(z: Float64Array, value: Float64Array, slope: Float64Array, length: number) {
    for (let j = 0; j < length; j++) {
      const s = 1 / (1 + Math.exp(-(z[j] as number)));
      value[j] = s;
      slope[j] = s * (1 - s);
    }
  },
  slopes(value: Float64Array, offset: number, slope: Float64Array, length: number) {
    for (let j = 0; j < length; j++) {
      const s = value[offset + j] as number;
      slope[j] = s * (1 - s);
    }
  },
  supAbs: 1,
  supSlope: 0.25,
  supCurvature: roundUp(1 / (6 * Math.sqrt(3)), 8),
});

/**
 * tanh: t' = 1 - t^2 <= 1; t'' = -2 t (1 - t^2), maximal in absolute value at t^2 = 1/3, giving
 * |t''| = 2 (1/sqrt 3)(2/3) = 4/(3 sqrt 3).
 */
const tanh: Activation = Object.freeze({
  name: 'tanh' as const,
  value: (z: number) => Math.tanh(z),
  slopeFromValue: (t: number) => 1 - t * t,
  curvatureFromValue: (t: number) => -2 * t * (1 - t * t),
  evaluate(z: Float64Array, value: Float64Array, slope: Float64Array, length: number) {
    for (let j = 0; j < length; j++) {
      const t = Math.tanh(z[j] as number);
      value[j] = t;
      slope[j] = 1 - t * t;
    }
  },
  slopes(value: Float64Array, offset: number, slope: Float64Array, length: number) {
    for (let j = 0; j < length; j++) {
      const t = value[offset + j] as number;
      slope[j] = 1 - t * t;
    }
  },
  supAbs: 1,
  supSlope: 1,
  supCurvature: roundUp(4 / (3 * Math.sqrt(3)), 8),
});

/** The activation registry, by name. */
export const activations: Readonly<Record<ActivationName, Activation>> = Object.freeze({ sigmoid, tanh });

/** The activation names, in a fixed order (for validators and generators). */
export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze(['sigmoid', 'tanh'] as const);
