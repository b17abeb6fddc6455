import { type KernelActivation, kernelSlope } from './kernelActivation.js';

/**
 * The data of a mean-field net's B = J(w) (n x m (dim + 1)) without the matrix: s_ij = (n m)^(-1/2) sigma(z_ij) and
 * c_ij = n^(-1/2) a_i sigma'(z_ij) (S and C, m x n row-major), the inputs x (n x dim), x^T (dim x n) and G = x x^T
 * (n x n). Then (B y)_j = sum_i s_ij y_(a_i) + c_ij <y_(u_i), x_j>, (B^T v)_(a_i) = sum_j s_ij v_j,
 * (B^T v)_(u_i) = sum_j c_ij v_j x_j and (B B^T)_jk = sum_i s_ij s_ik + c_ij c_ik <x_j, x_k>.
 */
export interface MeanFieldLinearData {
  readonly m: number;
  readonly n: number;
  readonly dim: number;
  readonly x: Float64Array;
  readonly xT: Float64Array;
  readonly G: Float64Array;
  readonly S: Float64Array;
  readonly C: Float64Array;
}

// The TypeScript twins of assembly/meanFieldLinearKernels.ts: every sum in the same order, so the two agree bit for bit.

/** G = x x^T (n x n): G_jk = sum_k' x_jk' x_kk' in order of k'. */
export function inputGram(x: Float64Array, n: number, dim: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let q = 0; q < dim; q++) s += (x[j * dim + q] as number) * (x[k * dim + q] as number);
      G[j * n + k] = s;
    }
  return G;
}

/** S_ij = cA sigma_ij and C_ij = (cU a_i) sigma'_ij in place of S = sigma (m x n), a_i = w0_i + dd_i. */
export function linearFactors(
  kind: KernelActivation,
  m: number,
  n: number,
  cA: number,
  cU: number,
  w0: Float64Array,
  dd: Float64Array,
  S: Float64Array,
  C: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    const ca = cU * ((w0[i] as number) + (dd[i] as number));
    for (let j = 0; j < n; j++) {
      const q = i * n + j;
      const s = S[q] as number;
      C[q] = ca * kernelSlope(kind, s);
      S[q] = cA * s;
    }
  }
}

/** out = B y (n entries): out_j = 0 + sum over i in order of (s_ij y_(a_i) + c_ij t_ij), t_ij = sum_k y_(u_ik) x^T_kj in order of k. */
export function linearProject(data: MeanFieldLinearData, y: Float64Array, out: Float64Array): void {
  const { m, n, dim, S, C, xT } = data;
  out.fill(0, 0, n);
  for (let i = 0; i < m; i++) {
    const ya = y[i] as number;
    const uo = m + i * dim;
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let k = 0; k < dim; k++) t += (y[uo + k] as number) * (xT[k * n + j] as number);
      const q = i * n + j;
      out[j] = (out[j] as number) + ((S[q] as number) * ya + (C[q] as number) * t);
    }
  }
}

/** out += B^T v: out_(a_i) += sum_j s_ij v_j, out_(u_ik) += sum_j (c_ij v_j) x_jk (each sum from 0, j in order). */
export function linearAddBack(data: MeanFieldLinearData, v: Float64Array, out: Float64Array): void {
  const { m, n, dim, S, C, x } = data;
  for (let i = 0; i < m; i++) {
    let sa = 0;
    for (let j = 0; j < n; j++) sa += (S[i * n + j] as number) * (v[j] as number);
    out[i] = (out[i] as number) + sa;
    const uo = m + i * dim;
    for (let k = 0; k < dim; k++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += (C[i * n + j] as number) * (v[j] as number) * (x[j * dim + k] as number);
      out[uo + k] = (out[uo + k] as number) + acc;
    }
  }
}

/** B B^T (n x n, a fresh array): for j <= k, 0 + sum over i in order of (s_ij s_ik + (c_ij c_ik) G_jk), mirrored. */
export function linearGram(data: MeanFieldLinearData): Float64Array {
  const { m, n, S, C, G } = data;
  const K = new Float64Array(n * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const sj = S[row + j] as number;
      const cj = C[row + j] as number;
      for (let k = j; k < n; k++)
        K[j * n + k] = (K[j * n + k] as number) + (sj * (S[row + k] as number) + cj * (C[row + k] as number) * (G[j * n + k] as number));
    }
  }
  for (let j = 0; j < n; j++) for (let k = j + 1; k < n; k++) K[k * n + j] = K[j * n + k] as number;
  return K;
}
