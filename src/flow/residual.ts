import { subtractScaledFrom } from '../linalg/elementwise.js';
import type { Instance } from './Instance.js';

/** Residual r = y* - alpha h(w) (length n), written into `out`. */
export function residual(instance: Instance, w: Float64Array, out: Float64Array = new Float64Array(instance.model.n)): Float64Array {
  const { model, yStar, alpha } = instance;
  model.value(w, out);
  return subtractScaledFrom(out, yStar, alpha);
}

/** Loss R(alpha h(w)) = 1/2 ||r||^2. */
export function loss(r: Float64Array): number {
  let s = 0;
  for (const x of r) s += x * x;
  return 0.5 * s;
}
