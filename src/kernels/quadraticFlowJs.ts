import type { QuadraticFlowCore } from './QuadraticFlowCore.js';

/**
 * The TypeScript backend of {@link QuadraticFlowCore}: every sum in the order of the WebAssembly kernel
 * (assembly/flowKernels.ts `quadraticRhs`), so the two agree bit for bit. M_ki = sum_j d_j Q[(k p + j) p + i] (j
 * ascending from 0, four i per pass); (G + M/2)_k . d as even-i and odd-i partial sums added at the end (the
 * kernel's two lanes), then the last i when p is odd; (J^T r)_i = sum_k r_k (G + M)_ki, k ascending.
 */
export class QuadraticFlowJs implements QuadraticFlowCore {
  readonly backend = 'js' as const;
  readonly n: number;
  readonly p: number;
  private readonly G: Float64Array;
  private readonly Q: Float64Array;
  private readonly M: Float64Array;
  private readonly rOverAlpha: Float64Array;

  /** G: n x p, Q: n x p x p (Q_k[i][j] = Q[(k p + i) p + j]); read, never copied or written. */
  constructor(n: number, p: number, G: Float64Array, Q: Float64Array) {
    this.n = n;
    this.p = p;
    this.G = G;
    this.Q = Q;
    this.M = new Float64Array(n * p);
    this.rOverAlpha = new Float64Array(n);
  }

  /** M = Q[d, .], column i of Q_k against d (row i, Q_k being symmetric). */
  private fillM(d: Float64Array): void {
    const { n, p, Q, M } = this;
    for (let k = 0; k < n; k++) {
      const qk = k * p * p;
      const mk = k * p;
      let i = 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent: four columns per pass is an optimization; the remainder loop computes the same sums
      for (; i + 3 < p; i += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < p; j++) {
          const dj = d[j] as number;
          const q = qk + j * p + i;
          s0 += dj * (Q[q] as number);
          s1 += dj * (Q[q + 1] as number);
          s2 += dj * (Q[q + 2] as number);
          s3 += dj * (Q[q + 3] as number);
        }
        M[mk + i] = s0;
        M[mk + i + 1] = s1;
        M[mk + i + 2] = s2;
        M[mk + i + 3] = s3;
      }
      for (; i < p; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += (d[j] as number) * (Q[qk + j * p + i] as number);
        M[mk + i] = s;
      }
    }
  }

  rhs(r0: Float64Array, alpha: number, d: Float64Array, out: Float64Array): void {
    const { n, p, G, M, rOverAlpha } = this;
    this.fillM(d);
    const invAlpha = 1 / alpha;
    for (let k = 0; k < n; k++) {
      const o = k * p;
      let even = 0;
      let odd = 0;
      let i = 0;
      for (; i + 1 < p; i += 2) {
        even += ((G[o + i] as number) + 0.5 * (M[o + i] as number)) * (d[i] as number);
        odd += ((G[o + i + 1] as number) + 0.5 * (M[o + i + 1] as number)) * (d[i + 1] as number);
      }
      let s = even + odd;
      if (i < p) s += ((G[o + i] as number) + 0.5 * (M[o + i] as number)) * (d[i] as number);
      rOverAlpha[k] = ((r0[k] as number) - alpha * s) * invAlpha;
    }
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (rOverAlpha[k] as number) * ((G[k * p + i] as number) + (M[k * p + i] as number));
      out[i] = s;
    }
  }

  jacobian(d: Float64Array, out: Float64Array): void {
    this.fillM(d);
    const { G, M } = this;
    for (let x = 0; x < G.length; x++) out[x] = (G[x] as number) + (M[x] as number);
  }
}
