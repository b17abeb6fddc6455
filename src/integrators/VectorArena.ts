import type { ExponentialStage, ExponentialStageLayout } from './ExponentialStage.js';

/**
 * Where an integrator may keep its work vectors so that their updates run natively: a block of memory that also
 * computes linear combinations of the vectors it holds (src/kernels/WasmVectors.ts: WebAssembly SIMD). Its results
 * are bitwise those of `linearCombination` (src/linalg/linearCombination.ts), so a solve is the same
 * with or without an arena.
 */
export interface VectorArena {
  /**
   * `count` zero-initialized vectors of length n in the arena, for the caller alone until it hands them back with
   * {@link VectorArena.release} (a solve borrows its work vectors once and returns them when it ends).
   */
  borrow(count: number, n: number): Float64Array[];
  /** Zero-initialized vectors of the given lengths in the arena, as {@link VectorArena.borrow} (in one call, so that none moves under another). */
  borrowEach(lengths: readonly number[]): Float64Array[];
  /**
   * A native twin of the exponential stepper's stage work on `layout` (whose arrays the caller borrowed from this arena
   * in one call), bitwise its TypeScript path; undefined when the arena has none or the layout does not lie in it.
   */
  exponentialStage(layout: ExponentialStageLayout): ExponentialStage | undefined;
  /** Return vectors from {@link VectorArena.borrow} (the caller no longer reads or writes them). */
  release(vectors: readonly Float64Array[]): void;
  /**
   * out[offset + m] = y[m] + h sum_{j<count} w_j k_j[m] (without y when undefined), as `linearCombination`, when out,
   * y and the k_j with a non-zero weight all lie in the arena: then true. false (nothing written) otherwise.
   */
  combine(out: Float64Array, offset: number, y: Float64Array | undefined, h: number, w: ArrayLike<number>, k: readonly Float64Array[], count: number): boolean;
  /** Whether every entry of v is finite, computed in the arena when v lies there; undefined (nothing done) otherwise. */
  allFinite(v: Float64Array): boolean | undefined;
  /**
   * `errorNorm(err, y, yNew, rtol, atol)` (src/integrators/errorNorm.ts), bitwise, computed in the arena when all
   * five vectors lie there; undefined (nothing done) otherwise.
   */
  errorNorm(err: Float64Array, y: Float64Array, yNew: Float64Array, rtol: number, atol: Float64Array): number | undefined;
  /** True when every vector handed out so far is still readable (the arena's memory has not moved since). */
  intact(v: Float64Array): boolean;
}
