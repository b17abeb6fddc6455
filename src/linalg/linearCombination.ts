/** Scratch of {@link linearCombination} (module-level: it never re-enters, and calls nothing). */
const MAX_TERMS = 64;
const coefficients = new Float64Array(MAX_TERMS);
const terms: Float64Array[] = new Array<Float64Array>(MAX_TERMS);

/**
 * out[offset + m] = y[m] + h sum_{j<count} w_j k_j[m] for m < n = k[0].length (without y when `y` is undefined),
 * skipping zero weights, in passes that each take up to four k_j: for long vectors a step is bound by memory
 * traffic, and one pass per k_j (an axpy each) would read and write `out` count times. `out` may be `y` (in place),
 * never one of the k_j. Allocates nothing.
 */
export function linearCombination(
  out: Float64Array,
  offset: number,
  y: Float64Array | undefined,
  h: number,
  w: ArrayLike<number>,
  k: readonly Float64Array[],
  count: number,
): void {
  let c = 0;
  for (let j = 0; j < count; j++) {
    const hw = h * (w[j] as number);
    if (hw === 0) continue;
    coefficients[c] = hw;
    terms[c] = k[j] as Float64Array;
    c += 1;
  }
  const n = (k[0] as Float64Array).length;
  if (y === undefined) out.fill(0, offset, offset + n);
  else out.set(y, offset);
  for (let start = 0; start < c; start += 4) {
    const take = Math.min(4, c - start);
    const a0 = coefficients[start] as number;
    const v0 = terms[start] as Float64Array;
    if (take === 1) {
      for (let m = 0; m < n; m++) out[offset + m] = (out[offset + m] as number) + a0 * (v0[m] as number);
      continue;
    }
    const a1 = coefficients[start + 1] as number;
    const v1 = terms[start + 1] as Float64Array;
    if (take === 2) {
      for (let m = 0; m < n; m++) out[offset + m] = (out[offset + m] as number) + a0 * (v0[m] as number) + a1 * (v1[m] as number);
      continue;
    }
    const a2 = coefficients[start + 2] as number;
    const v2 = terms[start + 2] as Float64Array;
    if (take === 3) {
      for (let m = 0; m < n; m++) out[offset + m] = (out[offset + m] as number) + a0 * (v0[m] as number) + a1 * (v1[m] as number) + a2 * (v2[m] as number);
      continue;
    }
    const a3 = coefficients[start + 3] as number;
    const v3 = terms[start + 3] as Float64Array;
    for (let m = 0; m < n; m++) {
      out[offset + m] = (out[offset + m] as number) + a0 * (v0[m] as number) + a1 * (v1[m] as number) + a2 * (v2[m] as number) + a3 * (v3[m] as number);
    }
  }
}
