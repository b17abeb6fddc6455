import type { KernelBackend } from './kernelBackend.js';

/**
 * Gradient flow of a quadratic model h(w0 + d) = h0 + G d + 1/2 Q[d, d] (n outputs, p parameters, each Q_k
 * symmetric), computed in the displacement d. One core per model: it holds G, Q and its scratch, and is shared by
 * every solve of that model (each call is self-contained: it reads its inputs and writes its outputs).
 */
export interface QuadraticFlowCore {
  readonly backend: KernelBackend;
  readonly n: number;
  readonly p: number;
  /**
   * out = (1/alpha) (G + M)^T r, r = r0 - alpha (G + M/2) d, M = Q[d, .] (row k = Q_k d), r0 = y* - alpha h0: the
   * right-hand side (1/alpha) J^T (y* - alpha h) of gradient flow (1).
   */
  rhs(r0: Float64Array, alpha: number, d: Float64Array, out: Float64Array): void;
  /** J(w0 + d) = G + Q[d, .] (n x p row-major) into out. */
  jacobian(d: Float64Array, out: Float64Array): void;
}
