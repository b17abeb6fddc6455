/**
 * Where {@link NegativeGramOperator}'s products with B run natively (src/kernels/WasmGram.ts: WebAssembly SIMD). Its
 * results are bitwise those of the operator's TypeScript loops, so a solve is the same with or without it.
 */
export interface GramKernels {
  /** A copy of B (rows x n row-major) where the kernels read it, kept while `owner` lives: its handle. */
  hold(owner: object, B: Float64Array): number;
  /** out = B x (rows entries) for the B held at `B`. */
  project(B: number, rows: number, n: number, x: Float64Array, out: Float64Array): void;
  /** out += B^T v (n entries) for the B held at `B`, as src/linalg/dense.ts `addMatTVec`. */
  addBack(B: number, rows: number, n: number, v: Float64Array, out: Float64Array): void;
}
