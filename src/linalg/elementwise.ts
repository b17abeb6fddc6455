/**
 * In-place elementwise kernels on the first `n` entries of Float64Arrays (hot paths: no allocation): the vector
 * loops the flows and the integrators share, written once. Each keeps the operation order of the loop it replaced
 * (`a + s * x`, not `s * x + a`), so results are bit-identical. `n` defaults to `out.length`; every operand must
 * have at least `n` entries (from `offset` for `x` in {@link addScaledInto}).
 */

/** out_i = a_i + b_i. */
export function sumInto(out: Float64Array, a: Float64Array, b: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** out_i = out_i + x_i. */
export function addInto(out: Float64Array, x: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) + (x[i] as number);
  return out;
}

/** out_i = out_i - x_i. */
export function subtractInto(out: Float64Array, x: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) - (x[i] as number);
  return out;
}

/** out_i = out_i * s. */
export function scaleInto(out: Float64Array, s: number, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) * s;
  return out;
}

/** out_i = out_i / s (a division, not a product with 1 / s: the rounding differs). */
export function divideInto(out: Float64Array, s: number, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) / s;
  return out;
}

/** out_i = out_i + s x_(offset + i) (axpy). */
export function addScaledInto(out: Float64Array, s: number, x: Float64Array, n = out.length, offset = 0): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) + s * (x[offset + i] as number);
  return out;
}

/** out_i = y_i - s out_i (a residual y* - alpha h in place of h). */
export function subtractScaledFrom(out: Float64Array, y: Float64Array, s: number, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (y[i] as number) - s * (out[i] as number);
  return out;
}

/** out_i = a_i d_i (a diagonal times a vector). */
export function productInto(out: Float64Array, d: Float64Array, a: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (d[i] as number) * (a[i] as number);
  return out;
}

/** out_i = a_i + d_i b_i (a vector plus a diagonal times a vector; `out` may be `a`). */
export function addProductInto(out: Float64Array, a: Float64Array, d: Float64Array, b: Float64Array, n = out.length): Float64Array {
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (d[i] as number) * (b[i] as number);
  return out;
}
