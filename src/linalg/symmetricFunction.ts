import type { SymmetricEigen } from './symmetricEigen.js';

/** f(S) = V f(Lambda) V^T for a symmetric S given by its eigendecomposition; n x n row-major. */
export function symmetricFunction(eig: SymmetricEigen, f: (lambda: number) => number, out: Float64Array = new Float64Array(eig.n * eig.n)): Float64Array {
  const { n, values, vectors } = eig;
  const fl = values.map(f);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (vectors[i * n + k] ?? 0) * (fl[k] ?? 0) * (vectors[j * n + k] ?? 0);
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** f(S) x = V f(Lambda) V^T x without forming f(S): O(n^2). */
export function symmetricFunctionApply(
  eig: SymmetricEigen,
  f: (lambda: number) => number,
  x: Float64Array,
  out: Float64Array = new Float64Array(eig.n),
): Float64Array {
  const { n, values, vectors } = eig;
  const coef = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (vectors[i * n + k] ?? 0) * (x[i] ?? 0);
    coef[k] = f(values[k] ?? 0) * s;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += (vectors[i * n + k] ?? 0) * (coef[k] ?? 0);
    out[i] = s;
  }
  return out;
}
