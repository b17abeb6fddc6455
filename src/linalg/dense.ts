/**
 * Dense kernels on row-major Float64Array matrices (hot paths: no allocation when `out` is given).
 */

/** y = M x, M rows x cols. */
export function matVec(M: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array = new Float64Array(rows)): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let j = 0; j < cols; j++) s += (M[o + j] as number) * (x[j] as number);
    out[i] = s;
  }
  return out;
}

/** y = M^T x, M rows x cols. */
export function matTVec(M: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array = new Float64Array(cols)): Float64Array {
  out.fill(0);
  return addMatTVec(M, rows, cols, x, out);
}

/** out += M^T x, M rows x cols (rows of M with x_i = 0 are skipped: for a finite M they add 0). */
export function addMatTVec(M: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + (M[o + j] as number) * xi;
  }
  return out;
}

/** K = J J^T (n x n, symmetric PSD) for J n x p: the kernel of docs/theory.md. */
export function gram(J: Float64Array, n: number, p: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += (J[i * p + j] as number) * (J[k * p + j] as number);
      out[i * n + k] = s;
      out[k * n + i] = s;
    }
  }
  return out;
}

/** Euclidean norm with scaling (no overflow or underflow for extreme entries). */
export function norm2(x: Float64Array): number {
  let scale = 0;
  for (const v of x) scale = Math.max(scale, Math.abs(v));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (const v of x) s += (v / scale) ** 2;
  return scale * Math.sqrt(s);
}

/** ||x - y||_2. */
export function distance(x: Float64Array, y: Float64Array): number {
  const d = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) d[i] = (x[i] as number) - (y[i] as number);
  return norm2(d);
}

/** The n x n identity. */
export function identity(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/** Z = X Y for n x n matrices (i-k-j loop order, skipping zero entries of X). */
export function matMul(X: Float64Array, Y: Float64Array, n: number): Float64Array {
  const Z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const x = X[i * n + k] as number;
      if (x === 0) continue;
      for (let j = 0; j < n; j++) Z[i * n + j] = (Z[i * n + j] as number) + x * (Y[k * n + j] as number);
    }
  }
  return Z;
}
