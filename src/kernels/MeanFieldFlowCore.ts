import type { GramProducts } from '../integrators/GramProducts.js';
import type { KernelActivation } from './kernelActivation.js';
import type { KernelBackend } from './kernelBackend.js';

/** What a mean-field flow core is built from: the net's shape, data, activation and initial parameters. */
export interface MeanFieldFlowData {
  readonly activation: KernelActivation;
  /** Neurons. */
  readonly m: number;
  /** Data points (outputs). */
  readonly n: number;
  /** Input dimension. */
  readonly dim: number;
  /** Inputs x_j, n x dim row-major. */
  readonly x: Float64Array;
  /** Initial parameters w0 = (a, U): a (m), then U (m x dim row-major); p = m (dim + 1). */
  readonly w0: Float64Array;
}

/**
 * Gradient flow of the mean-field net h_j(w) = (n m)^(-1/2) sum_i a_i sigma(sqrt(m) <x_j, u_i>) in the
 * displacement dd = w - w0. One core per model, shared by every solve of it (each call is self-contained).
 */
export interface MeanFieldFlowCore {
  readonly backend: KernelBackend;
  readonly p: number;
  /**
   * out = (1/alpha) J(w0 + dd)^T (y* - alpha h(w0 + dd)): one activation pass (the values kept, the slopes
   * recomputed from them), mirrored neurons i and i + m/2 summed first as the model does. `out` must not share memory
   * with `dd` (both backends write out's a part before they are done reading dd, and the WebAssembly one keeps
   * U = w0 + dd in out's U part during the first pass).
   */
  rhs(yStar: Float64Array, alpha: number, dd: Float64Array, out: Float64Array): void;
  /**
   * The exponential path's linear part B = J(w0 + dd) through its activation data (src/kernels/MeanFieldLinearPart.ts):
   * s_ij = (n m)^(-1/2) sigma(z_ij) and c_ij = n^(-1/2) a_i sigma'(z_ij) with this core's activation (the same floats on
   * both backends; within KERNEL_ACTIVATION_MAX_ABS_ERROR of the exact one), so the products cost O(m n (dim + 1))
   * without the n x p matrix. A new part detaches the core's previous one (which then computes in TypeScript).
   */
  linearPart(dd: Float64Array): GramProducts;
}
