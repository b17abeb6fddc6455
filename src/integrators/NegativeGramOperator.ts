import { gram } from '../linalg/dense.js';
import { symmetricEigen } from '../linalg/symmetricEigen.js';
import { integerInRange } from '../validate/validators.js';
import type { GramKernels } from './GramKernels.js';
import type { GramProducts } from './GramProducts.js';

/**
 * The linear part L = -B^T B (n x n, symmetric negative semidefinite, rank <= rows) of an exponential step, held
 * through the eigendecomposition of the small Gram matrix B B^T = V diag(lambda) V^T (rows x rows). Since B^T B
 * has the eigenpairs (lambda_k, B^T v_k / sqrt(lambda_k)) and 0 on the rest, any matrix function acts as
 * `f(L) x = f(0) x + B^T V diag((f(-lambda) - f(0)) / lambda) V^T B x`: O(rows n) per vector, no n x n matrix
 * (for gradient flow B = J(w), and B B^T is the kernel K_t of docs/theory.md). Eigenvalues below 0 (rounding) are
 * set to 0. Allocates only in the constructor. With `native` (B's block in GramKernels), the products with B (O(rows n)) run there, bitwise the same.
 * B may also be given by its products ({@link GramProducts}: a structured B, e.g. a mean-field net's J(w) from its
 * activations), which then compute B x, B^T v and B B^T.
 */
export class NegativeGramOperator {
  readonly rows: number;
  readonly n: number;
  /** B, rows x n row-major (owned: do not modify); undefined when B is given by its products. */
  readonly B: Float64Array | undefined;
  /** The products with a structured B, or undefined (B dense). */
  private readonly products: GramProducts | undefined;
  /** Eigenvalues of B B^T, ascending, clamped at 0. */
  readonly lambda: Float64Array;
  /** Eigenvectors of B B^T, columns of a rows x rows row-major matrix. */
  readonly V: Float64Array;
  private readonly scratch: Float64Array;
  /** Where the products with B run while attached: the kernels and B's block there. */
  private native: { readonly kernels: GramKernels; readonly at: number } | undefined;

  constructor(B: Float64Array | GramProducts, rows: number, n: number, native?: { readonly kernels: GramKernels; readonly at: number }) {
    this.rows = integerInRange('rows', rows, 1, 2 ** 20);
    this.n = integerInRange('n', n, 1, 2 ** 31 - 1);
    const dense = B instanceof Float64Array ? B : undefined;
    this.B = dense;
    this.products = dense === undefined ? (B as GramProducts) : undefined;
    const K = dense === undefined ? (B as GramProducts).gram() : native === undefined ? gram(dense, rows, n) : native.kernels.gram(native.at, rows, n);
    const eig = symmetricEigen(K, rows);
    this.lambda = eig.values.map((x) => Math.max(0, x)); // B B^T is PSD: clip the rounding's negative eigenvalues
    this.V = eig.vectors;
    this.scratch = new Float64Array(rows);
    this.native = native;
  }

  /** From now on compute in TypeScript (bitwise the same): the native block may be reused for another B. */
  detach(): void {
    this.native = undefined;
  }

  /** lambda_max(B B^T) = ||B||^2. */
  get lambdaMax(): number {
    return this.lambda[this.rows - 1] as number;
  }

  /** out = V^T B x (modal coordinates, length rows). */
  project(x: Float64Array, out: Float64Array): Float64Array {
    const { rows, n, scratch, products } = this;
    const B = this.B as Float64Array;
    const { native } = this;
    if (products !== undefined) {
      products.project(x, scratch);
      return this.modal(out);
    }
    if (native !== undefined) {
      native.kernels.project(native.at, rows, n, x, scratch);
      return this.modal(out);
    }
    // Stryker disable next-line EqualityOperator: equivalent: `<=` only adds index rows of scratch (a typed array), whose write is dropped (and whose reads feed only that write)
    for (let i = 0; i < rows; i++) {
      const o = i * n;
      let s0 = 0;
      let s1 = 0;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        s0 += (B[o + j] as number) * (x[j] as number);
        s1 += (B[o + j + 1] as number) * (x[j + 1] as number);
      }
      if (j < n) s0 += (B[o + j] as number) * (x[j] as number);
      scratch[i] = s0 + s1;
    }
    return this.modal(out);
  }

  /**
   * out = V^T scratch, as src/linalg/dense.ts `matTVec` (out_j = 0 + sum_i V_ij scratch_i in order of i, the terms
   * with scratch_i = 0 skipped: V is finite, so they add 0), out_j read and written once; a loop of its own, which
   * the JIT specializes to this operator's arrays.
   */
  private modal(out: Float64Array): Float64Array {
    const { rows, V, scratch } = this;
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) {
        const si = scratch[i] as number;
        if (si !== 0) s += (V[i * rows + j] as number) * si;
      }
      out[j] = s;
    }
    return out;
  }

  /** out += B^T V z (back from modal coordinates, length n). */
  addBack(z: Float64Array, out: Float64Array): Float64Array {
    const { rows, n, V, scratch, products } = this;
    const B = this.B as Float64Array;
    // scratch = V z, as src/linalg/dense.ts `matVec` (each entry summed in order from 0)
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < rows; j++) s += (V[i * rows + j] as number) * (z[j] as number);
      scratch[i] = s;
    }
    // B is finite (integrateExponential checks what linearize returns): a zero modal coordinate adds 0 B = 0
    if (products !== undefined) {
      products.addBack(scratch, out);
      return out;
    }
    const { native } = this;
    if (native !== undefined) {
      native.kernels.addBack(native.at, rows, n, scratch, out);
      return out;
    }
    // out += B^T scratch as src/linalg/dense.ts `addMatTVec` (each out_j adds B_ij scratch_i for i in order, rows with
    // scratch_i = 0 skipped), out_j read and written once: bitwise the same sums, a fraction of the memory traffic
    for (let j = 0; j < n; j++) {
      let s = out[j] as number;
      for (let i = 0; i < rows; i++) {
        const si = scratch[i] as number;
        if (si !== 0) s += (B[i * n + j] as number) * si;
      }
      out[j] = s;
    }
    return out;
  }
}
