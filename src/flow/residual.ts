import type { Instance } from './Instance.js';

/** Residual r = y* - alpha h(w) (length n), written into `out`. */
export function residual(instance: Instance, w: Float64Array, out: Float64Array = new Float64Array(instance.model.n)): Float64Array {
  const { model, yStar, alpha } = instance;
  model.value(w, out);
  // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index out.length of a typed array, whose write is dropped (and whose reads feed only that write)
  for (let i = 0; i < out.length; i++) out[i] = (yStar[i] as number) - alpha * (out[i] as number);
  return out;
}

/** Loss R(alpha h(w)) = 1/2 ||r||^2. */
export function loss(r: Float64Array): number {
  let s = 0;
  for (const x of r) s += x * x;
  return 0.5 * s;
}
