import type { SmoothModel } from '../models/SmoothModel.js';

/** A point of the ball where the model returned NaN or an infinity. */
export interface NonFinitePoint {
  /** 'value' (h(w)) or 'jacobian' (J(w)). */
  readonly what: 'value' | 'jacobian';
  /** Index of the first non-finite entry (row-major for the Jacobian). */
  readonly index: number;
  /** The entry as text ('NaN', 'Infinity', '-Infinity'): JSON has no such numbers. */
  readonly entry: string;
  readonly w: readonly number[];
}

/** h(w) and J(w), or where one of them is not finite. */
export type Evaluation = { readonly h: Float64Array; readonly J: Float64Array } | { readonly nonFinite: NonFinitePoint };

/** Evaluate h and J at w and name the first non-finite entry, if any. */
export function evaluateAt(model: SmoothModel, w: Float64Array): Evaluation {
  const h = model.value(w);
  const J = model.jacobian(w);
  for (const [what, v] of [
    ['value', h],
    ['jacobian', J],
  ] as const) {
    const index = v.findIndex((x) => !Number.isFinite(x));
    if (index >= 0) return { nonFinite: { what, index, entry: String(v[index]), w: Array.from(w) } };
  }
  return { h, J };
}
