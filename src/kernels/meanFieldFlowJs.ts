import { type KernelActivation, kernelActivation, kernelSlope } from './kernelActivation.js';
import type { MeanFieldFlowCore, MeanFieldFlowData } from './MeanFieldFlowCore.js';
import { MeanFieldLinearPart } from './MeanFieldLinearPart.js';
import { inputGram, linearFactors } from './meanFieldLinearProducts.js';

/**
 * The TypeScript backend of {@link MeanFieldFlowCore}, every sum in the order of the WebAssembly kernel
 * (assembly/flowKernels.ts `meanFieldRhs`), so the two agree bit for bit: z_ij = sqrt(m) sum_k x_jk u_ik (k
 * ascending), s_ij = {@link kernelActivation}; h_j += a_i s_ij + a_(i+m/2) s_(i+m/2)j; r_j / alpha =
 * (y*_j - alpha (n m)^(-1/2) h_j) / alpha; (J^T r)_(a_i) = (n m)^(-1/2) (sum over even j + sum over odd j of
 * r_j s_ij, then the last j when n is odd); (J^T r)_(u_ik) = n^(-1/2) a_i sum_j r_j sigma'_ij x_jk (j ascending).
 */
export class MeanFieldFlowJs implements MeanFieldFlowCore {
  readonly backend = 'js' as const;
  readonly p: number;
  private readonly kind: KernelActivation;
  private readonly m: number;
  private readonly n: number;
  private readonly dim: number;
  private readonly x: Float64Array;
  private readonly xT: Float64Array;
  private readonly w0: Float64Array;
  private readonly S: Float64Array;
  private readonly u: Float64Array;
  private readonly h: Float64Array;
  private readonly g: Float64Array;
  /** x x^T (n x n), for the linear part's B B^T. */
  private readonly G: Float64Array;

  constructor(data: MeanFieldFlowData) {
    const { m, n, dim } = data;
    this.kind = data.activation;
    this.m = m;
    this.n = n;
    this.dim = dim;
    this.p = m * (dim + 1);
    this.x = data.x;
    this.w0 = data.w0;
    this.xT = new Float64Array(dim * n);
    for (let j = 0; j < n; j++) for (let k = 0; k < dim; k++) this.xT[k * n + j] = data.x[j * dim + k] as number;
    this.S = new Float64Array(m * n);
    this.u = new Float64Array(dim);
    this.h = new Float64Array(n);
    this.g = new Float64Array(n);
    this.G = inputGram(data.x, n, dim);
  }

  /** Row i of S (default: the core's): s_ij = sigma(sqrt(m) <x_j, u_i>), u_i = w0_(u_i) + dd_(u_i). */
  private neuron(i: number, dd: Float64Array, sqrtM: number, S = this.S): void {
    const { kind, m, n, dim, xT, w0, u } = this;
    const uo = m + i * dim;
    for (let k = 0; k < dim; k++) u[k] = (w0[uo + k] as number) + (dd[uo + k] as number);
    const row = i * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += (xT[k * n + j] as number) * (u[k] as number);
      S[row + j] = kernelActivation(kind, sqrtM * s);
    }
  }

  rhs(yStar: Float64Array, alpha: number, dd: Float64Array, out: Float64Array): void {
    const { kind, m, n, dim, x, w0, S, h, g } = this;
    const sqrtM = Math.sqrt(m);
    const cA = 1 / Math.sqrt(n * m);
    const cU = 1 / Math.sqrt(n);
    const half = m >> 1;
    h.fill(0);
    // Pass 1: h = sum_i a_i sigma_i (mirrored neurons i, i + m/2 summed first), S kept for pass 2.
    for (let i = 0; i < half; i++) {
      this.neuron(i, dd, sqrtM);
      this.neuron(i + half, dd, sqrtM);
      const a = (w0[i] as number) + (dd[i] as number);
      const aMirror = (w0[i + half] as number) + (dd[i + half] as number);
      const r1 = i * n;
      const r2 = (i + half) * n;
      for (let j = 0; j < n; j++) h[j] = (h[j] as number) + (a * (S[r1 + j] as number) + aMirror * (S[r2 + j] as number));
    }
    if (m % 2 === 1) {
      this.neuron(m - 1, dd, sqrtM);
      const a = (w0[m - 1] as number) + (dd[m - 1] as number);
      const row = (m - 1) * n;
      for (let j = 0; j < n; j++) h[j] = (h[j] as number) + a * (S[row + j] as number);
    }
    for (let j = 0; j < n; j++) h[j] = ((yStar[j] as number) - alpha * (cA * (h[j] as number))) / alpha; // r_j / alpha
    // Pass 2: J^T r from S.
    for (let i = 0; i < m; i++) {
      const row = i * n;
      let even = 0;
      let odd = 0;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const s0 = S[row + j] as number;
        const s1 = S[row + j + 1] as number;
        const r0 = h[j] as number;
        const r1 = h[j + 1] as number;
        even += r0 * s0;
        odd += r1 * s1;
        g[j] = r0 * kernelSlope(kind, s0);
        g[j + 1] = r1 * kernelSlope(kind, s1);
      }
      let ga = even + odd;
      if (j < n) {
        const s = S[row + j] as number;
        const r = h[j] as number;
        ga += r * s;
        g[j] = r * kernelSlope(kind, s);
      }
      out[i] = cA * ga;
      const cu = cU * ((w0[i] as number) + (dd[i] as number));
      const uo = m + i * dim;
      for (let k = 0; k < dim; k++) {
        let s = 0;
        for (let jj = 0; jj < n; jj++) s += (g[jj] as number) * (x[jj * dim + k] as number);
        out[uo + k] = cu * s;
      }
    }
  }

  linearPart(dd: Float64Array): MeanFieldLinearPart {
    const { kind, m, n, dim, x, xT, G, w0 } = this;
    const sqrtM = Math.sqrt(m);
    const S = new Float64Array(m * n);
    const C = new Float64Array(m * n);
    for (let i = 0; i < m; i++) this.neuron(i, dd, sqrtM, S);
    linearFactors(kind, m, n, 1 / Math.sqrt(n * m), 1 / Math.sqrt(n), w0, dd, S, C);
    return new MeanFieldLinearPart({ m, n, dim, x, xT, G, S, C });
  }
}
