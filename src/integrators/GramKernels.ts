/**
 * Where {@link NegativeGramOperator}'s products with B run natively (src/kernels/WasmGram.ts: WebAssembly SIMD). Its
 * results are bitwise those of the operator's TypeScript loops, so a solve is the same with or without it. B lives
 * in a block of the kernels' memory (a handle); an operator uses the block until it is detached.
 */
export interface GramKernels {
  /**
   * A block for rows x n matrices, the caller's until it hands it back with `release`: its handle (contents
   * unspecified until `load`). Also readies the kernels' scratch for this shape, so that later calls with it allocate
   * nothing (an arena's vectors stay put).
   */
  hold(rows: number, n: number): number;
  /** Hand back the block `at` from `hold` (reused by the next `hold` of its size: no growth per solve). */
  release(at: number, rows: number, n: number): void;
  /** Copy B (rows x n, the shape the block was held for) into the block `at`. */
  load(at: number, B: Float64Array): void;
  /** out = B x (rows entries) for the B held at `B`. */
  project(B: number, rows: number, n: number, x: Float64Array, out: Float64Array): void;
  /** B B^T (rows x rows, a fresh array) for the B held at `B`, as src/linalg/dense.ts `gram`. */
  gram(B: number, rows: number, n: number): Float64Array;
  /** out += B^T v (n entries) for the B held at `B`, as src/linalg/dense.ts `addMatTVec`. */
  addBack(B: number, rows: number, n: number, v: Float64Array, out: Float64Array): void;
}
